using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Sales.Import;

/// <summary>
/// The CSV file of an import request: the body itself (<c>text/csv</c>) or the file field <c>file</c> of a multipart form,
/// UTF-8 (a byte order mark is read past), at most <see cref="MaxBytes"/>. The file is received in full (memory, then a
/// temporary file) before the import starts, because the import holds the database's write lock for its one transaction
/// and must not hold it while a slow client uploads.
/// </summary>
internal sealed class CsvUpload
{
    /// <summary>The largest file accepted (413 beyond): about half a million typical rows, more than one transaction should hold.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    private const int MemoryThreshold = 1024 * 1024;

    private static readonly string[] CsvMediaTypes = ["text/csv", "application/csv"];

    private CsvUpload(TextReader? reader, ProblemHttpResult? problem) => (Reader, Problem) = (reader, problem);

    /// <summary>The file, when it could be received; its owner disposes it.</summary>
    public TextReader? Reader { get; }

    /// <summary>Why the request holds no usable file (400, 413, 415); null when <see cref="Reader"/> is set.</summary>
    public ProblemHttpResult? Problem { get; }

    public static async Task<CsvUpload> ReceiveAsync(HttpContext context, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }

        if (request.HasFormContentType)
        {
            return await ReceiveFormAsync(context, antiforgery, cancellationToken);
        }

        if (!CsvMediaTypes.Any(type => request.ContentType?.Split(';')[0].Trim().Equals(type, StringComparison.OrdinalIgnoreCase) == true))
        {
            return new(null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: "Send the CSV file as the body (Content-Type: text/csv) or as the file field 'file' of a multipart form."));
        }

        // Buffered and counted here (the server's own limit is raised to the same size on these endpoints, but a request
        // without a length is only known to be too large once read).
        request.EnableBuffering(MemoryThreshold);
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return TooLarge();
            }
        }

        request.Body.Position = 0;
        return Text(request.Body);
    }

    /// <remarks>
    /// A form can be posted to SfaFlow from any site with the UI's cookie, so a form signed in by cookie must carry the
    /// antiforgery token (as the form sign-in does). A bearer token is never sent by a browser on its own, and a
    /// <c>text/csv</c> body cannot be sent across sites without a CORS preflight, so neither needs one.
    /// </remarks>
    private static async Task<CsvUpload> ReceiveFormAsync(HttpContext context, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException malformed)
        {
            return new(null, ApiProblems.BadRequest($"The form could not be read: {malformed.Message}"));
        }

        if (AuthSchemes.Select(context) != JwtBearerDefaults.AuthenticationScheme && !await antiforgery.IsRequestValidAsync(context))
        {
            return new(null, ApiProblems.BadRequest("The form has no valid antiforgery token: post the token of GET /api/auth/antiforgery in the field it names, with its cookie."));
        }

        var file = form.Files.GetFile("file");
        return file is null ? new(null, ApiProblems.BadRequest("The form has no file field 'file'; send the CSV file in it.", new ApiError("file", "Missing.")))
            : file.Length > MaxBytes ? TooLarge()
            : Text(file.OpenReadStream());
    }

    private static CsvUpload Text(Stream stream) => new(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), null);

    private static CsvUpload TooLarge() =>
        new(null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"The file is larger than {MaxBytes / (1024 * 1024)} MB; split it into smaller files."));
}
