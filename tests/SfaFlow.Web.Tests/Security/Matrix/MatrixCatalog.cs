using System.Net;
using SfaFlow.Sales.Organization;
using static SfaFlow.Web.Tests.Security.Matrix.MatrixBodies;
using static SfaFlow.Web.Tests.Security.Matrix.MatrixResource;
using static SfaFlow.Web.Tests.Security.Matrix.RecordAccess;

namespace SfaFlow.Web.Tests.Security.Matrix;

/// <summary>
/// Every endpoint the host maps, by endpoint name (or "METHOD /pattern" for unnamed ones), with what the matrix expects of
/// it. A test fails when the host maps an endpoint that is not here: a new endpoint is placed in the matrix on purpose.
/// </summary>
internal static partial class MatrixCatalog
{
    private static readonly SalesRole[] Designers = [SalesRole.Admin, SalesRole.Developer];
    private static readonly SalesRole[] Admins = [SalesRole.Admin];

    public static IReadOnlyDictionary<string, MatrixCase> Cases { get; } = Build();

    private static Dictionary<string, MatrixCase> Build()
    {
        var cases = new Dictionary<string, MatrixCase>(StringComparer.Ordinal);
        AddPublic(cases);
        AddRecords(cases);
        AddRoles(cases);
        return cases;
    }

    private static void AddPublic(Dictionary<string, MatrixCase> cases)
    {
        foreach (var name in new[]
        {
            "Health", "IssueToken", "Login", "GetAntiforgeryToken", "GET /openapi/{documentName}.json", "GET /scalar/{documentName?}",
            "GET /scalar/favicon.svg", "GET /scalar/scalar.js", "GET /scalar/scalar.aspnetcore.js",
        })
        {
            cases[name] = new PublicCase();
        }
    }

    private static void AddRecords(Dictionary<string, MatrixCase> cases)
    {
        Owned(cases, Lead, "Leads", "Lead", LeadBody);
        cases["QualifyLead"] = new RecordCase(Lead, Change, Empty);
        cases["DisqualifyLead"] = new RecordCase(Lead, Change, Reason);
        cases["ConvertLead"] = new RecordCase(Lead, Change, Empty);
        cases["RecordLeadReply"] = new RecordCase(Lead, Change, (_, _) => """{"subject": "Re: matrix", "body": "Call me."}""", HttpStatusCode.Created);

        Owned(cases, Account, "Accounts", "Account", AccountBody);
        cases["DeleteAccount"] = new RecordCase(Account, Change, Success: HttpStatusCode.NoContent);
        Owned(cases, Contact, "Contacts", "Contact", ContactBody);
        cases["DeleteContact"] = new RecordCase(Contact, Change, Success: HttpStatusCode.NoContent);

        Owned(cases, Opportunity, "Opportunities", "Opportunity", DealBody);
        cases["CreateOpportunity"] = new RecordCase(Opportunity, Create, (r, w) => $$"""{"fields": {{DealBody(r, w)}}}""", HttpStatusCode.Created);
        cases["MoveOpportunityStage"] = new RecordCase(Opportunity, Change, (_, w) => $$"""{"stageId": {{Num(w.SecondStageId)}}}""");
        cases["WinOpportunity"] = new RecordCase(Opportunity, Change, Empty);
        cases["LoseOpportunity"] = new RecordCase(Opportunity, Change, (_, _) => """{"reason": "Price", "competitor": "Babbage"}""");
        cases["GetOpportunityHistory"] = new RecordCase(Opportunity, Read);
        cases["GetOpportunityStageTimes"] = new RecordCase(Opportunity, Read);
        cases["GetLeadDecisions"] = new RecordCase(Lead, Read);
        cases["GetOpportunityDecisions"] = new RecordCase(Opportunity, Read);

        cases["ListOrders"] = new RecordCase(Order, List);
        cases["TotalOrders"] = new RecordCase(Order, Totals);
        cases["ExportOrders"] = new RecordCase(Order, Export);
        cases["GetOrder"] = new RecordCase(Order, Read);

        cases["ListSalesActivities"] = new RecordCase(Activity, List);
        cases["TotalSalesActivities"] = new RecordCase(Activity, Totals);
        cases["ExportSalesActivities"] = new RecordCase(Activity, Export);
        cases["GetSalesActivity"] = new RecordCase(Activity, Read);
        cases["PlanSalesActivity"] = new RecordCase(Activity, Create, ActivityBody, HttpStatusCode.Created);
        cases["LogSalesActivity"] = new RecordCase(Activity, Create, (r, w) => $$"""{"fields": {{ActivityBody(r, w)}}, "outcome": "Reached"}""", HttpStatusCode.Created);
        cases["UpdateSalesActivity"] = new RecordCase(Activity, Change, ActivityBody);
        cases["CompleteSalesActivity"] = new RecordCase(Activity, Change, Outcome);
        cases["CancelSalesActivity"] = new RecordCase(Activity, Change, Reason);
        cases["DeleteSalesActivity"] = new RecordCase(Activity, Change, Success: HttpStatusCode.NoContent);

        cases["ListTasks"] = new RecordCase(MatrixResource.Task, List);
        cases["TotalTasks"] = new RecordCase(MatrixResource.Task, Totals);
        cases["ExportTasks"] = new RecordCase(MatrixResource.Task, Export);
        cases["GetMyTasks"] = new RecordCase(MatrixResource.Task, Mine);
        cases["CompleteTask"] = new RecordCase(MatrixResource.Task, Change, Outcome);
        // Reassigning is for managers and admins (403 for others), of a task in their scope to an active user in it.
        cases["ReassignTask"] = new RoleCase([SalesRole.Admin, SalesRole.Manager], async w =>
            ($"/api/tasks/{(await w.SeedAsync(MatrixResource.Task, new CellOwner(MatrixProfiles.Outsider, "NorthEast"))).Id}/reassign",
                $$"""{"userId": {{Num(w.UserId(MatrixProfiles.Mate))}}, "reason": "matrix"}"""));
        cases["GetLeadTimeline"] = new RecordCase(Lead, Read);
        cases["GetAccountTimeline"] = new RecordCase(Account, Read);
        cases["GetContactTimeline"] = new RecordCase(Contact, Read);
        cases["GetOpportunityTimeline"] = new RecordCase(Opportunity, Read);

        // Imports write records like creates: rows for owners outside the caller's scope are refused (422, nothing written).
        foreach (var (resource, name) in new[] { (Lead, "Leads"), (Account, "Accounts"), (Contact, "Contacts"), (Opportunity, "Opportunities") })
        {
            cases[$"Import{name}"] = new RecordCase(resource, Create, Csv(resource), HttpStatusCode.OK, "text/csv");
        }

        // A record's audit log is read like the record.
        cases["ReadAuditLog"] = new RecordCase(Opportunity, Read, Query: r => $"?recordType=Opportunity&recordId={Num(r.Id)}");
    }

    /// <summary>List, export, read, create and change of an owned resource (names as the endpoints are named).</summary>
    private static void Owned(Dictionary<string, MatrixCase> cases, MatrixResource resource, string plural, string singular, Func<SeededRecord, MatrixWorld, string?> body)
    {
        cases[$"List{plural}"] = new RecordCase(resource, List);
        cases[$"Total{plural}"] = new RecordCase(resource, Totals);
        cases[$"Export{plural}"] = new RecordCase(resource, Export);
        cases[$"Get{singular}"] = new RecordCase(resource, Read);
        cases[$"Create{singular}"] = new RecordCase(resource, Create, body, HttpStatusCode.Created);
        cases[$"Update{singular}"] = new RecordCase(resource, Change, body);
    }
}
