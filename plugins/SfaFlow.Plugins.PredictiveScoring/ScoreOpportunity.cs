using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Sales;

namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>
/// Predicts the win probability of a deal from the won and lost history (see <see cref="WinModel"/>) and, when asked,
/// writes it to the deal's <c>probability</c> through <see cref="ISalesRecords.UpdateAsync"/>. A closed deal is scored
/// but never written.
/// </summary>
[Activity("PredictiveScoring.ScoreOpportunity", Category = "Sales", DisplayName = "Predict win probability",
    Description = "Estimates how likely a deal is to be won from past won and lost deals (naive Bayes), with the factors that raised or lowered it.")]
public sealed class ScoreOpportunity : WorkflowActivity
{
    /// <summary>The deal.</summary>
    [Input(DisplayName = "Opportunity", Description = "The deal as opportunity:7 or 7; empty for the workflow's own record (its correlation id).",
        UIHint = "singleline", Order = 0)]
    public Input<string?> Opportunity { get; } = new();

    /// <summary>Whether to set the deal's probability.</summary>
    [Input(DisplayName = "Write probability", Description = "Set the deal's probability to the prediction (an open deal only; as an override of its stage's probability, validated and audited like an edit).",
        UIHint = "checkbox", DefaultValue = false, Order = 1)]
    public Input<bool> WriteProbability { get; } = new();

    /// <summary>The prediction in percent.</summary>
    [Output(Description = "The win probability in percent, 1 to 99.")]
    public Output<int> Probability { get; } = new();

    /// <summary>The factors.</summary>
    [Output(Description = "Each value of the deal that moved the odds: field, value, odds ratio, direction (raises, lowers, neutral) and why in words.")]
    public Output<IReadOnlyList<WinFactor>?> Factors { get; } = new();

    /// <summary>The prediction in words.</summary>
    [Output(Description = "The prediction in plain words.")]
    public Output<string?> Explanation { get; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = Resolve(context.GetInput(Opportunity), context.CorrelationId);
        var records = context.Services.GetRequiredService<ISalesRecords>();
        var deal = await records.FindAsync(record, context.CancellationToken)
            ?? throw new InvalidOperationException($"PredictiveScoring.ScoreOpportunity: there is no {record} (or it is outside the workflow's reach).");

        var prediction = await context.Services.GetRequiredService<WinPredictor>().PredictAsync(deal.Fields, context.CancellationToken);
        var explanation = prediction.Explanation;
        var status = deal["status"] as string;
        if (status is not null && !string.Equals(status, "Open", StringComparison.OrdinalIgnoreCase))
        {
            explanation = $"The deal is already {status}; its probability is left as it is. {explanation}";
        }
        else if (context.GetInput(WriteProbability))
        {
            await records.UpdateAsync(record, new Dictionary<string, object?> { ["probabilityOverride"] = prediction.Probability }, context.CancellationToken);
        }

        context.SetOutput(Probability, prediction.Probability);
        context.SetOutput(Factors, prediction.Factors);
        context.SetOutput(Explanation, explanation);
    }

    private static RecordRef Resolve(string? input, string? correlationId)
    {
        var text = string.IsNullOrWhiteSpace(input) ? correlationId?.Trim() : input.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new RecordRef("opportunity", id);
        }

        if (RecordRef.TryParse(text, out var record) && record!.Type == "opportunity")
        {
            return record;
        }

        throw new InvalidOperationException(string.IsNullOrWhiteSpace(text)
            ? "PredictiveScoring.ScoreOpportunity needs a deal: set its 'opportunity' input or start the workflow with a correlation id such as opportunity:7."
            : $"PredictiveScoring.ScoreOpportunity scores opportunities; '{text}' is not one (write opportunity:7).");
    }
}
