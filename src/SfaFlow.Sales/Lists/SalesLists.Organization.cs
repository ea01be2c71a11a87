using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Products;
using static SfaFlow.Sales.Lists.ListFieldUse;

namespace SfaFlow.Sales.Lists;

/// <summary>Base data and the organization: not owned, so everyone signed in reads them (only admins change them).</summary>
public static partial class SalesLists
{
    public static RecordList<Product> Products { get; } = RecordListSources.Shared<Product>("products", "code", db => db.Products)
        .Field("id", p => p.Id).Field("version", p => p.Version, Export)
        .Field("code", p => p.Code, Default | Search).Field("name", p => p.Name, Default | Search).Field("productLine", p => p.ProductLine, Default | Search)
        .Field("price", p => p.Price).Field("currency", p => p.Currency).Field("isActive", p => p.IsActive)
        .Field("createdAt", p => p.CreatedAt).Field("updatedAt", p => p.UpdatedAt);

    /// <summary>Pipelines come with their stages (a handful each), in the list as in a single read.</summary>
    public static RecordList<Pipeline> Pipelines { get; } = RecordListSources.Shared<Pipeline>("pipelines", "name", db => db.Pipelines.Include(p => p.Stages.OrderBy(s => s.Order)))
        .Field("id", p => p.Id).Field("version", p => p.Version, Export)
        .Field("name", p => p.Name, Default | Search).Field("productLine", p => p.ProductLine, Default | Search).Field("teamId", p => p.TeamId)
        .Field("allowSkippingStages", p => p.AllowSkippingStages).Field("allowMovingBackwards", p => p.AllowMovingBackwards).Field("isDefault", p => p.IsDefault)
        .Field("createdAt", p => p.CreatedAt).Field("updatedAt", p => p.UpdatedAt);

    public static RecordList<Region> Regions { get; } = RecordListSources.Shared<Region>("regions", "name", db => db.Regions)
        .Field("id", r => r.Id).Field("version", r => r.Version, Export).Field("name", r => r.Name, Default | Search).Field("parentId", r => r.ParentId)
        .Field("createdAt", r => r.CreatedAt).Field("updatedAt", r => r.UpdatedAt);

    public static RecordList<Team> Teams { get; } = RecordListSources.Shared<Team>("teams", "name", db => db.Teams)
        .Field("id", t => t.Id).Field("version", t => t.Version, Export).Field("name", t => t.Name, Default | Search).Field("managerId", t => t.ManagerId)
        .Field("createdAt", t => t.CreatedAt).Field("updatedAt", t => t.UpdatedAt);

    public static RecordList<CustomerCategory> CustomerCategories { get; } = RecordListSources.Shared<CustomerCategory>("customer categories", "name", db => db.CustomerCategories)
        .Field("id", c => c.Id).Field("version", c => c.Version, Export).Field("name", c => c.Name, Default | Search)
        .Field("createdAt", c => c.CreatedAt).Field("updatedAt", c => c.UpdatedAt);

    /// <summary>People, for owner pickers and the admin's user list; their regions are in a single read (<c>regionIds</c>).</summary>
    public static RecordList<SalesUser> Users { get; } = RecordListSources.Shared<SalesUser>("users", "displayName", db => db.Users)
        .Field("id", u => u.Id).Field("version", u => u.Version, Export)
        .Field("userName", u => u.UserName, Default | Search).Field("displayName", u => u.DisplayName, Default | Search).Field("email", u => u.Email, Default | Search)
        .Field("role", u => u.Role).Field("managerId", u => u.ManagerId).Field("teamId", u => u.TeamId).Field("scope", u => u.Scope).Field("isActive", u => u.IsActive)
        .Field("createdAt", u => u.CreatedAt).Field("updatedAt", u => u.UpdatedAt);
}
