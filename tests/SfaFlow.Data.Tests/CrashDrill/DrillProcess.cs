using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Threading.Channels;

namespace SfaFlow.Data.Tests.CrashDrill;

/// <summary>
/// The drill program (tests/SfaFlow.Runtime.Drill) as a real child process: its standard output is read line by line as
/// it comes, its standard error is kept for failure messages. It can be killed at a given line of its output.
/// </summary>
internal sealed class DrillProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _errors = new();

    private readonly Func<string, bool>? _killWhen;

    private DrillProcess(Process process, Func<string, bool>? killWhen)
    {
        _process = process;
        _killWhen = killWhen;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
    }

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>The output line at which the process was killed, if it was.</summary>
    public string? KilledAt { get; private set; }

    /// <summary>What the process wrote to standard error so far (its logs).</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts the drill; <paramref name="killWhen"/>, if given, sees each output line and kills it at the first true.</summary>
    public static DrillProcess Start(Func<string, bool>? killWhen, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DrillAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var drill = new DrillProcess(new Process { StartInfo = start }, killWhen);
        drill._process.Start();
        drill._process.BeginErrorReadLine();

        // Standard output is read by a thread of its own, which also kills: the kill must follow the line that asks for it
        // within milliseconds, whatever the thread pool and the test framework's scheduler are busy with (under a full
        // test run, lines handed to the test's async code arrived seconds late).
        new Thread(drill.ReadOutput) { IsBackground = true, Name = $"drill {drill.Id} stdout" }.Start();
        return drill;
    }

    private void ReadOutput()
    {
        while (_process.StandardOutput.ReadLine() is { } line)
        {
            if (KilledAt is null && _killWhen?.Invoke(line) == true)
            {
                KilledAt = line;
                Kill();
            }

            _lines.Writer.TryWrite(line);
        }

        _lines.Writer.TryComplete();
    }

    /// <summary>Reads standard output until a line matches; fails if the process ends or the time runs out first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(cancel.Token))
            {
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The drill process did not report {what} within {timeout.TotalSeconds:0} s. Its log:\n{Errors}");
        }

        throw new InvalidOperationException($"The drill process ended before reporting {what}. Its log:\n{Errors}");
    }

    /// <summary>
    /// SIGKILL: on Unix <see cref="Process.Kill(bool)"/> sends signal 9, which the process cannot catch, so no shutdown
    /// code, finalizer or flush runs. The exit code of a process killed by a signal is 128 + the signal number.
    /// </summary>
    private void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The drill process did not exit within {timeout.TotalSeconds:0} s. Its log:\n{Errors}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    /// <summary>The same dotnet the tests run on (the CLI tells its children where it is).</summary>
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    /// <summary>The drill's build output, which the test project's build produces (see its project reference).</summary>
    private static string DrillAssembly()
    {
        var path = typeof(DrillProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SfaFlow.Runtime.Drill").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException($"The drill program is not built at {path}; build the solution first.", path);
    }
}
