using SfaFlow.Benchmarks.Lead;
using WorkflowCore.Interface;
using WorkflowCore.Primitives;

namespace SfaFlow.Benchmarks.Peer;

/// <summary>
/// The lead-qualification flowchart rebuilt in WorkflowCore: the same ten steps, three decisions and merges. WorkflowCore
/// branches are separate builders, so they are built from the end of the flow backwards, and the merges (a branch
/// rejoining another) are <c>Attach</c> calls to a step id.
/// </summary>
internal sealed class LeadWorkflow : IWorkflow<LeadData>
{
    public const string WorkflowId = "lead-qualification";

    public string Id => WorkflowId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<LeadData> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var routing = builder.CreateBranch()
            .StartWith<WriteLineStep>().Name("RouteToSales").Id("route").Input(s => s.Text, _ => LeadScenario.RouteLine)
            .Then<MarkStep>().Name("End1").Id("end");
        var segment = builder.CreateBranch()
            .StartWith<AssignStep>().Name("SetSegment").Input(s => s.Value, _ => LeadScenario.Segment).Output(d => d.Segment, s => s.Value)
            .Attach("route");
        var size = builder.CreateBranch()
            .StartWith<Decide>().Name("SizeCheck").Id("size").Input(s => s.Expression, d => d.Check(LeadCheck.Size))
            .Branch(true, segment)
            .Branch(false, routing);
        var territory = builder.CreateBranch()
            .StartWith<AssignStep>().Name("SetTerritory").Input(s => s.Value, _ => LeadScenario.Territory).Output(d => d.Territory, s => s.Value)
            .Attach("size");
        var qualified = builder.CreateBranch()
            .StartWith<AssignStep>().Name("SetRating").Input(s => s.Value, _ => LeadScenario.Rating).Output(d => d.Rating, s => s.Value)
            .Decide(d => d.Check(LeadCheck.Region)).Name("RegionCheck")
            .Branch(true, territory)
            .Branch(false, size);
        var nurture = builder.CreateBranch()
            .StartWith<WriteLineStep>().Name("Nurture").Input(s => s.Text, _ => "Add lead to nurture campaign")
            .Attach("end");

        builder
            .StartWith<MarkStep>().Name("Start1")
            .Decide(d => d.Check(LeadCheck.Score)).Name("ScoreCheck")
            .Branch(true, qualified)
            .Branch(false, nurture);
    }
}
