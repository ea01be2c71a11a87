namespace SfaFlow.Sales.Leads;

/// <summary>
/// A lead's answer (an e-mail read by a rep, or handed over by an inbound-mail hook): what it said and when it came;
/// <paramref name="ReceivedAt"/> defaults to now.
/// </summary>
public sealed record LeadReply(string? Subject, string? Body, DateTimeOffset? ReceivedAt);
