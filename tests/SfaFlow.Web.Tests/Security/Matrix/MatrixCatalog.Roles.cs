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
        cases["GetProduct"] = new RoleCase(null, async w => ($"/api/products/{await w.NewProductAsync()}", null));

        // Admins only: the catalog.
        cases["CreateProduct"] = new RoleCase(Admins, w => Task.FromResult<(string, string?)>(("/api/products", w.NewProductBody())), HttpStatusCode.Created);
        cases["UpdateProduct"] = new RoleCase(Admins, async w => ($"/api/products/{await w.NewProductAsync()}", w.NewProductBody()));
        cases["DeleteProduct"] = new RoleCase(Admins, async w => ($"/api/products/{await w.NewProductAsync()}", null), HttpStatusCode.NoContent);

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
    }

    private static RoleCase Everyone(string url) => new(null, Fixed(url, null));

    private static Func<MatrixWorld, Task<(string Url, string? Body)>> Fixed(string url, string? body) => _ => Task.FromResult((url, body));

    private static Task<(string Url, string? Body)> NewDefinition(string url)
    {
        var id = UniqueId("matrix");
        return Task.FromResult<(string, string?)>((url, Definition(id, [Wf.Start()])));
    }
}
