namespace SfaFlow.Cli;

/// <summary>What <c>sfaflow</c> returns; docs/cli.md lists the same table, and scripts depend on it.</summary>
internal static class ExitCodes
{
    /// <summary>Every file is valid, or the workflow ran (finished, or suspended on a bookmark).</summary>
    public const int Success = 0;

    /// <summary>Bad command line, unreadable file, invalid definition, or the engine refused the run.</summary>
    public const int BadInput = 1;

    /// <summary>The workflow ran and ended faulted.</summary>
    public const int Faulted = 2;

    /// <summary>The run stopped at the resume limit: the workflow probably waits on timers in an endless loop.</summary>
    public const int ResumeLimitReached = 3;
}
