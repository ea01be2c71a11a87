namespace SfaFlow.Web.Api.Auth;

/// <summary>What a sign-in form posts: <see cref="Token"/> in the field <see cref="FormFieldName"/> (or the header <see cref="HeaderName"/>).</summary>
public sealed record AntiforgeryToken(string FormFieldName, string? HeaderName, string Token);
