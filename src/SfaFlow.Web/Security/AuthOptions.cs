namespace SfaFlow.Web.Security;

/// <summary>Sign-in settings, bound from <c>SfaFlow:Auth</c> (docs/security.md).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "SfaFlow:Auth";

    /// <summary>
    /// The secret that signs and checks bearer tokens (HMAC-SHA256): at least 32 characters, from the environment or a
    /// secret store, never from a committed file. Required outside Development and Testing; there, when it is not set,
    /// a random key is generated once into <see cref="SigningKeyFile"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where Development and Testing keep their generated key; relative to the working directory like the database.</summary>
    public string SigningKeyFile { get; set; } = "data/signing-key.txt";

    public string Issuer { get; set; } = "SfaFlow";

    public string Audience { get; set; } = "SfaFlow";

    /// <summary>How long a bearer token is valid. There are no refresh tokens: a client asks for a new token with the password.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the UI's sign-in cookie lasts without use (it slides while used).</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row (wrong password) after which the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first admin, created at startup when no admin can sign in (docs/security.md).</summary>
    public InitialAdminOptions InitialAdmin { get; set; } = new();
}
