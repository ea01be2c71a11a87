namespace SfaFlow.Workflows.Tests.Cli;

/// <summary>Small workflow files written to a temporary folder for one test, deleted afterwards.</summary>
public sealed class WorkflowFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sfaflow-cli-").FullName;

    public string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A path inside the folder that no file has.</summary>
    public string Missing(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
