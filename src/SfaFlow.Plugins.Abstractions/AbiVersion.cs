namespace SfaFlow.Plugins;

/// <summary>
/// The version of the plugin ABI defined by this assembly. A plugin declares the ABI version it was built against in its
/// manifest; the host refuses a plugin whose major version differs from <see cref="Major"/>.
/// </summary>
public static class AbiVersion
{
    /// <summary>Incremented on every breaking change to the types in this assembly.</summary>
    public const int Major = 1;

    /// <summary>Incremented when members are added without breaking existing plugins.</summary>
    public const int Minor = 2;
}
