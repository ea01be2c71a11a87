using System.Globalization;
using System.Net;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Tests.Security.Matrix;

/// <summary>What the matrix expects of one endpoint.</summary>
internal abstract record MatrixCase;

/// <summary>Anyone may call it, signed in or not.</summary>
internal sealed record PublicCase : MatrixCase;

/// <summary>
/// An endpoint on owned records, answered by record scope: a read or change of a record the caller sees succeeds with
/// <see cref="Success"/> and of one they do not is 404 and changes nothing; a list or export holds exactly the records they
/// see; a create for an owner outside their scope is refused (422); "mine" holds only their own.
/// <see cref="Body"/> is the request body for a cell's fresh record (for creates: built on a fresh account of the cell's
/// owner), sent as <see cref="ContentType"/>; <see cref="Query"/> names the record in the query string instead of the route.
/// </summary>
internal sealed record RecordCase(MatrixResource Resource, RecordAccess Access, Func<SeededRecord, MatrixWorld, string?>? Body = null,
    HttpStatusCode Success = HttpStatusCode.OK, string ContentType = "application/json", Func<SeededRecord, string>? Query = null) : MatrixCase;

internal enum RecordAccess
{
    Read,
    Change,
    List,
    Totals,
    Export,
    Create,
    Mine,
}

/// <summary>
/// An endpoint answered by role alone (base data, organization, workflows, the signed-in person): the roles in
/// <see cref="Allowed"/> (every role when null) get past authorization, the others get 403 with the reason.
/// <see cref="Request"/> makes the URL and body of a request that succeeds for an allowed role with <see cref="Success"/>;
/// where it is null, only "not 401 or 403" is checked.
/// </summary>
internal sealed record RoleCase(SalesRole[]? Allowed, Func<MatrixWorld, Task<(string Url, string? Body)>>? Request = null, HttpStatusCode Success = HttpStatusCode.OK,
    string ContentType = "application/json") : MatrixCase
{
    public bool Allows(SalesRole role) => Allowed is null || Allowed.Contains(role);
}

/// <summary>JSON bodies for the matrix's requests.</summary>
internal static class MatrixBodies
{
    public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Region(long? region) => region is { } id ? Num(id) : "null";

    public static string LeadBody(SeededRecord r, MatrixWorld _) =>
        $$"""{"name": "Matrix lead {{r.Serial}} changed", "ownerId": {{Num(r.OwnerId)}}, "regionId": {{Region(r.RegionId)}}}""";

    public static string AccountBody(SeededRecord r, MatrixWorld _) =>
        $$"""{"name": "Matrix account {{r.Serial}} changed", "ownerId": {{Num(r.OwnerId)}}, "regionId": {{Region(r.RegionId)}}}""";

    public static string ContactBody(SeededRecord r, MatrixWorld _) =>
        $$"""{"accountId": {{Num(r.AccountId)}}, "firstName": "Ada", "lastName": "Matrix {{r.Serial}}", "ownerId": {{Num(r.OwnerId)}}, "regionId": {{Region(r.RegionId)}}}""";

    public static string DealBody(SeededRecord r, MatrixWorld _) =>
        $$"""{"name": "Matrix deal {{r.Serial}}", "accountId": {{Num(r.AccountId)}}, "amount": 1000, "currency": "EUR", "expectedCloseDate": "2027-06-30", "ownerId": {{Num(r.OwnerId)}}, "regionId": {{Region(r.RegionId)}}}""";

    public static string ActivityBody(SeededRecord r, MatrixWorld _) =>
        $$"""{"kind": "Call", "subject": "Matrix call {{r.Serial}}", "leadId": {{Num(r.LeadId)}}, "ownerId": {{Num(r.OwnerId)}}}""";

    public static string Outcome(SeededRecord r, MatrixWorld _) => """{"outcome": "Reached", "note": "matrix"}""";

    public static string Reason(SeededRecord r, MatrixWorld _) => """{"reason": "matrix"}""";

    public static string Empty(SeededRecord r, MatrixWorld _) => "{}";

    /// <summary>A CSV file of one row of the resource for the seeded record's owner, region and account.</summary>
    public static Func<SeededRecord, MatrixWorld, string?> Csv(MatrixResource resource) => (r, _) => resource switch
    {
        MatrixResource.Lead => $"name,ownerId,regionId\nImported lead {r.Serial},{Num(r.OwnerId)},{Region(r.RegionId).Replace("null", "", StringComparison.Ordinal)}\n",
        MatrixResource.Account => $"name,ownerId,regionId\nImported account {r.Serial},{Num(r.OwnerId)},{Region(r.RegionId).Replace("null", "", StringComparison.Ordinal)}\n",
        MatrixResource.Contact => $"accountId,firstName,lastName,ownerId,regionId\n{Num(r.AccountId)},Ada,Imported {r.Serial},{Num(r.OwnerId)},{Region(r.RegionId).Replace("null", "", StringComparison.Ordinal)}\n",
        MatrixResource.Opportunity => $"name,accountId,amount,currency,expectedCloseDate,ownerId,regionId\nImported deal {r.Serial},{Num(r.AccountId)},100,EUR,2027-06-30,{Num(r.OwnerId)},{Region(r.RegionId).Replace("null", "", StringComparison.Ordinal)}\n",
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };
}
