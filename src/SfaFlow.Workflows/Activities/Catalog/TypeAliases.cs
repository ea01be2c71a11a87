namespace SfaFlow.Workflows.Activities.Catalog;

/// <summary>
/// Elsa's short type names (<c>String</c>, <c>Int32</c>, <c>Object</c>) for .NET types, used in input descriptors and to
/// convert variable values.
/// </summary>
public static class TypeAliases
{
    private static readonly Dictionary<string, Type> ByAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = typeof(string),
        ["Boolean"] = typeof(bool),
        ["Int16"] = typeof(short),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Single"] = typeof(float),
        ["Double"] = typeof(double),
        ["Decimal"] = typeof(decimal),
        ["Guid"] = typeof(Guid),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["DateOnly"] = typeof(DateOnly),
        ["TimeOnly"] = typeof(TimeOnly),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Object"] = typeof(object),
        ["String[]"] = typeof(string[]),
    };

    private static readonly Dictionary<Type, string> ByType = ByAlias
        .GroupBy(pair => pair.Value)
        .ToDictionary(group => group.Key, group => group.First().Key);

    /// <summary>The .NET type for an alias; unknown aliases (custom CLR names, JSON types) are treated as Object.</summary>
    public static Type Resolve(string? alias)
    {
        if (alias is null)
        {
            return typeof(object);
        }

        if (ByAlias.TryGetValue(alias, out var type))
        {
            return type;
        }

        // "System.Int32, System.Private.CoreLib" and friends.
        var shortName = alias.Split(',')[0].Split('.')[^1];
        return ByAlias.GetValueOrDefault(shortName, typeof(object));
    }

    /// <summary>The alias for a .NET type: its Elsa name, or the type name for enums and other types.</summary>
    public static string AliasOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (ByType.TryGetValue(underlying, out var alias))
        {
            return alias;
        }

        if (underlying.IsArray && ByType.TryGetValue(underlying.GetElementType()!, out var element))
        {
            return element + "[]";
        }

        if (underlying.IsGenericType)
        {
            // List`1 reads badly in a message or a designer: List<SwitchCase>.
            var name = underlying.Name[..underlying.Name.IndexOf('`', StringComparison.Ordinal)];
            return $"{name}<{string.Join(", ", underlying.GetGenericArguments().Select(AliasOf))}>";
        }

        return underlying.Name;
    }
}
