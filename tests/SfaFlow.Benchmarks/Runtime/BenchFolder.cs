using Microsoft.Data.Sqlite;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>A fresh folder under the system temp folder for the run's databases, deleted afterwards.</summary>
internal sealed class BenchFolder : IDisposable
{
    public BenchFolder() =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sfaflow-runtime-bench", Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
