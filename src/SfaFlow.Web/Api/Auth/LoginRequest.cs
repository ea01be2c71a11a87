namespace SfaFlow.Web.Api.Auth;

/// <summary>Cookie sign-in; <see cref="RememberMe"/> keeps the cookie across browser restarts.</summary>
public sealed record LoginRequest(string? UserName, string? Password, bool RememberMe = false);
