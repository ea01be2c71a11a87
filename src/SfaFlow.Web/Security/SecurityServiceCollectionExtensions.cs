using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SfaFlow.Data;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Security;

/// <summary>
/// Sign-in and authorization (docs/security.md): ASP.NET Core Identity accounts in SfaFlow's database, the UI's cookie,
/// the API's bearer tokens, the policies, and the person a request acts for.
/// </summary>
/// <remarks>
/// Bearer tokens are JWTs from JwtBearer rather than Identity's own bearer tokens: DESIGN.md's <c>{token, expiresAt}</c>
/// and a signing key from configuration (<c>SfaFlow:Auth:SigningKey</c>) are what operators can rotate and every node
/// can share, where Identity's tokens are sealed with the data-protection key ring (per machine unless shared) and
/// answer in their own shape with refresh tokens. A token is still checked against the database on each request
/// (security stamp), so a changed password revokes it.
/// </remarks>
public static class SecurityServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSfaFlowSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<BearerTokens>();

        // Accounts: Identity's user store over a request's SfaFlowDbContext, lent by the pool.
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<SfaFlowDbContext>>().CreateDbContext());
        services.AddIdentityCore<IdentityUser>().AddSignInManager().AddEntityFrameworkStores<SfaFlowDbContext>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>(ConfigureIdentity);
        // A cookie's account is checked against the database once a minute (a changed password signs the UI out).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<IUserAccounts, IdentityUserAccounts>();
        services.AddHostedService<InitialAdminSetup>();

        // Sign-in: a bearer token when the request has one, else the cookie.
        services.AddAuthentication(AuthSchemes.BearerOrCookie)
            .AddPolicyScheme(AuthSchemes.BearerOrCookie, "Bearer token or cookie", options => options.ForwardDefaultSelector = AuthSchemes.Select)
            .AddJwtBearer()
            .AddIdentityCookies();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKey, IOptions<AuthOptions>>(ConfigureBearer);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AuthOptions>>(ConfigureCookie);
        services.AddAntiforgery();

        // Authorization, and who the request acts for.
        services.AddAuthorization(Policies.Configure);
        services.AddScoped<IAuthorizationHandler, SalesRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddScoped<CurrentSalesUser>();
        services.AddScoped<ICurrentSalesUser>(provider => provider.GetRequiredService<CurrentSalesUser>());
        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer(BearerOpenApi.DescribeAsync));
        return builder;
    }

    private static void ConfigureIdentity(IdentityOptions options, IOptions<AuthOptions> auth)
    {
        options.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = auth.Value.LockoutDuration;
        options.Lockout.AllowedForNewUsers = true;
        // Identity's rules (upper, lower, digit, symbol) with a length of 8 rather than 6.
        options.Password.RequiredLength = 8;
        // The claims of cookies and tokens alike, with JWT's short names so that both read the same way.
        options.ClaimsIdentity.UserIdClaimType = JwtRegisteredClaimNames.Sub;
        options.ClaimsIdentity.UserNameClaimType = JwtRegisteredClaimNames.Name;
        options.ClaimsIdentity.EmailClaimType = JwtRegisteredClaimNames.Email;
    }

    private static void ConfigureBearer(JwtBearerOptions options, SigningKey key, IOptions<AuthOptions> auth)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Value.Issuer,
            ValidAudience = auth.Value.Audience,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = JwtRegisteredClaimNames.Name,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        options.Events = new JwtBearerEvents { OnTokenValidated = CheckSecurityStampAsync };
    }

    /// <summary>A token whose account was deleted or changed its password (a new security stamp) since it was issued is refused.</summary>
    private static async Task CheckSecurityStampAsync(TokenValidatedContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<IdentityUser>>();
        if (context.Principal is null || await signIn.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.Fail("The token's account no longer exists or has changed since the token was issued.");
        }
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IOptions<AuthOptions> auth)
    {
        options.Cookie.Name = "sfaflow.auth";
        options.Cookie.HttpOnly = true;
        // Lax: cross-site POSTs carry no cookie (CSRF on the JSON API), while links into SfaFlow from e-mails still sign in.
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.ExpireTimeSpan = auth.Value.CookieLifetime;
        options.SlidingExpiration = true;
        // No login page redirects: the API answers 401/403 (ProblemAuthorizationResultHandler writes the problem).
        options.Events.OnRedirectToLogin = context => SetStatus(context.Response, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => SetStatus(context.Response, StatusCodes.Status403Forbidden);
    }

    private static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
