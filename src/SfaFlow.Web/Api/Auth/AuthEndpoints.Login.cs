using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SfaFlow.Sales;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Auth;

public static partial class AuthEndpoints
{
    private static void MapLogin(RouteGroupBuilder group)
    {
        group.MapPost("/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Signs in with the UI's cookie, from JSON or from a form (a form must carry the antiforgery token of GET /api/auth/antiforgery).")
            .AddOpenApiOperationTransformer(CredentialBodies.DescribeLoginBody)
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/logout", async Task<NoContent> (SignInManager<IdentityUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithName("Logout")
            .WithSummary("Signs the UI's cookie out (bearer tokens simply expire).")
            .RequireAuthorization(Policies.SignedIn);
    }

    /// <remarks>
    /// A form can be posted from any site, so a form must prove it came from SfaFlow (antiforgery token); JSON cannot be
    /// sent across sites without a CORS preflight, which SfaFlow does not allow, so JSON needs no token. Any other body
    /// (text/plain, which forms can send) is refused.
    /// </remarks>
    private static async Task<Results<Ok<SignedInUser>, ProblemHttpResult>> LoginAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        SignInManager<IdentityUser> signIn,
        SalesPrincipalResolver resolver,
        ISalesDatabaseFactory databases,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        LoginRequest? request;
        if (context.Request.HasFormContentType)
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return ApiProblems.BadRequest("The form has no valid antiforgery token: post the token of GET /api/auth/antiforgery in the field it names, with its cookie.");
            }

            var form = await context.Request.ReadFormAsync(cancellationToken);
            request = new LoginRequest(form["userName"], form["password"], form["rememberMe"].ToString() is "true" or "on");
        }
        else if (context.Request.HasJsonContentType())
        {
            (request, var malformed) = await CredentialBodies.ReadJsonAsync<LoginRequest>(context.Request, cancellationToken);
            if (malformed is not null)
            {
                return malformed;
            }
        }
        else
        {
            return CredentialBodies.UnsupportedMediaType("Send the user name and password as JSON (Content-Type: application/json) or as a form.");
        }

        var check = await Credentials.CheckAsync(request?.UserName, request?.Password, signIn, resolver, clock, context, cancellationToken);
        if (check.Problem is { } problem)
        {
            return problem;
        }

        await signIn.SignInAsync(check.Account!, isPersistent: request!.RememberMe);
        return TypedResults.Ok(await SignedInUser.LoadAsync(check.Principal!, databases, cancellationToken));
    }
}
