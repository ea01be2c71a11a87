using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SfaFlow.Sales.Mail;

/// <summary>
/// Sends through an SMTP server. SMTP cannot tell whether a message was delivered before a crash, so a retried execution
/// may send again; it sends the same Message-Id, which lets receiving systems drop the duplicate.
/// </summary>
public sealed class SmtpMailTransport(SmtpSettings settings) : IMailTransport
{
    public async Task<bool> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var security = settings.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("SfaFlow:Mail:Smtp:Host is not set."), settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return true;
    }
}
