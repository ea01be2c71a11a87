namespace SfaFlow.Plugins.Scripting;

/// <summary>The JavaScript type of a script function's parameter or result, and the .NET type the plugin sees for it.</summary>
public enum ScriptValueType
{
    /// <summary>Any value: null, <see cref="bool"/>, <see cref="double"/>, <see cref="string"/>, an object or an array.</summary>
    Any,

    /// <summary>A JavaScript string (.NET <see cref="string"/>).</summary>
    Text,

    /// <summary>A number (.NET <see cref="double"/>).</summary>
    Number,

    /// <summary>true or false (.NET <see cref="bool"/>).</summary>
    Boolean,

    /// <summary>A plain JavaScript object (.NET <c>IReadOnlyDictionary&lt;string, object?&gt;</c> with values of these kinds).</summary>
    Record,

    /// <summary>A JavaScript array (.NET <c>IReadOnlyList&lt;object?&gt;</c> with values of these kinds).</summary>
    List,
}
