using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.Sales.Workflows.Effects;

/// <summary>
/// Makes an activity's effect on the sales records happen once per execution, however often the execution is repeated
/// (a host that died before the instance was committed runs it again from the last commit). The effect and a
/// <see cref="WorkflowEffect"/> under the execution's idempotency key commit in one transaction; a repeat finds the key
/// and gets the first run's result back without doing anything.
/// </summary>
public static class ActivityEffects
{
    /// <summary>
    /// Runs <paramref name="effect"/> in one transaction with its key, or returns what it returned the first time. The
    /// services the effect calls join the transaction (<see cref="SalesUnitOfWork"/>); so does the database it is handed.
    /// </summary>
    /// <typeparam name="T">What the effect produces: a small, JSON-serializable result (ids, values) the outputs are set from.</typeparam>
    public static async Task<T> OnceAsync<T>(this IActivityExecutionContext context, Func<ISalesDatabase, Task<T>> effect)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(effect);
        var cancellationToken = context.CancellationToken;
        await using var db = await context.Service<ISalesDatabaseFactory>().OpenAsync(cancellationToken);
        if (await DoneAsync<T>(db, context.IdempotencyKey, cancellationToken) is { } done)
        {
            return done.Result;
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        T result;
        using (SalesUnitOfWork.Enter(db))
        {
            result = await effect(db);
        }

        db.WorkflowEffects.Add(new WorkflowEffect
        {
            Key = context.IdempotencyKey,
            InstanceId = context.WorkflowInstanceId,
            ActivityType = context.ActivityType,
            Result = JsonSerializer.Serialize(result, JsonOptions),
            CreatedAt = context.Now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<Done<T>?> DoneAsync<T>(ISalesDatabase db, string key, CancellationToken cancellationToken)
    {
        var stored = await db.WorkflowEffects.AsNoTracking().Where(e => e.Key == key).Select(e => e.Result).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : new Done<T>(JsonSerializer.Deserialize<T>(stored, JsonOptions)!);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A result found, told apart from "not found" even when the result itself is null or a value type.</summary>
    private sealed record Done<T>(T Result);
}
