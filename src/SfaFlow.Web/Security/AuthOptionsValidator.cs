using Microsoft.Extensions.Options;

namespace SfaFlow.Web.Security;

/// <summary>
/// Refuses to start with settings that would leave sign-in insecure or unusable: above all, no signing key outside
/// Development and Testing, since a generated key there would be a secret on local disk that other nodes do not share.
/// </summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public const int MinimumKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            if (!SigningKey.MayGenerate(environment))
            {
                failures.Add($"{AuthOptions.SectionName}:SigningKey must be set outside Development (at least {MinimumKeyLength} characters, "
                    + "for example from `openssl rand -base64 48`, given as the environment variable SfaFlow__Auth__SigningKey).");
            }
        }
        else if (options.SigningKey.Length < MinimumKeyLength)
        {
            failures.Add($"{AuthOptions.SectionName}:SigningKey must be at least {MinimumKeyLength} characters long.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.CookieLifetime <= TimeSpan.Zero || options.LockoutDuration <= TimeSpan.Zero)
        {
            failures.Add($"{AuthOptions.SectionName}: TokenLifetime, CookieLifetime and LockoutDuration must be positive.");
        }

        if (options.MaxFailedAttempts < 1)
        {
            failures.Add($"{AuthOptions.SectionName}:MaxFailedAttempts must be 1 or more.");
        }

        if (!string.IsNullOrWhiteSpace(options.InitialAdmin.UserName) && string.IsNullOrEmpty(options.InitialAdmin.Password))
        {
            failures.Add($"{AuthOptions.SectionName}:InitialAdmin:Password must be set along with its UserName.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
