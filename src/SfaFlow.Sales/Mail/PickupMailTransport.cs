using MimeKit;

namespace SfaFlow.Sales.Mail;

/// <summary>
/// Writes each message as an <c>.eml</c> file named after its Message-Id into the pickup folder. The file is written under a
/// hidden temporary name and then moved into place, so a pickup service never reads half a message; a file already there
/// means the message was sent by an earlier attempt of the same execution, and it is not written again.
/// </summary>
public sealed class PickupMailTransport(string folder) : IMailTransport
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The file a message is written to: its Message-Id, reduced to characters every file system accepts.</summary>
    public string PathOf(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.MessageId ?? throw new InvalidOperationException("A message needs a Message-Id before it is written to the pickup folder.");
        var safe = new string([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')]);
        return Path.Combine(Folder, $"{safe}.eml");
    }

    public async Task<bool> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var target = PathOf(message);
        if (File.Exists(target))
        {
            return false;
        }

        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another attempt of the same execution got there first: the message is sent once.
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
