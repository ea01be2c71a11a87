using MimeKit;

namespace SfaFlow.Sales.Mail;

/// <summary>Hands a finished message on. Implementations must tolerate the same message (same Message-Id) twice.</summary>
public interface IMailTransport
{
    /// <summary>Sends the message; returns false when it had been sent before (a retried execution), true when sent now.</summary>
    Task<bool> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
