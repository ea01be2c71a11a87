using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Scripting;

/// <summary>A script failed or broke a sandbox limit; the activity that ran it faults with this as its incident.</summary>
public sealed class ScriptEvaluationException : Exception
{
    public ScriptEvaluationException(ScriptFailure failure, string message, ScriptLocation? location = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Location = location;
    }

    public ScriptEvaluationException()
        : this(ScriptFailure.Error, "The script failed.")
    {
    }

    public ScriptEvaluationException(string message)
        : this(ScriptFailure.Error, message)
    {
    }

    public ScriptEvaluationException(string message, Exception innerException)
        : this(ScriptFailure.Error, message, null, innerException)
    {
    }

    public ScriptFailure Failure { get; }

    /// <summary>Where in the script (1-based), when known.</summary>
    public ScriptLocation? Location { get; }
}
