using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Benchmarks.Lead;
using SfaFlow.Workflows;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Benchmarks.Flowchart;

/// <summary>
/// The lead-qualification flowchart (Elsa 3.6 JSON, embedded) on SfaFlow's in-memory engine, wired the way a host wires
/// it: default sandbox limits, <c>lead</c> exposed as a read-only script global, definition compiled once up front.
/// </summary>
internal sealed partial class LeadFlowchart : IDisposable
{
    private const string ResourceName = "SfaFlow.Benchmarks.lead-qualification.json";

    private readonly ServiceProvider _services;
    private readonly WorkflowEngine _engine;
    private readonly WorkflowDefinition _definition;
    private readonly CountingTextSink _sink = new();

    public LeadFlowchart()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITextSink>(_sink);
        services.AddSfaFlowWorkflows();
        services.Configure<ScriptOptions>(o => o.InputGlobals.Add("lead"));
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<WorkflowEngine>();
        Json = ReadJson();
        _definition = ElsaJsonReader.Read(Json).GetDefinitionOrThrow();
        _engine.Prepare(_definition);
    }

    public string Json { get; }

    /// <summary>Starts one instance for a fresh lead and runs it to the end.</summary>
    public Task<WorkflowInstance> RunAsync() =>
        _engine.StartAsync(_definition, new StartWorkflowOptions { Input = new Dictionary<string, object?> { ["lead"] = LeadScenario.CreateInput() } });

    public void Dispose() => _services.Dispose();

    private static string ReadJson()
    {
        using var stream = typeof(LeadFlowchart).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
