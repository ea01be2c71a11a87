using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins;
using SfaFlow.Plugins.Operations;
using SfaFlow.Plugins.Scripting;
using SfaFlow.TestPlugins.Helper;

namespace SfaFlow.TestPlugins.Good;

/// <summary>Adds an activity of each kind the tests need, a script function, a listener and an operation.</summary>
public sealed class GoodPlugin : ISfaFlowPlugin
{
#if VERSION2
    public const string Version = "v2";
#else
    public const string Version = "v1";
#endif

    public void ConfigureServices(IServiceCollection services) => services.AddSingleton<Greeter>();

    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.AddActivity<Score>()
            .AddActivity<WaitForApproval>()
            .AddActivity<Fail>()
            .AddActivity<Hang>()
            .AddScriptFunction(new ScriptFunctionDefinition("goodScore",
                [new ScriptParameter("amount", ScriptValueType.Number), new ScriptParameter("options", ScriptValueType.Record, IsOptional: true)],
                call => new ScoreResult(call.Argument<double>(0) * 2 + (call.Argument<IReadOnlyDictionary<string, object?>>(1)?.GetValueOrDefault("bonus") as double? ?? 0), Version)))
            .AddEventListener<WonListener>()
            .AddOperation(new PluginOperation("evaluate", "Scores {amount}.", Evaluate));
    }

    private static ValueTask<object?> Evaluate(PluginOperationCall call)
    {
        if (call.Body.ValueKind != System.Text.Json.JsonValueKind.Object || !call.Body.TryGetProperty("amount", out var amount) || amount.ValueKind != System.Text.Json.JsonValueKind.Number)
        {
            throw new PluginInputException("amount must be a number.", "amount");
        }

        var value = amount.GetDouble();
        return value < 0
            ? throw new KeyNotFoundException("There is no deal with a negative amount.")
            : ValueTask.FromResult<object?>(new ScoreResult(value / 1000, $"{Version} for {call.UserName}"));
    }
}

public sealed record ScoreResult(double Value, string Version);
