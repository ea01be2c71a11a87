using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Opportunities;

namespace SfaFlow.Sales.Demo;

public sealed partial class DemoOrganizationSeeder
{
    /// <summary>
    /// Adds every record and saves once (EF Core batches the inserts; records keep the times of the demo's history, since
    /// saving stamps only records without times), then sets the teams' managers: a team and its manager refer to each
    /// other, a cycle one insert order cannot satisfy. That is a set-based update, which leaves versions and the audit log alone.
    /// </summary>
    private static async Task WriteAsync(ISalesDatabase db, DemoOrganization demo, CancellationToken cancellationToken)
    {
        var managers = demo.Teams.Where(t => t.ManagerId is not null).Select(t => (t.Id, Manager: t.ManagerId!.Value)).ToList();
        foreach (var team in demo.Teams)
        {
            team.ManagerId = null;
        }

        db.Regions.AddRange(demo.Regions);
        db.Teams.AddRange(demo.Teams);
        db.Users.AddRange(demo.Users);
        db.CustomerCategories.AddRange(demo.Categories);
        db.Pipelines.AddRange(demo.Pipelines);
        db.Products.AddRange(demo.Products);
        db.Accounts.AddRange(demo.Accounts);
        db.Contacts.AddRange(demo.Contacts);
        db.Opportunities.AddRange(demo.Opportunities);
        db.StageChanges.AddRange(demo.StageChanges);
        db.StageVisits.AddRange(demo.StageVisits);
        db.StageTimes.AddRange(StageTracking.Summarize(demo.StageVisits));
        db.Leads.AddRange(demo.Leads);
        db.Orders.AddRange(demo.Orders);
        db.Activities.AddRange(demo.Activities);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (team, manager) in managers)
        {
            await db.Teams.Where(t => t.Id == team).ExecuteUpdateAsync(s => s.SetProperty(t => t.ManagerId, manager), cancellationToken);
        }
    }
}
