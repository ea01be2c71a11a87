using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Scripting;

namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>
/// Adds the <c>PredictiveScoring.ScoreOpportunity</c> activity and the <c>predictWinProbability(opportunity)</c> script
/// function, both served by one win model trained from the won and lost deals and cached in the plugin's services.
/// </summary>
public sealed class PredictiveScoringPlugin : ISfaFlowPlugin
{
    /// <summary>The script function's name.</summary>
    public const string PredictFunctionName = "predictWinProbability";

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new WinModelOptions());
        services.AddSingleton<WinModelCache>();
        // Per use: it acts through the ISalesRecords of whoever calls.
        services.AddTransient<WinPredictor>();
    }

    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.AddActivity<ScoreOpportunity>();
        plugin.AddScriptFunction(new ScriptFunctionDefinition(
            PredictFunctionName,
            [new ScriptParameter("opportunity", ScriptValueType.Record) { Description = "The deal, as scripts see it (for example the global 'opportunity')." }],
            call => Predict(call))
        {
            Description = "The deal's win probability in percent (1 to 99) from the won and lost history; the deal's own probability while the history is too small.",
            Returns = ScriptValueType.Number,
            // The first call after a refresh interval trains the model from the whole history, which takes longer than a lookup.
            Timeout = TimeSpan.FromSeconds(30),
        });
    }

    private static double Predict(ScriptFunctionCall call)
    {
        var deal = call.Argument<IReadOnlyDictionary<string, object?>>(0) ?? new Dictionary<string, object?>();
        // Script functions are synchronous in the SDK; the host has no synchronization context, so blocking cannot deadlock.
        var prediction = call.Services.GetRequiredService<WinPredictor>().PredictAsync(deal, call.CancellationToken).GetAwaiter().GetResult();
        return prediction.Probability;
    }
}
