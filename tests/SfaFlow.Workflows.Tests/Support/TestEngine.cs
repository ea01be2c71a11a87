using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Tests.Support;

/// <summary>
/// A workflow engine wired as a host would wire it, with captured WriteLine output, a fake clock and
/// <see cref="PatientLimits"/> (the constructor's <c>scripts</c> comes after them: a test of a time limit sets it there).
/// </summary>
public sealed class TestEngine : IDisposable
{
    private readonly ServiceProvider _services;

    public TestEngine(Action<ScriptOptions>? scripts = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITextSink>(Lines);
        services.AddSfaFlowWorkflows();
        services.Configure<ScriptOptions>(PatientLimits.Apply);
        if (scripts is not null)
        {
            services.Configure(scripts);
        }

        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Engine = _services.GetRequiredService<WorkflowEngine>();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public CapturingTextSink Lines { get; } = new();

    public WorkflowEngine Engine { get; }

    public IServiceProvider Services => _services;

    public static WorkflowDefinition Read(string json) => ElsaJsonReader.Read(json).GetDefinitionOrThrow();

    public Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, StartWorkflowOptions? options = null) =>
        Engine.StartAsync(definition, options);

    /// <summary>Like Elsa's test harness: resume every bookmark at once until the instance finishes or none is left.</summary>
    public async Task<WorkflowInstance> RunUntilEndAsync(WorkflowDefinition definition, StartWorkflowOptions? options = null, int maxResumes = 100)
    {
        var instance = await StartAsync(definition, options);
        for (var i = 0; i < maxResumes && !instance.IsFinished && instance.Bookmarks.Count > 0; i++)
        {
            instance = await Engine.ResumeAsync(definition, instance, instance.Bookmarks[0].Id);
        }

        return instance;
    }

    public void Dispose() => _services.Dispose();
}
