using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SfaFlow.Web.Security;

/// <summary>
/// Issues the API's bearer tokens: JWTs signed with HMAC-SHA256 (see <see cref="SecurityServiceCollectionExtensions"/> for
/// why JWTs). A token carries the account only (id, user name, security stamp), never a role: the role is read from the
/// sales user on every request, so a demoted admin loses admin rights at once rather than when the token expires.
/// </summary>
internal sealed class BearerTokens(SigningKey key, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var settings = options.Value;
        var now = clock.GetUtcNow();
        // JWT times are whole seconds; report the expiry the token really has.
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + settings.TokenLifetime).ToUnixTimeSeconds());
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(account.Claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
