using Microsoft.Extensions.Options;

namespace SfaFlow.Workflows.Scripting;

/// <summary>The scripting service: sandbox options and host functions, and a fresh <see cref="ScriptSession"/> per run.</summary>
public sealed class ScriptHost(IOptions<ScriptOptions> options, ScriptFunctionRegistry functions)
{
    public ScriptOptions Options { get; } = options.Value;

    public ScriptFunctionRegistry Functions { get; } = functions;

    internal ScriptSession CreateSession() => new(this);
}
