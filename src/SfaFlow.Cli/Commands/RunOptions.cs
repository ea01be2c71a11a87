using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using SfaFlow.Cli.Running;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Cli.Commands;

/// <summary>The arguments and options of <c>sfaflow run</c>, and how a parse of them becomes a <see cref="RunRequest"/>.</summary>
internal sealed class RunOptions
{
    public Argument<string> File { get; } = new("file") { Description = "The workflow JSON file (Elsa 3 format)." };

    public Option<IReadOnlyDictionary<string, object?>> Input { get; } = new("--input", "-i")
    {
        Description = "A workflow input as name=value; the value is read as JSON when it parses (70, true, {\"score\":70}), else as text. Repeatable.",
        HelpName = "name=value",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = CommandLineValues.ParseInputs,
    };

    public Option<string> ResumeEvent { get; } = new("--resume-event")
    {
        Description = "Once no timer is left, publish this event: every Elsa.Event bookmark with this event name resumes.",
        HelpName = "NAME",
    };

    public Option<JsonElement?> Payload { get; } = new("--payload")
    {
        Description = "The event's payload as JSON; the Event activity's 'result' output. Needs --resume-event.",
        HelpName = "JSON",
        CustomParser = result => CommandLineValues.ParseJson(result, "--payload"),
    };

    public Option<string> Mode { get; } = new Option<string>("--flowchart-mode")
    {
        Description = "counter (Elsa's default) or token (honours customProperties.mergeMode). Default: the definition's 'SfaFlow:FlowchartMode', else counter.",
    }.AcceptOnlyFromAmong("counter", "token");

    public Option<bool> NoFastTimers { get; } = new("--no-fast-timers")
    {
        Description = "Leave timers (Delay, Timer, StartAt, Cron) open instead of firing them at once.",
    };

    public Option<int> MaxResumes { get; } = new("--max-resumes")
    {
        Description = "Stop after this many resumes (timers and events); exit code 3 when the workflow was still running.",
        HelpName = "N",
        DefaultValueFactory = _ => RunRequest.DefaultMaxResumes,
        Validators = { RejectNegative },
    };

    public Option<string[]> WorkflowActivities { get; } = new("--workflow-activity")
    {
        Description = "A workflow file the run can use as an activity (Elsa's usableAsActivity). Repeatable.",
        HelpName = "file",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON object: status, subStatus, lines, variables, outputs, bookmarks, incidents, journal.",
    };

    public IEnumerable<Option> Options => [Input, ResumeEvent, Payload, Mode, NoFastTimers, MaxResumes, WorkflowActivities, Json];

    public RunRequest ToRequest(ParseResult parse) => new()
    {
        File = parse.GetRequiredValue(File),
        Input = parse.GetValue(Input) ?? new Dictionary<string, object?>(),
        ResumeEvent = parse.GetValue(ResumeEvent),
        Payload = parse.GetValue(Payload),
        FlowchartMode = parse.GetValue(Mode) switch
        {
            "counter" => FlowchartMode.CounterBased,
            "token" => FlowchartMode.TokenBased,
            _ => null,
        },
        FastTimers = !parse.GetValue(NoFastTimers),
        MaxResumes = parse.GetValue(MaxResumes),
        WorkflowActivities = parse.GetValue(WorkflowActivities) ?? [],
        Json = parse.GetValue(Json),
    };

    private static void RejectNegative(OptionResult result)
    {
        if (result.GetValueOrDefault<int>() < 0)
        {
            result.AddError($"{result.Option.Name} cannot be negative.");
        }
    }
}
