namespace SfaFlow.Workflows.Compilation;

/// <summary>
/// A built-in activity that prepares per-node data when a definition is compiled, for JSON that is not a plain wrapped
/// input (a switch's case list, SetVariable's target) or for checks that belong before the first run (a cron expression).
/// </summary>
internal interface ICompilingActivity
{
    void Compile(NodeCompilation compilation);
}
