namespace SfaFlow.Web.Demo;

/// <summary>The <c>--seed-demo</c> switch, as the configuration key it stands for.</summary>
internal static class DemoCommandLine
{
    public const string Switch = "--seed-demo";

    /// <summary>
    /// Replaces <c>--seed-demo</c> with <c>--SfaFlow:Demo:Seed=true</c>. The command-line configuration provider reads a
    /// bare <c>--key</c> as taking the next argument for its value, so the switch alone would swallow whatever follows it.
    /// </summary>
    public static string[] Translate(string[] args) =>
        [.. args.Select(a => string.Equals(a, Switch, StringComparison.OrdinalIgnoreCase) ? "--SfaFlow:Demo:Seed=true" : a)];
}
