namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>Where a definition version is in its life.</summary>
public enum DefinitionState
{
    /// <summary>Being edited; never runs except when executed explicitly as a draft.</summary>
    Draft,

    /// <summary>The version that new instances and triggers use; immutable. At most one per definition.</summary>
    Published,

    /// <summary>Was published; instances pinned to it still run on it, nothing new starts on it.</summary>
    Retired,
}
