using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Sales.Plugins;

/// <summary>
/// <see cref="ISalesRecords"/> for one plugin invocation: reads through the same record lists as the API (scope, filters),
/// changes through <see cref="RecordUpdater"/> (validation, gates, audit), as the invocation's caller. Leads, accounts,
/// contacts and deals look as they do to workflow scripts; orders and products as their JSON.
/// </summary>
internal sealed class PluginSalesRecords(
    PluginCallContext call, SalesPrincipalResolver users, RecordLists lists, RecordUpdater updater, ISalesDatabaseFactory databases) : ISalesRecords
{
    private const int DealBatch = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<SalesRecordData?> FindAsync(RecordRef record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var by = await PluginPrincipals.ResolveAsync(call, users, cancellationToken);
        try
        {
            return TypeOf(record.Type) switch
            {
                "lead" => Data(record, LeadScriptView.Create(await lists.GetAsync(SalesLists.Leads, record.Id, by, cancellationToken))),
                "account" => Data(record, AccountScriptView.Create(await lists.GetAsync(SalesLists.Accounts, record.Id, by, cancellationToken))),
                "contact" => Data(record, ContactScriptView.Create(await lists.GetAsync(SalesLists.Contacts, record.Id, by, cancellationToken))),
                "opportunity" => (await DealsAsync([await lists.GetAsync(SalesLists.Opportunities, record.Id, by, cancellationToken)], cancellationToken))[0],
                "order" => Data(record, Plain(await lists.GetAsync(SalesLists.Orders, record.Id, by, cancellationToken))),
                _ => Data(record, Plain(await lists.GetAsync(SalesLists.Products, record.Id, by, cancellationToken))),
            };
        }
        catch (RecordNotFoundException)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<SalesRecordData> QueryAsync(string recordType, IReadOnlyDictionary<string, string>? filters = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var type = TypeOf(recordType);
        var by = await PluginPrincipals.ResolveAsync(call, users, cancellationToken);
        var query = new RecordQuery { Filters = filters ?? new Dictionary<string, string>(), Sort = "id" };
        var records = type switch
        {
            "lead" => Stream(SalesLists.Leads, query, by, type, LeadScriptView.Create, cancellationToken),
            "account" => Stream(SalesLists.Accounts, query, by, type, AccountScriptView.Create, cancellationToken),
            "contact" => Stream(SalesLists.Contacts, query, by, type, ContactScriptView.Create, cancellationToken),
            "opportunity" => StreamDeals(query, by, cancellationToken),
            "order" => Stream(SalesLists.Orders, query, by, type, Plain, cancellationToken),
            _ => Stream(SalesLists.Products, query, by, type, Plain, cancellationToken),
        };
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            yield return record;
        }
    }

    public async Task<SalesRecordData> UpdateAsync(RecordRef record, IReadOnlyDictionary<string, object?> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(changes);
        var by = await PluginPrincipals.ResolveAsync(call, users, cancellationToken);
        try
        {
            await updater.UpdateAsync(TypeOf(record.Type), record.Id, changes, by, cancellationToken);
        }
        catch (RecordNotFoundException)
        {
            throw new KeyNotFoundException($"There is no {record} that you may change.");
        }
        catch (RuleViolationException refused)
        {
            throw new ArgumentException($"{record} was not changed. {string.Join(" ", refused.Violations.Select(v => $"{v.Field}: {v.Message}").DefaultIfEmpty(refused.Message))}", nameof(changes), refused);
        }
        catch (InvalidOperationException invalid)
        {
            throw new ArgumentException($"{record} was not changed. {invalid.Message}", nameof(changes), invalid);
        }

        return await FindAsync(record, cancellationToken) ?? throw new KeyNotFoundException($"{record} is no longer in your scope.");
    }

    /// <exception cref="ArgumentException">Not a record type plugins can read.</exception>
    private static string TypeOf(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        { } known and ("lead" or "account" or "contact" or "opportunity" or "order" or "product") => known,
        _ => throw new ArgumentException($"'{type}' is not a record type; use lead, account, contact, opportunity, order or product.", nameof(type)),
    };

    private async IAsyncEnumerable<SalesRecordData> Stream<T>(RecordList<T> list, RecordQuery query, SalesPrincipal by, string type,
        Func<T, Dictionary<string, object?>> view, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : SalesRecord
    {
        await foreach (var record in Checked(list, query, by, cancellationToken).WithCancellation(cancellationToken))
        {
            yield return Data(new RecordRef(type, record.Id), view(record));
        }
    }

    /// <summary>Deals in batches, so that their stages and activities are read once per batch, not once per deal.</summary>
    private async IAsyncEnumerable<SalesRecordData> StreamDeals(RecordQuery query, SalesPrincipal by, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<Opportunity>(DealBatch);
        await foreach (var deal in Checked(SalesLists.Opportunities, query, by, cancellationToken).WithCancellation(cancellationToken))
        {
            batch.Add(deal);
            if (batch.Count == DealBatch)
            {
                foreach (var record in await DealsAsync(batch, cancellationToken))
                {
                    yield return record;
                }

                batch.Clear();
            }
        }

        foreach (var record in await DealsAsync(batch, cancellationToken))
        {
            yield return record;
        }
    }

    private IAsyncEnumerable<T> Checked<T>(RecordList<T> list, RecordQuery query, SalesPrincipal by, CancellationToken cancellationToken)
        where T : SalesRecord
    {
        try
        {
            return lists.StreamAsync(list, query, by, cancellationToken);
        }
        catch (InvalidListQueryException invalid)
        {
            throw new ArgumentException(string.Join(" ", invalid.Violations.Select(v => v.Message).DefaultIfEmpty(invalid.Message)), nameof(query), invalid);
        }
    }

    private async Task<IReadOnlyList<SalesRecordData>> DealsAsync(List<Opportunity> deals, CancellationToken cancellationToken)
    {
        if (deals.Count == 0)
        {
            return [];
        }

        await using var db = await databases.OpenAsync(cancellationToken);
        var ids = deals.Select(d => d.Id).ToList();
        var stageIds = deals.Select(d => d.StageId).Distinct().ToList();
        var stages = await db.Stages.AsNoTracking().Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var activities = (await db.Activities.AsNoTracking().Where(a => a.OpportunityId != null && ids.Contains(a.OpportunityId.Value)).ToListAsync(cancellationToken))
            .ToLookup(a => a.OpportunityId!.Value);
        return [.. deals.Select(d => Data(new RecordRef("opportunity", d.Id), OpportunityScriptView.Create(d, stages[d.StageId], [.. activities[d.Id]])))];
    }

    private static SalesRecordData Data(RecordRef record, IReadOnlyDictionary<string, object?> fields) => new(record, fields);

    /// <summary>A record's JSON as dictionaries, lists and plain values.</summary>
    private static Dictionary<string, object?> Plain<T>(T record) =>
        (Dictionary<string, object?>)ValueConverter.ToPlain(JsonSerializer.SerializeToElement(record, Json))!;
}
