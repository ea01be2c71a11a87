namespace SfaFlow.Plugins.StrategyFit;

/// <summary>One criterion of the default template, unscored.</summary>
/// <param name="Id">A short, stable key.</param>
/// <param name="Dimension">Suitability, Feasibility or Acceptability.</param>
/// <param name="Name">What is judged.</param>
/// <param name="Weight">Its default weight within its dimension.</param>
/// <param name="Question">The question to answer with a score from 1 to 5.</param>
/// <param name="Advice">What to do when it scores low.</param>
public sealed record TemplateCriterion(string Id, string Dimension, string Name, double Weight, string Question, string Advice);
