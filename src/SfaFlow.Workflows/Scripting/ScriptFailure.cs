namespace SfaFlow.Workflows.Scripting;

/// <summary>Why a script evaluation failed.</summary>
public enum ScriptFailure
{
    /// <summary>The script threw, or hit a JavaScript error such as a TypeError.</summary>
    Error,

    /// <summary>It ran longer than <see cref="ScriptOptions.Timeout"/>.</summary>
    TimeLimit,

    /// <summary>It executed more than <see cref="ScriptOptions.MaxStatements"/> statements.</summary>
    StatementLimit,

    /// <summary>It allocated more than <see cref="ScriptOptions.MaxMemoryBytes"/> or built an oversized string or array.</summary>
    MemoryLimit,

    /// <summary>It nested calls deeper than <see cref="ScriptOptions.MaxRecursionDepth"/> or exhausted the stack.</summary>
    RecursionLimit,

    /// <summary>A host function it called did not return within its deadline.</summary>
    HostCallTimeout,

    /// <summary>The run was cancelled.</summary>
    Cancelled,
}
