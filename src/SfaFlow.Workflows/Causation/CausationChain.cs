namespace SfaFlow.Workflows.Causation;

/// <summary>
/// Why an event happened, as far back as it goes: a person's edit raised an event, which ran a workflow instance, which
/// changed a record and raised the next event, and so on. Each <see cref="Links"/> entry is one such hop (an event and the
/// instance it ran); <see cref="Depth"/> counts every hop, though only the latest <see cref="KeptLinks"/> are kept. An event
/// raised outside any workflow has no chain (depth 0).
/// </summary>
/// <param name="Depth">How many workflow runs lie between the original cause and the event this chain belongs to.</param>
/// <param name="RootEventId">The original cause: the event no workflow raised (a person's edit, an import row, an API call).</param>
/// <param name="Links">The latest hops, oldest first.</param>
public sealed record CausationChain(int Depth, string RootEventId, IReadOnlyList<CausationLink> Links)
{
    /// <summary>How many hops a chain keeps to name a loop; the depth counts on past them.</summary>
    public const int KeptLinks = 8;

    /// <summary>The chain of what an instance does in a run caused by <paramref name="cause"/> (null: an event with no chain).</summary>
    public static CausationChain Through(CausationChain? cause, CausationLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (cause is null)
        {
            return new CausationChain(1, link.EventId ?? link.EventName, [link]);
        }

        var links = cause.Links.Count < KeptLinks ? cause.Links : cause.Links.Skip(cause.Links.Count - KeptLinks + 1);
        return new CausationChain(cause.Depth + 1, cause.RootEventId, [.. links, link]);
    }

    /// <summary>The chain as an operator reads it: "RecordUpdated (lead:5) -> loop-wf #1a2b -> RecordUpdated (lead:5) -> ...".</summary>
    public string Describe()
    {
        var hops = string.Join(" -> ", Links.Select(link => link.Describe()));
        return Depth > Links.Count ? $"({Depth - Links.Count} earlier hops) -> {hops}" : hops;
    }
}

/// <summary>One hop of a <see cref="CausationChain"/>: an event and the workflow instance it ran.</summary>
public sealed record CausationLink(string EventName, string? EventId, string? CorrelationId, string DefinitionId, string InstanceId)
{
    public string Describe() =>
        $"{EventName}{(CorrelationId is null ? "" : $" ({CorrelationId})")} -> {DefinitionId} #{InstanceId[..Math.Min(8, InstanceId.Length)]}";
}
