namespace SfaFlow.TestPlugins.Helper;

public sealed class Greeter
{
    private readonly string _prefix = "scored by";

    public string Stamp(string version) => $"{_prefix} {version}";
}
