using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace SfaFlow.Web.Security;

/// <summary>
/// Answers refused requests with problem details, like every other API error: 401 (with <c>WWW-Authenticate: Bearer</c>)
/// when nobody is signed in or the token is bad, never a redirect to a login page; 403 with the policy's reason when the
/// signed-in person may not do this.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = JwtBearerScheme;
            // The authentication middleware keeps only successful results; asking again answers its cached failure.
            var authenticated = await context.AuthenticateAsync();
            await WriteAsync(context, StatusCodes.Status401Unauthorized, Unauthenticated(authenticated.Failure));
        }
        else if (authorizeResult.Forbidden)
        {
            var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).Distinct().ToList() ?? [];
            await WriteAsync(context, StatusCodes.Status403Forbidden, reasons.Count > 0 ? string.Join(" ", reasons) : "You may not do this.");
        }
        else
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    private const string JwtBearerScheme = "Bearer";

    private static string Unauthenticated(Exception? failure) => failure switch
        {
            SecurityTokenExpiredException => "The bearer token has expired; get a new one from POST /api/auth/token.",
            { } => "The bearer token is not valid (signed with another key, for another issuer or audience, or its account "
                + "changed since it was issued); get a new one from POST /api/auth/token.",
            null => "Sign in first: send 'Authorization: Bearer <token>' with a token from POST /api/auth/token, "
                + "or sign in with POST /api/auth/login.",
        };

    private async Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
