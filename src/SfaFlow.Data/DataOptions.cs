namespace SfaFlow.Data;

/// <summary>Database settings, bound from <c>SfaFlow:Data</c>.</summary>
public sealed class DataOptions
{
    public const string SectionName = "SfaFlow:Data";

    /// <summary>The SQLite connection string; a relative file path is relative to the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/sfaflow.db";

    /// <summary>
    /// SQLite's <c>synchronous</c> setting: <c>FULL</c> (the default: a commit survives a power cut) or <c>NORMAL</c>
    /// (faster; in WAL mode a power cut can lose the last commits, never corrupt the database).
    /// </summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
