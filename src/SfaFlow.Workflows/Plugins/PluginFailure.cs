namespace SfaFlow.Workflows.Plugins;

/// <summary>Why a plugin did not load; shown with the message in <c>GET /api/plugins</c>.</summary>
public enum PluginFailure
{
    BadManifest,
    HashNotAllowed,
    AbiMismatch,
    MissingDependency,
    EntryTypeMissing,

    /// <summary>The plugin class's constructor threw; the reason carries the plugin's own exception.</summary>
    ConstructorFailed,
    ConfigureServicesFailed,
    RegisterFailed,
    InvalidContribution,
    LoadFailed,
}
