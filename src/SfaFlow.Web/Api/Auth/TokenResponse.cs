namespace SfaFlow.Web.Api.Auth;

/// <summary>A bearer token for <c>Authorization: Bearer ...</c>, and when it stops being accepted.</summary>
public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
