using Microsoft.Extensions.Options;
using MimeKit;

namespace SfaFlow.Sales.Mail;

/// <summary>Refuses mail settings that would only fail at the first send, so that a typo stops the host at start instead.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.FromAddress, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"SfaFlow:Mail:FromAddress must be an e-mail address (it is '{options.FromAddress}').");
        }

        if (!Enum.IsDefined(options.Transport))
        {
            failures.Add("SfaFlow:Mail:Transport is Pickup or Smtp.");
        }
        else if (options.Transport == MailTransportKind.Pickup && string.IsNullOrWhiteSpace(options.PickupFolder))
        {
            failures.Add("SfaFlow:Mail:PickupFolder is needed when the transport is Pickup.");
        }
        else if (options.Transport == MailTransportKind.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                failures.Add("SfaFlow:Mail:Smtp:Host is needed when the transport is Smtp.");
            }

            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add("SfaFlow:Mail:Smtp:Port is between 1 and 65535.");
            }

            if (options.Smtp.Timeout <= TimeSpan.Zero)
            {
                failures.Add("SfaFlow:Mail:Smtp:Timeout must be positive.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
