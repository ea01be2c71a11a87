using Microsoft.EntityFrameworkCore;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Workflows;

internal sealed partial class SqlWorkflowInstanceStore
{
    public async Task<PagedResult<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Instances.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(i => i.Status == (int)status);
        }

        if (query.SubStatus is { } subStatus)
        {
            rows = rows.Where(i => i.SubStatus == (int)subStatus);
        }

        if (query.DefinitionId is { } definitionId)
        {
            rows = rows.Where(i => i.DefinitionId == definitionId);
        }

        if (query.CorrelationId is { } correlationId)
        {
            rows = rows.Where(i => i.CorrelationId == correlationId);
        }

        rows = query.Sort switch
        {
            "createdAt" => rows.OrderBy(i => i.CreatedAt),
            "updatedAt" => rows.OrderBy(i => i.UpdatedAt),
            "-updatedAt" => rows.OrderByDescending(i => i.UpdatedAt),
            _ => rows.OrderByDescending(i => i.CreatedAt),
        };
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersionId, i.DefinitionVersion, i.Name, i.Status, i.SubStatus, i.CorrelationId, i.IncidentCount, i.CreatedAt, i.UpdatedAt, i.FinishedAt })
            .ToListAsync(cancellationToken);
        return new PagedResult<InstanceSummary>(
            [.. page.Select(i => new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersionId, i.DefinitionVersion, i.Name, (WorkflowStatus)i.Status,
                (WorkflowSubStatus)i.SubStatus, i.CorrelationId, i.IncidentCount, Epoch.Time(i.CreatedAt), Epoch.Time(i.UpdatedAt), Epoch.Time(i.FinishedAt)))],
            total, query.Page, query.PageSize);
    }
}
