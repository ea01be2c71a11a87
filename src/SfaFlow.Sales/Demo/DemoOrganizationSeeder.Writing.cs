using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Demo;

public sealed partial class DemoOrganizationSeeder
{
    /// <summary>
    /// Adds every record and saves once (EF Core batches the inserts), then puts back what saving cannot know: the times
    /// the records were created and changed in the demo's history (saving stamps "now", which would put a year of
    /// history on one day), and the teams' managers (a team and its manager refer to each other, a cycle one insert
    /// order cannot satisfy). Both are set with set-based updates that leave versions and the audit log alone.
    /// </summary>
    private static async Task WriteAsync(ISalesDatabase db, DemoOrganization demo, CancellationToken cancellationToken)
    {
        var restores = new List<Func<Task>>
        {
            Times(db.Regions, demo.Regions), Times(db.Teams, demo.Teams), Times(db.Users, demo.Users),
            Times(db.CustomerCategories, demo.Categories), Times(db.Pipelines, demo.Pipelines), Times(db.Products, demo.Products),
            Times(db.Accounts, demo.Accounts), Times(db.Contacts, demo.Contacts), Times(db.Leads, demo.Leads),
            Times(db.Opportunities, demo.Opportunities), Times(db.Orders, demo.Orders), Times(db.Activities, demo.Activities),
        };
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
        db.Leads.AddRange(demo.Leads);
        db.Orders.AddRange(demo.Orders);
        db.Activities.AddRange(demo.Activities);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (team, manager) in managers)
        {
            await db.Teams.Where(t => t.Id == team).ExecuteUpdateAsync(s => s.SetProperty(t => t.ManagerId, manager), cancellationToken);
        }

        foreach (var restore in restores)
        {
            await restore();
        }

        Func<Task> Times<T>(DbSet<T> set, IEnumerable<T> records) where T : SalesRecord
        {
            // Taken now, before saving overwrites them; records sharing their times are updated together.
            var groups = records.GroupBy(r => (r.CreatedAt, r.UpdatedAt), r => r.Id).Select(g => (g.Key.CreatedAt, g.Key.UpdatedAt, Ids: g.ToArray())).ToList();
            return async () =>
            {
                foreach (var (created, updated, ids) in groups)
                {
                    await (ids.Length == 1 ? set.Where(r => r.Id == ids[0]) : set.Where(r => ids.Contains(r.Id)))
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, created).SetProperty(r => r.UpdatedAt, updated), cancellationToken);
                }
            };
        }
    }
}
