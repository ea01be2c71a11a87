using System.Globalization;
using SfaFlow.Runtime.Drill;
using SfaFlow.Workflows.Runtime;

// The crash drill's runtime process. Standard output carries progress lines only ("started N", "finished N",
// "all finished"); logs go to standard error.
//   start <database> <line-file> <count> <OnSuspend|PerActivity>   migrate, publish, start <count> instances, run timers
//   run <database> <line-file> <OnSuspend|PerActivity> [timeout-s]  a restarted runtime: recover and run until all finished
// Exit code 0 when every instance finished, 2 on timeout, 64 on bad arguments.
try
{
    return args switch
    {
        ["start", var database, var lines, var count, var commit] =>
            await DrillCommands.StartAsync(database, lines, int.Parse(count, CultureInfo.InvariantCulture), Enum.Parse<CommitStrategy>(commit)),
        ["run", var database, var lines, var commit] =>
            await DrillCommands.RunAsync(database, lines, Enum.Parse<CommitStrategy>(commit), TimeSpan.FromSeconds(120)),
        ["run", var database, var lines, var commit, var timeout] =>
            await DrillCommands.RunAsync(database, lines, Enum.Parse<CommitStrategy>(commit), TimeSpan.FromSeconds(int.Parse(timeout, CultureInfo.InvariantCulture))),
        _ => Usage(),
    };
}
catch (Exception exception) when (exception is FormatException or ArgumentException)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: start <database> <line-file> <count> <OnSuspend|PerActivity> | run <database> <line-file> <OnSuspend|PerActivity> [timeout-seconds]");
    return 64;
}
