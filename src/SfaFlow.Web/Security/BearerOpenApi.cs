using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SfaFlow.Web.Security;

/// <summary>
/// Tells the OpenAPI document (and so the <c>/scalar</c> reference, which then offers a token field) that the API takes
/// bearer tokens from <c>POST /api/auth/token</c>.
/// </summary>
internal static class BearerOpenApi
{
    private const string SchemeName = "Bearer";

    public static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from POST /api/auth/token. Every endpoint needs one except /health and the sign-in endpoints.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
