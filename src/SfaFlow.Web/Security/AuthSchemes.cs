using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;

namespace SfaFlow.Web.Security;

/// <summary>
/// One default scheme that reads a bearer token when the request has one and the UI's cookie otherwise, so every
/// endpoint accepts both without naming schemes.
/// </summary>
internal static class AuthSchemes
{
    public const string BearerOrCookie = "SfaFlow";

    public static string Select(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? JwtBearerDefaults.AuthenticationScheme
            : IdentityConstants.ApplicationScheme;
    }
}
