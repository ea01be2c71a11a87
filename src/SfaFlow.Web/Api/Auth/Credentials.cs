using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Api.Auth;

/// <summary>
/// The password check shared by tokens and cookies: Identity's lockout counts every wrong password, and an account
/// whose sales user is not active is refused even with the right password.
/// </summary>
internal static class Credentials
{
    public sealed record Result(IdentityUser? Account, SalesPrincipal? Principal, ProblemHttpResult? Problem);

    public static async Task<Result> CheckAsync(
        string? userName,
        string? password,
        SignInManager<IdentityUser> signIn,
        SalesPrincipalResolver resolver,
        TimeProvider clock,
        HttpContext context,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            var errors = new List<ApiError>();
            if (string.IsNullOrWhiteSpace(userName))
            {
                errors.Add(new ApiError("userName", "The user name is required."));
            }

            if (string.IsNullOrEmpty(password))
            {
                errors.Add(new ApiError("password", "The password is required."));
            }

            return Refuse(ApiProblems.BadRequest("Send a user name and a password.", errors));
        }

        // The same answer for an unknown name and a wrong password, so that it does not tell which names exist.
        var wrong = Refuse(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "The user name or password is wrong."));
        var account = await signIn.UserManager.FindByNameAsync(userName);
        if (account is null)
        {
            return wrong;
        }

        var outcome = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (outcome.IsLockedOut)
        {
            return Refuse(await LockedAsync(signIn.UserManager, account, clock, context));
        }

        if (!outcome.Succeeded)
        {
            return wrong;
        }

        var principal = await resolver.ResolveAsync(account.UserName!, cancellationToken);
        return principal is null
            ? Refuse(TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                detail: $"The account '{account.UserName}' has no active sales user, so it may not sign in; an admin can activate its sales user."))
            : new Result(account, principal, null);
    }

    private static Result Refuse(ProblemHttpResult problem) => new(null, null, problem);

    /// <summary>429 with Retry-After: the account is locked for a while after too many wrong passwords in a row.</summary>
    private static async Task<ProblemHttpResult> LockedAsync(UserManager<IdentityUser> users, IdentityUser account, TimeProvider clock, HttpContext context)
    {
        var end = await users.GetLockoutEndDateAsync(account) ?? clock.GetUtcNow();
        var seconds = Math.Max(1, (long)Math.Ceiling((end - clock.GetUtcNow()).TotalSeconds));
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Account locked",
            detail: $"The account '{account.UserName}' is locked after too many failed sign-ins; try again after {end.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");
    }
}
