using System.Net;
using System.Text;
using System.Text.Json;
using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Sales.Workflows.Http;

/// <summary>
/// Calls an outside system (a webhook, an ERP): retries network errors, 408, 429 and 5xx with exponential backoff, sends
/// the execution's idempotency key as <c>Idempotency-Key</c> so a retried execution can be recognised, and continues on
/// <c>Success</c> (2xx) or <c>Failed</c> (anything else, or no answer). Internal addresses are refused (an incident).
/// </summary>
[Activity("Sfa.HttpRequest", Category = "Sales", DisplayName = "HTTP request", Outcomes = [SuccessOutcome, FailedOutcome],
    Description = "Sends an HTTP request (a webhook) with retries, and continues on Success (2xx) or Failed.")]
public sealed class HttpRequestActivity : WorkflowActivity
{
    public const string SuccessOutcome = "Success";
    public const string FailedOutcome = "Failed";

    [Input(DisplayName = "URL", Description = "The absolute http or https URL.", IsRequired = true, Order = 1)]
    public Input<string?> Url { get; } = new();

    [Input(Description = "The HTTP method.", UIHint = "dropdown", Options = ["GET", "POST", "PUT", "PATCH", "DELETE"], DefaultValue = "POST", Order = 2)]
    public Input<string?> Method { get; } = new();

    [Input(Description = "Request headers as a JSON object, for example {\"Authorization\": \"Bearer ...\"}.", UIHint = "json", Order = 3)]
    public Input<object?> Headers { get; } = new();

    [Input(Description = "The JSON body: an object, or JavaScript returning one (({lead: lead.name})). A string is sent as it is.", UIHint = "code-editor", DefaultSyntax = "JavaScript", Order = 4)]
    public Input<object?> Body { get; } = new();

    [Input(Description = "How long one attempt may take.", UIHint = "timespan", DefaultValue = "00:00:30", Order = 5)]
    public Input<TimeSpan> Timeout { get; } = new();

    [Input(Description = "Further attempts after a network error, 408, 429 or 5xx answer.", DefaultValue = 3, Order = 6)]
    public Input<int> Retries { get; } = new();

    [Input(DisplayName = "Retry delay", Description = "The wait before the first retry; it doubles for each further one.", UIHint = "timespan", DefaultValue = "00:00:01", Order = 7)]
    public Input<TimeSpan> RetryDelay { get; } = new();

    [Output(DisplayName = "Status code", Description = "The HTTP status of the last answer; 0 when no answer came.")]
    public Output<int> StatusCode { get; } = new();

    [Output(DisplayName = "Response body", Description = "The body of the last answer, as text.")]
    public Output<string?> ResponseBody { get; } = new();

    [Output(DisplayName = "Response JSON", Description = "The body of the last answer read as JSON (null when it is not JSON).")]
    public Output<object?> ResponseJson { get; } = new();

    [Output(Description = "Why the request failed when no answer came (a timeout, a network error).")]
    public Output<string?> Error { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = new OutboundRequest(
            RequireUrl(context.GetInput(Url)),
            new HttpMethod((context.GetInput(Method) is { Length: > 0 } method ? method : "POST").ToUpperInvariant()),
            ReadHeaders(context.GetInput(Headers)),
            BodyText(context.GetInput(Body)),
            context.IdempotencyKey);
        var timeout = context.GetInput(Timeout) is { Ticks: > 0 } t ? t : TimeSpan.FromSeconds(30);
        var retries = Math.Clamp(context.GetInput(Retries), 0, 10);
        var delay = context.GetInput(RetryDelay);
        var client = context.Service<OutboundHttpClient>();

        var result = await OutboundCall.SendAsync(client, request, timeout, retries, delay, context.CancellationToken);
        context.SetOutput(StatusCode, result.StatusCode);
        context.SetOutput(ResponseBody, result.Body);
        context.SetOutput(ResponseJson, ParseJson(result.Body));
        context.SetOutput(Error, result.Error);
        context.Complete(result.StatusCode is >= 200 and < 300 ? SuccessOutcome : FailedOutcome);
    }

    private static Uri RequireUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"Sfa.HttpRequest needs an absolute http or https URL (it is '{url}').");

    /// <summary>Headers from whatever the input held: JSON text, an object from a script, a dictionary.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ReadHeaders(object? headers)
    {
        if (headers is null || headers is string { Length: 0 } || (headers is string blank && string.IsNullOrWhiteSpace(blank)))
        {
            return [];
        }

        using var document = headers is string text ? JsonDocument.Parse(text) : JsonSerializer.SerializeToDocument(headers);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? [.. document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))]
            : throw new InvalidOperationException("Sfa.HttpRequest: 'headers' must be a JSON object of names and values.");
    }

    private static string? BodyText(object? body) => body switch
    {
        null => null,
        string text => text,
        _ => JsonSerializer.Serialize(body),
    };

    private static object? ParseJson(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return ValueConverter.FromJsonElement(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One request as the activity asks for it; rebuilt into a fresh message for every attempt.</summary>
internal sealed record OutboundRequest(Uri Url, HttpMethod Method, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body, string IdempotencyKey)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Url);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is not null)
            {
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.Remove("Idempotency-Key");
        message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        return message;
    }
}

/// <summary>What came back: the last answer's status and body, or the error when none came.</summary>
internal sealed record OutboundResult(int StatusCode, string? Body, string? Error);

/// <summary>The retry loop: exponential backoff on network errors, timeouts, 408, 429 and 5xx.</summary>
internal static class OutboundCall
{
    public static async Task<OutboundResult> SendAsync(
        OutboundHttpClient client, OutboundRequest request, TimeSpan timeout, int retries, TimeSpan delay, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await AttemptAsync(client, request, timeout, cancellationToken);
            if (attempt >= retries || !IsTransient(result))
            {
                return result;
            }

            await Task.Delay(delay * Math.Pow(2, attempt), cancellationToken);
        }
    }

    private static bool IsTransient(OutboundResult result) =>
        result.StatusCode is 0 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;

    private static async Task<OutboundResult> AttemptAsync(OutboundHttpClient client, OutboundRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            using var message = request.ToMessage();
            using var response = await client.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var body = await ReadBodyAsync(response, client.Options.MaxResponseBytes, attempt.Token);
            return body is null
                ? new OutboundResult(0, null, $"The response is larger than {client.Options.MaxResponseBytes} bytes (SfaFlow:Http:MaxResponseBytes).")
                : new OutboundResult((int)response.StatusCode, body, null);
        }
        catch (HttpRequestException exception) when (Refusal(exception) is { } refusal)
        {
            throw refusal;
        }
        catch (HttpRequestException exception)
        {
            return new OutboundResult(0, null, exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new OutboundResult(0, null, $"No answer within {timeout}.");
        }
    }

    private static OutboundAddressRefusedException? Refusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is OutboundAddressRefusedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>The body as text; null when it exceeds <paramref name="limit"/> bytes.</summary>
    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var charset = response.Content.Headers.ContentType?.CharSet;
        var encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
