using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Workflows;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Cli.Hosting;

/// <summary>
/// One engine per command: its own services, its own captured WriteLine lines and its own clock, so runs in the same
/// process (the tests) never see each other's output.
/// </summary>
internal sealed class EngineHost : IDisposable
{
    private readonly ServiceProvider _services;

    public EngineHost()
    {
        var services = new ServiceCollection();
        // Registered before the engine's own defaults, which are added with TryAdd and so step aside.
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITextSink>(Lines);
        services.AddSfaFlowWorkflows();
        _services = services.BuildServiceProvider();
        Engine = _services.GetRequiredService<WorkflowEngine>();
    }

    public FastForwardClock Clock { get; } = new();

    public CapturingTextSink Lines { get; } = new();

    public WorkflowEngine Engine { get; }

    public void Dispose() => _services.Dispose();
}
