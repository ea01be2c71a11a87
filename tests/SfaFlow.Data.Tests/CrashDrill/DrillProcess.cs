using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Threading.Channels;

namespace SfaFlow.Data.Tests.CrashDrill;

/// <summary>
/// The drill program (tests/SfaFlow.Runtime.Drill) as a real child process: its standard output is read line by line as
/// it comes (so the test can act on progress), its standard error is kept for failure messages.
/// </summary>
internal sealed class DrillProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _errors = new();

    private DrillProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
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

    public static DrillProcess Start(params string[] arguments)
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

        var drill = new DrillProcess(new Process { StartInfo = start });
        drill._process.Start();
        drill._process.BeginOutputReadLine();
        drill._process.BeginErrorReadLine();
        return drill;
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
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

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
            _process.Kill(entireProcessTree: true);
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
