using System.Text.Json;

namespace SfaFlow.Web.Api.Workflows.Events;

/// <summary>
/// A named event: with a correlation id, only instances correlated to it resume (and started ones carry it); the payload
/// reaches each as the event's <c>result</c>. An event id makes posting idempotent: an outside system that retries a post
/// (it got no answer) with the same id changes nothing the first post did.
/// </summary>
public sealed record EventRequest(string? CorrelationId = null, JsonElement? Payload = null, string? EventId = null);
