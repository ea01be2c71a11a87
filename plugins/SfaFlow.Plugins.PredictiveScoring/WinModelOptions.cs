namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>How the win model learns and how often it is retrained.</summary>
public sealed record WinModelOptions
{
    /// <summary>The fewest won deals the model needs before it predicts; below it the deal keeps its own probability.</summary>
    public int MinimumWon { get; init; } = 5;

    /// <summary>The fewest lost deals the model needs before it predicts.</summary>
    public int MinimumLost { get; init; } = 5;

    /// <summary>Laplace smoothing: the count added to every value, so a value seen only in won deals never makes a loss impossible.</summary>
    public double Smoothing { get; init; } = 1;

    /// <summary>The lowest probability reported, in percent: history never makes a deal certain to be lost.</summary>
    public int MinimumProbability { get; init; } = 1;

    /// <summary>The highest probability reported, in percent: history never makes a deal certain to be won.</summary>
    public int MaximumProbability { get; init; } = 99;

    /// <summary>How long a trained model is used before it is trained again from the current history.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromHours(1);
}
