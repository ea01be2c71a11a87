using System.ComponentModel.DataAnnotations;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// Sandbox limits for workflow JavaScript, bound from <c>SfaFlow:Scripts</c>. Every limit is on by default: a script that
/// breaks one becomes an incident on its workflow instance, never a hung thread or a crashed process.
/// </summary>
public sealed class ScriptOptions
{
    public const string SectionName = "SfaFlow:Scripts";

    /// <summary>Wall-clock time one evaluation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Statements one evaluation may execute.</summary>
    [Range(1, int.MaxValue - 1)]
    public int MaxStatements { get; set; } = 1_000_000;

    /// <summary>Nested function calls one evaluation may make.</summary>
    [Range(1, 100_000)]
    public int MaxRecursionDepth { get; set; } = 256;

    /// <summary>Bytes one evaluation may allocate (checked between statements).</summary>
    [Range(1024, long.MaxValue - 1)]
    public long MaxMemoryBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The longest string a single built-in call may build (<c>repeat</c>, <c>padStart</c>, <c>join</c>).</summary>
    [Range(1, int.MaxValue)]
    public int MaxStringLength { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest array a script may create.</summary>
    [Range(1, int.MaxValue)]
    public uint MaxArraySize { get; set; } = 1_000_000;

    /// <summary>
    /// How long a host function (from a plugin) may run per call. Jint's timeout does not cover code outside the script, so
    /// each host call gets its own deadline; the script's remaining time caps it as well.
    /// </summary>
    public TimeSpan HostCallTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Workflow inputs exposed to scripts as read-only globals under their own name (the SFA layer adds <c>lead</c>,
    /// <c>opportunity</c>, <c>account</c>, <c>event</c>), in addition to Elsa's <c>getInput('name')</c>.
    /// </summary>
    public IList<string> InputGlobals { get; } = [];
}
