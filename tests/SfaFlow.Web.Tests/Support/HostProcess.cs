using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Web.Tests.Support;

/// <summary>
/// The real SfaFlow host (src/SfaFlow.Web's build output) as a child process, configured through environment variables,
/// so that a test can kill it with SIGKILL: no shutdown code, finalizer or flush runs. It shares nothing with other
/// processes on the machine (another test run, the developer's own host on port 5000): it listens on 127.0.0.1 on a port
/// the operating system picks when it binds (port 0; the host logs which), and runs in a folder of its own, which is its
/// working directory (relative paths such as the default <c>data/</c>) and its home (the data-protection keys).
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _home;

    private HostProcess(Process process, string home)
    {
        _process = process;
        _home = home;
        DataReceivedEventHandler keep = (_, e) =>
        {
            lock (_log)
            {
                _log.AppendLine(e.Data);
            }

            if (e.Data is { } line && ListeningOn().Match(line) is { Success: true } match)
            {
                _listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        _process.OutputDataReceived += keep;
        _process.ErrorDataReceived += keep;
    }

    /// <summary>Where the host listens; known once <see cref="StartAsync"/> has returned.</summary>
    public Uri Address => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("The host is not listening yet.");

    /// <summary>What the host logged so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the host with the settings (configuration keys such as <c>SfaFlow:Outbox:RunDispatcher</c>) and waits until /health answers.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var home = Directory.CreateTempSubdirectory("sfaflow-host-").FullName;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        start.ArgumentList.Add(HostAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["HOME"] = home;
        // "Now listening on" is how the port is learnt: keep the lifetime messages whatever the log settings say.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in PatientLimits.Settings.Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new HostProcess(new Process { StartInfo = start }, home);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync(timeout);
        }
        catch
        {
            // A host that never became healthy must not outlive the test, still running on its database.
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>A client for the host, with a bearer token when one is given.</summary>
    public HttpClient Client(string? token = null)
    {
        // Generous: on a machine busy with other builds and test runs, a request can take tens of seconds.
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>SIGKILL (on Unix <see cref="Process.Kill(bool)"/> sends signal 9), then waits for the process to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!_listening.Task.IsCompleted)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it listened. Its log:\n{Log}");
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The host did not listen within {timeout.TotalSeconds:0} s. Its log:\n{Log}");
            }

            await Task.WhenAny(_listening.Task, Task.Delay(100));
        }

        using var client = Client();
        while (waited.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was healthy. Its log:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host was not healthy within {timeout.TotalSeconds:0} s. Its log:\n{Log}");
    }

    /// <summary>Kestrel's line for each address it bound, such as <c>Now listening on: http://127.0.0.1:41234</c>.</summary>
    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    /// <summary>The same dotnet the tests run on (the CLI tells its children where it is).</summary>
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    /// <summary>The host's build output, which building this test project produces (it references the host's project).</summary>
    private static string HostAssembly()
    {
        var path = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SfaFlow.Web").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException($"The host is not built at {path}; build the solution first.", path);
    }
}
