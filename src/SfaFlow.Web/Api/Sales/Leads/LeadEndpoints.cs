using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;
using SfaFlow.Web.Api.Sales.SalesActivities;

namespace SfaFlow.Web.Api.Sales.Leads;

/// <summary>
/// <c>/api/leads</c>: read, create, change, qualify, disqualify and convert leads, and record their replies, within the caller's record scope. Every
/// change goes through <see cref="LeadService"/>, the same rules as imports and workflows.
/// </summary>
public static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/leads").WithTags("Leads").WithApiProblems();
        group.MapList(SalesLists.Leads, LeadView.From, "Leads");
        group.MapGet("/{id:long}", GetAsync).WithName("GetLead").WithSummary("Reads a lead in your scope (404 otherwise); its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateLead").WithSummary("Creates a lead (owner: you, unless you name someone in your scope).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateLead").WithSummary("Changes a lead's fields; send If-Match with its ETag to change only that version.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/qualify", QualifyAsync).WithName("QualifyLead").WithSummary("Marks a lead qualified (the reason is audited).");
        group.MapPost("/{id:long}/disqualify", DisqualifyAsync).WithName("DisqualifyLead").WithSummary("Disqualifies a lead, with a reason.");
        group.MapPost("/{id:long}/convert", ConvertAsync).WithName("ConvertLead")
            .WithSummary("Converts a lead into an account (or attaches it to one), a contact and a deal, all or nothing.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/replies", ReplyAsync).WithName("RecordLeadReply")
            .WithSummary("Records the lead's reply (from a rep or an inbound-mail hook): a done inbound e-mail on its timeline, and the LeadReplied event that ends its cadence.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, ISalesDatabaseFactory databases, HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().FindInScopeAsync(id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(LeadView.From(lead), lead, context);
    }

    private static async Task<IResult> CreateAsync(LeadFields body, SalesCaller caller, LeadService leads, HttpContext context, CancellationToken cancellationToken)
    {
        var lead = await leads.CreateAsync(body, caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(lead.Version);
        return TypedResults.Created($"/api/leads/{lead.Id}", LeadView.From(lead));
    }

    private static async Task<IResult> UpdateAsync(long id, LeadFields body, SalesCaller caller, LeadService leads, HttpContext context, CancellationToken cancellationToken)
    {
        var lead = await leads.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(LeadView.From(lead), lead, context);
    }

    private static async Task<IResult> QualifyAsync(long id, LeadStatusRequest? body, SalesCaller caller, LeadService leads, HttpContext context, CancellationToken cancellationToken)
    {
        var lead = await leads.QualifyAsync(id, body?.Reason, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(LeadView.From(lead), lead, context);
    }

    private static async Task<IResult> DisqualifyAsync(long id, LeadStatusRequest? body, SalesCaller caller, LeadService leads, HttpContext context, CancellationToken cancellationToken)
    {
        var lead = await leads.DisqualifyAsync(id, body?.Reason ?? "", RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(LeadView.From(lead), lead, context);
    }

    private static async Task<IResult> ReplyAsync(long id, LeadReply body, SalesCaller caller, SalesActivityService activities, CancellationToken cancellationToken)
    {
        var activity = await activities.LogLeadReplyAsync(id, body, caller.Principal, cancellationToken);
        return TypedResults.Created($"/api/activities-log/{activity.Id}", SalesActivityView.From(activity));
    }

    private static async Task<IResult> ConvertAsync(long id, LeadConversion? body, SalesCaller caller, LeadService leads, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await leads.ConvertAsync(id, body ?? new LeadConversion(), RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.Ok(new LeadConversionView(LeadView.From(result.Lead), result.AccountId, result.ContactId, result.OpportunityId));
    }
}
