using System.Net;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Security.Matrix;

internal static partial class MatrixCatalog
{
    private static void AddRoles(Dictionary<string, MatrixCase> cases)
    {
        // Anyone signed in: who they are, the activity catalog, the definitions (reading), the catalog of products.
        cases["GetSignedInUser"] = Everyone("/api/auth/me");
        cases["Logout"] = new RoleCase(null, Fixed("/api/auth/logout", ""), HttpStatusCode.NoContent);
        cases["ListActivities"] = Everyone("/api/activities");
        cases["GetActivity"] = Everyone("/api/activities/Elsa.WriteLine");
        cases["ListWorkflowDefinitions"] = Everyone("/api/workflow-definitions");
        cases["GetWorkflowDefinition"] = Everyone($"/api/workflow-definitions/{MatrixWorld.PublishedFlow}");
        cases["ListWorkflowDefinitionVersions"] = Everyone($"/api/workflow-definitions/{MatrixWorld.PublishedFlow}/versions");
        cases["ExportWorkflowDefinition"] = Everyone($"/api/workflow-definitions/{MatrixWorld.PublishedFlow}/export");
        cases["ListProducts"] = Everyone("/api/products");
        cases["ExportProducts"] = Everyone("/api/products/export");
        cases["TotalProducts"] = Everyone("/api/products/totals");
        cases["GetProduct"] = new RoleCase(null, async w => ($"/api/products/{await w.NewProductAsync()}", null));

        // Admins only: the catalog.
        cases["CreateProduct"] = new RoleCase(Admins, w => Task.FromResult<(string, string?)>(("/api/products", w.NewProductBody())), HttpStatusCode.Created);
        cases["UpdateProduct"] = new RoleCase(Admins, async w => ($"/api/products/{await w.NewProductAsync()}", w.NewProductBody()));
        cases["DeleteProduct"] = new RoleCase(Admins, async w => ($"/api/products/{await w.NewProductAsync()}", null), HttpStatusCode.NoContent);

        // Admins only: the organization (everyone reads it: names of pipelines, stages, regions, teams and people).
        Organization(cases, "Pipelines", "Pipeline", "/api/pipelines", w => w.NewPipelineBody(), w => w.NewPipelineAsync());
        Organization(cases, "Regions", "Region", "/api/regions", w => $$"""{"name": "Matrix region {{w.Next()}}"}""", w => w.NewRegionAsync());
        cases["GetRegionTree"] = Everyone("/api/regions/tree");
        Organization(cases, "Teams", "Team", "/api/teams", w => $$"""{"name": "Matrix team {{w.Next()}}"}""", w => w.NewTeamAsync());
        Organization(cases, "CustomerCategories", "CustomerCategory", "/api/customer-categories", w => $$"""{"name": "Matrix category {{w.Next()}}"}""", w => w.NewCategoryAsync());
        Organization(cases, "Users", "User", "/api/users",
            w => $$"""{"userName": "mx-new-{{w.Next()}}", "displayName": "Matrix New", "role": "Rep", "scope": "Own"}""", w => w.NewUserAsync());
        cases["ImportProducts"] = new RoleCase(Admins, w => Task.FromResult<(string, string?)>(("/api/products/import", $"code,name,price,currency\nMXI-{w.Next()},Imported,10,EUR\n")),
            ContentType: "text/csv");

        // Workflow design: Admin and Developer.
        cases["CreateWorkflowDefinition"] = new RoleCase(Designers, _ => NewDefinition("/api/workflow-definitions"), HttpStatusCode.Created);
        cases["ImportWorkflowDefinitions"] = new RoleCase(Designers, _ => NewDefinition("/api/workflow-definitions/import"));
        cases["SaveWorkflowDefinitionDraft"] = new RoleCase(Designers, async w =>
        {
            var id = await w.NewDefinitionAsync(publish: false);
            return ($"/api/workflow-definitions/{id}", Definition(id, [Wf.WriteLine("say", "changed")]));
        });
        cases["DeleteWorkflowDefinitionDraft"] = new RoleCase(Designers, async w => ($"/api/workflow-definitions/{await w.NewDefinitionAsync(publish: false)}", null), HttpStatusCode.NoContent);
        cases["PublishWorkflowDefinition"] = new RoleCase(Designers, async w => ($"/api/workflow-definitions/{await w.NewDefinitionAsync(publish: false)}/publish", ""));
        cases["RetractWorkflowDefinition"] = new RoleCase(Designers, async w => ($"/api/workflow-definitions/{await w.NewDefinitionAsync(publish: true)}/retract", ""));

        // Workflow operations: Admin and Developer.
        cases["ExecuteWorkflowDefinition"] = new RoleCase(Designers, Fixed($"/api/workflow-definitions/{MatrixWorld.PublishedFlow}/execute", "{}"));
        cases["ListWorkflowInstances"] = new RoleCase(Designers, Fixed("/api/workflow-instances", null));
        cases["GetWorkflowInstance"] = new RoleCase(Designers, async w => ($"/api/workflow-instances/{(await w.NewWaitingInstanceAsync()).InstanceId}", null));
        cases["CancelWorkflowInstance"] = new RoleCase(Designers, async w => ($"/api/workflow-instances/{(await w.NewWaitingInstanceAsync()).InstanceId}/cancel", ""));
        cases["ResumeWorkflowBookmark"] = new RoleCase(Designers, async w => ($"/api/workflow-instances/bookmarks/{(await w.NewWaitingInstanceAsync()).BookmarkId}/resume", "{}"));
        cases["RetryWorkflowInstance"] = new RoleCase(Designers);
        cases["PublishEvent"] = new RoleCase(Designers, Fixed("/api/events/MatrixEvent", """{"payload": {}}"""));

        // Plugins: the list (with failure reasons and hashes) for designers; a plugin and its operations for anyone signed in
        // (the test host loads no plugins, so these answer 404 to everyone allowed).
        cases["ListPlugins"] = new RoleCase(Designers, Fixed("/api/plugins", null));
        cases["GetPlugin"] = new RoleCase(null, Fixed("/api/plugins/MatrixPlugin", null), HttpStatusCode.NotFound);
        cases["InvokePluginOperation"] = new RoleCase(null, Fixed("/api/plugins/MatrixPlugin/operations/evaluate", "{}"), HttpStatusCode.NotFound);
    }

    /// <summary>List, export and read for everyone; create, change and delete (of a fresh record nobody refers to) for admins.</summary>
    private static void Organization(Dictionary<string, MatrixCase> cases, string plural, string singular, string path,
        Func<MatrixWorld, string> body, Func<MatrixWorld, Task<long>> fresh)
    {
        cases[$"List{plural}"] = Everyone(path);
        cases[$"Export{plural}"] = Everyone($"{path}/export");
        cases[$"Total{plural}"] = Everyone($"{path}/totals");
        cases[$"Get{singular}"] = new RoleCase(null, async w => ($"{path}/{await fresh(w)}", null));
        cases[$"Create{singular}"] = new RoleCase(Admins, w => Task.FromResult<(string, string?)>((path, body(w))), HttpStatusCode.Created);
        cases[$"Update{singular}"] = new RoleCase(Admins, async w => ($"{path}/{await fresh(w)}", body(w)));
        cases[$"Delete{singular}"] = new RoleCase(Admins, async w => ($"{path}/{await fresh(w)}", null), HttpStatusCode.NoContent);
    }

    private static RoleCase Everyone(string url) => new(null, Fixed(url, null));

    private static Func<MatrixWorld, Task<(string Url, string? Body)>> Fixed(string url, string? body) => _ => Task.FromResult((url, body));

    private static Task<(string Url, string? Body)> NewDefinition(string url)
    {
        var id = UniqueId("matrix");
        return Task.FromResult<(string, string?)>((url, Definition(id, [Wf.Start()])));
    }
}
