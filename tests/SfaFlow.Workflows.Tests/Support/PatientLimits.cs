using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Tests.Support;

/// <summary>
/// The script time limits of test hosts. The product's defaults (500 ms per script, 250 ms per host call) are wall-clock
/// limits: on a machine shared with other builds and test runs, a script or a database read behind a host function can
/// be descheduled past them, and a test that is not about limits fails with "ran longer than its limit". Test hosts use
/// these instead; a test aimed at a time limit sets its own.
/// </summary>
public static class PatientLimits
{
    public static readonly TimeSpan Time = TimeSpan.FromSeconds(30);

    public static void Apply(ScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Timeout = Time;
        options.HostCallTimeout = Time;
    }

    /// <summary>The same as configuration keys, for hosts configured by settings.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["SfaFlow:Scripts:Timeout"] = Time.ToString(),
        ["SfaFlow:Scripts:HostCallTimeout"] = Time.ToString(),
    };
}
