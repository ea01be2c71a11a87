namespace SfaFlow.Workflows.Expressions;

/// <summary>A value could not be converted to the type an input or variable declares.</summary>
public sealed class ValueConversionException : Exception
{
    public ValueConversionException()
    {
    }

    public ValueConversionException(string message)
        : base(message)
    {
    }

    public ValueConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
