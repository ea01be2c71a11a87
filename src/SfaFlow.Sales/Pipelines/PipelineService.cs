using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Pipelines;

/// <summary>
/// Pipelines and their stages, changed by admins only: stages 1..n with one won and one lost stage, gates that parse,
/// one default pipeline, and no stage removed that deals are in or have been through. Checks are in
/// <c>PipelineService.Rules.cs</c>.
/// </summary>
public sealed partial class PipelineService(ISalesDatabaseFactory databases, ScriptHost scripts)
{
    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<Pipeline> CreateAsync(PipelineFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change pipelines");
        await using var db = await databases.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var pipeline = new Pipeline { Name = "" };
        await CheckAsync(db, pipeline, fields, cancellationToken);
        Set(pipeline, fields);
        pipeline.Stages.AddRange(fields.Stages.Select((s, i) => Set(new Stage { Name = "" }, s, i + 1)));
        pipeline.IsDefault |= !await db.Pipelines.AnyAsync(cancellationToken);
        await TakeDefaultAsync(db, pipeline, cancellationToken);
        db.Pipelines.Add(pipeline);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pipeline;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<Pipeline> UpdateAsync(long id, PipelineFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change pipelines");
        await using var db = await databases.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var pipeline = await db.Pipelines.Include(p => p.Stages).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Pipeline), id);
        pipeline.CheckVersion(expectedVersion);
        await CheckAsync(db, pipeline, fields, cancellationToken);

        // Orders are unique per pipeline and SQLite checks that row by row: swapping two stages in one statement batch
        // would collide midway. So the kept stages that move step aside to negative orders first, and take their places
        // after (the others stay put, which keeps the audit log to real changes).
        var places = fields.Stages.Select((s, i) => (s.Id, Order: i + 1)).Where(s => s.Id is not null).ToDictionary(s => s.Id!.Value, s => s.Order);
        pipeline.Stages.RemoveAll(s => !places.ContainsKey(s.Id));
        foreach (var stage in pipeline.Stages.Where(s => places[s.Id] != s.Order))
        {
            stage.Order = -stage.Order;
        }

        await db.SaveChangesAsync(cancellationToken);
        Set(pipeline, fields);
        for (var i = 0; i < fields.Stages.Count; i++)
        {
            var given = fields.Stages[i];
            var stage = given.Id is { } stageId ? pipeline.Stages.Single(s => s.Id == stageId) : AddStage(pipeline);
            Set(stage, given, i + 1);
        }

        await TakeDefaultAsync(db, pipeline, cancellationToken);

        // The stages are the pipeline's: a change to them is a new version of it, so a stale editor gets a conflict.
        db.Pipelines.Entry(pipeline).Property(p => p.Version).IsModified = true;
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pipeline;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    /// <exception cref="RecordInUseException">Deals are or were in the pipeline, or it is the default while others exist.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("delete pipelines");
        await using var db = await databases.OpenAsync(cancellationToken);
        var pipeline = await db.Pipelines.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Pipeline), id);
        pipeline.CheckVersion(expectedVersion);
        RecordInUseException.ThrowIfReferenced($"Pipeline '{pipeline.Name}'", "Deals keep their pipeline for their history; keep it (rename it if it is no longer used).",
            (await db.Opportunities.CountAsync(o => o.PipelineId == id, cancellationToken), "deal", "deals"));
        RecordInUseException.ThrowIfReferenced($"Pipeline '{pipeline.Name}'", "Make another pipeline the default first.",
            (pipeline.IsDefault ? await db.Pipelines.CountAsync(p => p.Id != id, cancellationToken) : 0, "other pipeline (it is the default)", "other pipelines (it is the default)"));
        db.Pipelines.Remove(pipeline);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Stage AddStage(Pipeline pipeline)
    {
        var stage = new Stage { Name = "" };
        pipeline.Stages.Add(stage);
        return stage;
    }

    private static void Set(Pipeline pipeline, PipelineFields fields)
    {
        pipeline.Name = fields.Name.Trim();
        pipeline.ProductLine = FieldRules.Clean(fields.ProductLine);
        pipeline.TeamId = fields.TeamId;
        pipeline.AllowSkippingStages = fields.AllowSkippingStages;
        pipeline.AllowMovingBackwards = fields.AllowMovingBackwards;
        pipeline.IsDefault = fields.IsDefault;
    }

    private static Stage Set(Stage stage, StageFields fields, int order)
    {
        stage.Name = fields.Name.Trim();
        stage.Order = order;
        stage.DefaultProbability = fields.DefaultProbability;
        stage.ForecastCategory = fields.ForecastCategory;
        stage.GateCondition = FieldRules.Clean(fields.GateCondition);
        stage.GateMessage = FieldRules.Clean(fields.GateMessage);
        stage.StallThresholdDays = fields.StallThresholdDays;
        stage.IsWon = fields.IsWon;
        stage.IsLost = fields.IsLost;
        return stage;
    }

    /// <summary>One default pipeline: the one made default takes it from the others.</summary>
    private static async Task TakeDefaultAsync(ISalesDatabase db, Pipeline pipeline, CancellationToken cancellationToken)
    {
        if (pipeline.IsDefault)
        {
            foreach (var other in await db.Pipelines.Where(p => p.IsDefault && p.Id != pipeline.Id).ToListAsync(cancellationToken))
            {
                other.IsDefault = false;
            }
        }
    }
}
