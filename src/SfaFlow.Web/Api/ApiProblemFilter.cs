using Microsoft.Net.Http.Headers;

namespace SfaFlow.Web.Api;

/// <summary>
/// Turns the runtime's documented exceptions (not found, concurrent change, busy instance, invalid definition) into
/// problem details for every endpoint of a group, so handlers are written for the success path only. Anything else
/// still reaches the host's exception handler as a 500.
/// </summary>
internal sealed class ApiProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (ApiProblems.FromException(exception) is { } problem)
        {
            if (problem.StatusCode == StatusCodes.Status503ServiceUnavailable)
            {
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = "1";
            }

            return problem;
        }
    }
}

internal static class ApiProblemFilterExtensions
{
    public static RouteGroupBuilder WithApiProblems(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ApiProblemFilter>();
        return group;
    }
}
