using System.Reflection;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Catalog;

/// <summary>Builds an <see cref="ActivityDescriptor"/> from an activity class's attributes and slot properties.</summary>
internal static class ActivityDescriber
{
    public static ActivityDescriptor Describe(WorkflowActivity activity, string source)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = activity.GetType();
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.FullName} has no [Activity] attribute.");
        if (string.IsNullOrWhiteSpace(attribute.TypeKey))
        {
            throw new InvalidOperationException($"{type.FullName} declares an empty type key.");
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(ActivityPort).IsAssignableFrom(p.PropertyType))
            .OrderBy(p => p.MetadataToken)
            .ToList();

        var inputs = properties
            .Where(p => p.PropertyType.GetGenericTypeDefinition() == typeof(Input<>))
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>() ?? new InputAttribute()))
            .OrderBy(p => p.Attribute.Order)
            .Select((p, index) => DescribeInput(activity, p.Property, p.Attribute, index))
            .ToList();
        var outputs = properties
            .Where(p => p.PropertyType.GetGenericTypeDefinition() == typeof(Output<>))
            .Select((p, index) => DescribeOutput(activity, p, index))
            .ToList();

        return new ActivityDescriptor
        {
            TypeKey = attribute.TypeKey,
            DisplayName = attribute.DisplayName ?? type.Name,
            Category = attribute.Category,
            Description = attribute.Description,
            Kind = attribute.Kind,
            Inputs = inputs,
            Outputs = outputs,
            Outcomes = attribute.Outcomes,
            DynamicOutcomesFrom = attribute.DynamicOutcomesFrom,
            IsBrowsable = attribute.IsBrowsable,
            IsTerminal = activity is ITerminalActivity,
            Source = source,
            Activity = activity,
        };
    }

    private static InputDescriptor DescribeInput(WorkflowActivity activity, PropertyInfo property, InputAttribute attribute, int index)
    {
        var port = Attach(activity, property, index);
        return new InputDescriptor
        {
            Name = port.Name,
            TypeName = TypeAliases.AliasOf(port.ValueType),
            DisplayName = attribute.DisplayName ?? property.Name,
            Description = attribute.Description,
            UIHint = attribute.UIHint,
            DefaultValue = attribute.DefaultValue,
            DefaultSyntax = attribute.DefaultSyntax,
            Options = attribute.Options ?? EnumOptions(port.ValueType),
            IsRequired = attribute.IsRequired,
            IsWrapped = attribute.IsWrapped,
            Order = attribute.Order,
            ValueType = port.ValueType,
            Port = port,
        };
    }

    private static OutputDescriptor DescribeOutput(WorkflowActivity activity, PropertyInfo property, int index)
    {
        var port = Attach(activity, property, index);
        var attribute = property.GetCustomAttribute<OutputAttribute>();
        return new OutputDescriptor
        {
            Name = port.Name,
            TypeName = TypeAliases.AliasOf(port.ValueType),
            DisplayName = attribute?.DisplayName ?? property.Name,
            Description = attribute?.Description,
            Port = port,
        };
    }

    private static ActivityPort Attach(WorkflowActivity activity, PropertyInfo property, int index)
    {
        var port = (ActivityPort?)property.GetValue(activity)
            ?? throw new InvalidOperationException(
                $"{activity.GetType().FullName}.{property.Name} is null; initialize it with 'new()'.");
        port.AttachTo(char.ToLowerInvariant(property.Name[0]) + property.Name[1..], index);
        return port;
    }

    private static string[]? EnumOptions(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum ? Enum.GetNames(underlying) : null;
    }
}
