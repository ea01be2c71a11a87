namespace SfaFlow.Web.Api.Auth;

public sealed record TokenRequest(string? UserName, string? Password);
