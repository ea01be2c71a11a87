using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SfaFlow.Sales;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Auth;

/// <summary>
/// <c>/api/auth</c>: bearer tokens for the API, cookie sign-in and sign-out for the UI, and who you are. Split by
/// concern into <c>AuthEndpoints.*.cs</c>.
/// </summary>
public static partial class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Authentication");

        // Public: these are how one signs in. The antiforgery token is for the sign-in form, which is filled in before
        // signing in; it grants nothing by itself.
        group.MapPost("/token", IssueTokenAsync)
            .WithName("IssueToken")
            .WithSummary("Checks a user name and password and answers a bearer token for the API (401 when wrong, 429 while the account is locked).")
            .AllowAnonymous()
            .AddOpenApiOperationTransformer(CredentialBodies.DescribeTokenBody)
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        MapLogin(group);
        group.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new AntiforgeryToken(tokens.FormFieldName, tokens.HeaderName, tokens.RequestToken!));
            })
            .WithName("GetAntiforgeryToken")
            .WithSummary("Sets the antiforgery cookie and answers the token a sign-in form posts in the named field.")
            .AllowAnonymous();

        group.MapGet("/me", async (ICurrentSalesUser current, ISalesDatabaseFactory databases, CancellationToken cancellationToken) =>
                TypedResults.Ok(await SignedInUser.LoadAsync(await current.GetAsync(cancellationToken), databases, cancellationToken)))
            .WithName("GetSignedInUser")
            .WithSummary("Who the request is signed in as: user name, display name, role and record scope.");
        return endpoints;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        SignInManager<IdentityUser> signIn,
        SalesPrincipalResolver resolver,
        BearerTokens tokens,
        TimeProvider clock,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return CredentialBodies.UnsupportedMediaType("Send the user name and password as JSON (Content-Type: application/json).");
        }

        var (request, malformed) = await CredentialBodies.ReadJsonAsync<TokenRequest>(context.Request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        var check = await Credentials.CheckAsync(request?.UserName, request?.Password, signIn, resolver, clock, context, cancellationToken);
        if (check.Problem is { } problem)
        {
            return problem;
        }

        var (token, expiresAt) = tokens.Issue(await signIn.CreateUserPrincipalAsync(check.Account!));
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }
}
