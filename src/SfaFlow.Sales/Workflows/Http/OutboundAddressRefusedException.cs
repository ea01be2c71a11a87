namespace SfaFlow.Sales.Workflows.Http;

/// <summary>A request to an address <see cref="OutboundHttpOptions"/> does not allow; never retried.</summary>
public sealed class OutboundAddressRefusedException : Exception
{
    public OutboundAddressRefusedException()
    {
    }

    public OutboundAddressRefusedException(string message)
        : base(message)
    {
    }

    public OutboundAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
