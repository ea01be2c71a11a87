namespace SfaFlow.Sales.Records;

/// <summary>The caller may see the record but not do this to it (an override without the permission). The API answers 403.</summary>
public sealed class PermissionDeniedException : Exception
{
    public PermissionDeniedException()
        : base("You do not have the permission for this.")
    {
    }

    public PermissionDeniedException(string message)
        : base(message)
    {
    }

    public PermissionDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
