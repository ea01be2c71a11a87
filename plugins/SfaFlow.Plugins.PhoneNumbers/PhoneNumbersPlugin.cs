using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Scripting;

namespace SfaFlow.Plugins.PhoneNumbers;

/// <summary>
/// Adds <c>formatPhoneNumber(number, defaultRegion)</c> to scripts and the <c>PhoneNumbers.NormalizePhone</c> activity.
/// Its dependency, libphonenumber-csharp, is not in the host: it is loaded with the plugin and unloaded with it.
/// </summary>
public sealed class PhoneNumbersPlugin : ISfaFlowPlugin
{
    /// <summary>The script function's name.</summary>
    public const string FormatFunctionName = "formatPhoneNumber";

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Nothing to add: formatting is stateless and the activity uses the host's ISalesRecords.
    }

    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.AddActivity<NormalizePhone>();
        plugin.AddScriptFunction(new ScriptFunctionDefinition(
            FormatFunctionName,
            [
                new ScriptParameter("number", ScriptValueType.Text) { Description = "The phone number as written, for example '030 123456'." },
                new ScriptParameter("defaultRegion", ScriptValueType.Text, IsOptional: true)
                {
                    Description = "The two-letter country of a number written without '+', for example 'DE'.",
                },
            ],
            call => PhoneFormatter.ToE164(call.Argument<string>(0), call.Argument<string>(1)))
        {
            Description = "The number in E.164 (for example '+4930123456'), or null when it is not a valid phone number.",
            Returns = ScriptValueType.Text,
        });
    }
}
