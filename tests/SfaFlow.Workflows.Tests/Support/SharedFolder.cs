namespace SfaFlow.Workflows.Tests.Support;

/// <summary>Finds the team's shared folder (<c>../shared</c> next to the repository), where the Elsa samples live.</summary>
public static class SharedFolder
{
    public static string ElsaSamples => Path.Combine(Root, "elsa-samples");

    /// <summary>SFAFLOW_SHARED overrides; otherwise <c>shared</c> beside the folder holding SfaFlow.sln.</summary>
    public static string Root
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SFAFLOW_SHARED") is { Length: > 0 } configured)
            {
                return configured;
            }

            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SfaFlow.sln")))
            {
                directory = directory.Parent;
            }

            if (directory?.Parent is null)
            {
                throw new DirectoryNotFoundException($"SfaFlow.sln not found above {AppContext.BaseDirectory}.");
            }

            return Path.Combine(directory.Parent.FullName, "shared");
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SfaFlow.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("SfaFlow.sln not found.");
        }
    }
}
