namespace SfaFlow.Data.Workflows;

/// <summary>
/// That an instance received an event (it was started or resumed by it). Its key (event, instance) is the primary key, and
/// it is written in the commit that saves what the event did, so a redelivered event finds it and changes nothing.
/// </summary>
internal sealed class EventReceiptRow
{
    public required string EventId { get; set; }

    public required string InstanceId { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long ReceivedAt { get; set; }
}
