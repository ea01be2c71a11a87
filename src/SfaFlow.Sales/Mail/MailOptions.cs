namespace SfaFlow.Sales.Mail;

/// <summary>How workflows send e-mail, bound from <c>SfaFlow:Mail</c> (checked at start by <see cref="MailOptionsValidator"/>).</summary>
public sealed class MailOptions
{
    public const string SectionName = "SfaFlow:Mail";

    /// <summary>The sender address of every message.</summary>
    public string FromAddress { get; set; } = "sfaflow@localhost";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "SfaFlow";

    /// <summary>
    /// <see cref="MailTransportKind.Pickup"/> by default, so a fresh install never mails real people: messages land as
    /// <c>.eml</c> files that a mail server (or a person) picks up.
    /// </summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>The folder <see cref="MailTransportKind.Pickup"/> writes to; relative paths start at the working directory.</summary>
    public string PickupFolder { get; set; } = "data/mail-pickup";

    public SmtpSettings Smtp { get; } = new();
}

/// <summary>The SMTP server used when <see cref="MailOptions.Transport"/> is <see cref="MailTransportKind.Smtp"/>.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS (required when true); false sends in clear text, for a local relay only.</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>Signs in when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long connecting and sending may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Where messages go.</summary>
public enum MailTransportKind
{
    /// <summary>An <c>.eml</c> file per message in <see cref="MailOptions.PickupFolder"/>.</summary>
    Pickup,

    /// <summary>An SMTP server (<see cref="MailOptions.Smtp"/>).</summary>
    Smtp,
}
