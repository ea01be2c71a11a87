namespace SfaFlow.Sales.Security;

/// <summary>An account could not be created; the message says why (no such sales user, the password rules it breaks).</summary>
public sealed class UserAccountException : Exception
{
    public UserAccountException()
    {
    }

    public UserAccountException(string message)
        : base(message)
    {
    }

    public UserAccountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
