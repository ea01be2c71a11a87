using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Web.Api.Workflows.Definitions;

/// <summary>
/// An Elsa JSON definition sent as a request body. Read as bytes by SfaFlow's own reader rather than bound by the
/// framework, so that every shape Elsa writes is accepted (BOM, comments, PascalCase keys) and every problem comes back
/// located: 400 when the body is not JSON at all, 422 when it is JSON but not a readable definition.
/// </summary>
internal sealed record DefinitionBody(WorkflowDefinition? Definition, bool HasDefinitionId, bool HasId, IReadOnlyList<ApiError> Errors, bool IsMalformed)
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public static async Task<DefinitionBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Parse(await ReadBytesAsync(request, cancellationToken));

    /// <summary>The problem to answer when the body could not be read; null when it holds a definition.</summary>
    public ProblemHttpResult? Problem => Definition is not null ? null
        : IsMalformed ? ApiProblems.BadRequest("The body is not well-formed JSON.", Errors)
        : ApiProblems.Invalid("The body is not a valid Elsa workflow definition.", Errors);

    public static DefinitionBody Parse(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (utf8.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return new DefinitionBody(null, false, false, [new ApiError("$", "The body is empty; send an Elsa workflow definition as JSON.")], IsMalformed: true);
        }

        var read = ElsaJsonReader.Read(utf8);
        if (!read.Succeeded)
        {
            return new DefinitionBody(null, false, false, [.. read.Diagnostics.Where(d => d.IsError).Select(ApiError.From)], !IsJson(utf8));
        }

        using var document = JsonDocument.Parse(WithoutBom(utf8), Lenient);
        return new DefinitionBody(read.Definition, Has(document.RootElement, "definitionId"), Has(document.RootElement, "id"), [], IsMalformed: false);
    }

    private static bool IsJson(byte[] utf8)
    {
        try
        {
            using var _ = JsonDocument.Parse(WithoutBom(utf8), Lenient);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ReadOnlyMemory<byte> WithoutBom(byte[] utf8) => utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8.AsMemory(3) : utf8;

    // The reader accepts PascalCase keys, so the check is case-insensitive too.
    private static bool Has(JsonElement root, string name) =>
        root.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String);
}
