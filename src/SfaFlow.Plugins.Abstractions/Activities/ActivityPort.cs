namespace SfaFlow.Plugins.Activities;

/// <summary>
/// An input or output slot declared by an activity class. One activity instance serves every workflow that uses its type,
/// so a slot only names the value; the value itself is read and written through <see cref="IActivityExecutionContext"/>.
/// </summary>
public abstract class ActivityPort
{
    private protected ActivityPort(Type valueType) => ValueType = valueType;

    /// <summary>The .NET type of the value.</summary>
    public Type ValueType { get; }

    /// <summary>The camelCase JSON key, assigned by the host when the activity type is registered.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The slot's position among the activity's inputs (or outputs), assigned at registration.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>Called once by the host when it registers the activity type.</summary>
    /// <exception cref="InvalidOperationException">The slot is already attached, which means it is shared by two properties.</exception>
    public void AttachTo(string name, int index)
    {
        if (Index >= 0)
        {
            throw new InvalidOperationException(
                $"The slot '{Name}' is already attached; each input and output property needs its own instance.");
        }

        Name = name;
        Index = index;
    }
}
