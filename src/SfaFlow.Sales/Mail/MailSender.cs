using Microsoft.Extensions.Options;
using MimeKit;

namespace SfaFlow.Sales.Mail;

/// <summary>Sends messages from the configured sender through the configured transport (<see cref="MailOptions"/>).</summary>
public sealed class MailSender(IOptions<MailOptions> options)
{
    private readonly MailOptions _options = options.Value;

    public MailboxAddress From => new(_options.FromName, _options.FromAddress);

    /// <summary>The transport the settings name; a new one per send, so changed SMTP settings need no cached client.</summary>
    public IMailTransport Transport => _options.Transport switch
    {
        MailTransportKind.Smtp => new SmtpMailTransport(_options.Smtp),
        _ => new PickupMailTransport(_options.PickupFolder),
    };

    /// <inheritdoc cref="IMailTransport.SendAsync"/>
    public Task<bool> SendAsync(MimeMessage message, CancellationToken cancellationToken = default) => Transport.SendAsync(message, cancellationToken);
}
