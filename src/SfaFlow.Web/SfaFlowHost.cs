using Scalar.AspNetCore;
using SfaFlow.Web.Api;
using SfaFlow.Web.Api.Activities;
using SfaFlow.Web.Api.Plugins;
using SfaFlow.Web.Api.Sales.Audit;
using SfaFlow.Web.Api.Sales.CustomerCategories;
using SfaFlow.Web.Api.Sales.Decisions;
using SfaFlow.Web.Api.Sales.Import;
using SfaFlow.Web.Api.Sales.Leads;
using SfaFlow.Web.Api.Sales.Opportunities;
using SfaFlow.Web.Api.Sales.Accounts;
using SfaFlow.Web.Api.Sales.Contacts;
using SfaFlow.Web.Api.Sales.Products;
using SfaFlow.Web.Api.Sales.Orders;
using SfaFlow.Web.Api.Sales.SalesActivities;
using SfaFlow.Web.Api.Sales.Tasks;
using SfaFlow.Web.Api.Sales.Pipelines;
using SfaFlow.Web.Api.Sales.Regions;
using SfaFlow.Web.Api.Sales.Teams;
using SfaFlow.Web.Api.Sales.Users;
using SfaFlow.Web.Api.Auth;
using SfaFlow.Web.Api.Workflows.Definitions;
using SfaFlow.Web.Api.Workflows.Events;
using SfaFlow.Web.Api.Workflows.Instances;
using SfaFlow.Web.Demo;
using SfaFlow.Data;
using SfaFlow.Sales;
using SfaFlow.Sales.Calendar;
using SfaFlow.Sales.Demo;
using SfaFlow.Sales.Mail;
using SfaFlow.Sales.Workflows.Http;
using SfaFlow.Data.Outbox;
using SfaFlow.Web.Security;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Web;

/// <summary>Wires the host: services from every SfaFlow project, configuration, and the HTTP API.</summary>
public static class SfaFlowHost
{
    public static WebApplicationBuilder AddSfaFlow(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Database, then the workflows and the demo organization (both must be in place before the runtime's scheduler starts).
        builder.Services.AddSfaFlowData();
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateOnStart();
        builder.Services.AddHostedService<SfaFlowStartup>();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateOnStart();
        builder.Services.AddHostedService<DemoSeeding>();

        // Engine and runtime.
        builder.Services.AddSfaFlowRuntime();
        builder.Services.AddOptions<ScriptOptions>().BindConfiguration(ScriptOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WorkflowEngineOptions>().BindConfiguration(WorkflowEngineOptions.SectionName).ValidateOnStart();
        builder.Services.AddOptions<RuntimeOptions>().BindConfiguration(RuntimeOptions.SectionName).ValidateOnStart();

        // Plugins (loaded by the startup service, before the workflows folder is published).
        builder.Services.AddSfaFlowPlugins();
        builder.Services.AddOptions<PluginOptions>().BindConfiguration(PluginOptions.SectionName)
            .Validate(o => o.ActivityTimeout > TimeSpan.Zero && o.ListenerTimeout > TimeSpan.Zero, "SfaFlow:Plugins timeouts must be positive.")
            .ValidateOnStart();

        // Sales domain.
        builder.Services.AddSfaFlowSales();
        builder.Services.AddOptions<SalesOptions>().BindConfiguration(SalesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.SectionName)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "SfaFlow:Calendar:TimeZone must be an IANA time zone id, such as Europe/Berlin.")
            .ValidateOnStart();
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        builder.Services.AddOptions<OutboundHttpOptions>().BindConfiguration(OutboundHttpOptions.SectionName)
            .Validate(o => o.MaxResponseBytes > 0, "SfaFlow:Http:MaxResponseBytes must be positive.")
            .ValidateOnStart();
        // Domain events from record changes into workflows.
        builder.Services.AddSfaFlowOutbox();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart();

        // Sign-in and authorization (after the startup service: the initial admin needs the migrated database).
        builder.AddSfaFlowSecurity();

        // API.
        builder.Services.AddProblemDetails();
        // Binding failures (malformed JSON body, a query value of the wrong type) throw, so that they can be answered with
        // a problem that says what and where instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapSfaFlow(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Every endpoint needs a signed-in sales user (the fallback policy) except these: health for load balancers, the
        // sign-in endpoints, and the API's description, which holds no data and tells clients how to sign in.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthEndpoint();
        app.MapAuthEndpoints();
        app.MapActivityEndpoints();
        app.MapPluginEndpoints();
        app.MapWorkflowDefinitionEndpoints();
        app.MapWorkflowInstanceEndpoints();
        app.MapEventEndpoints();
        app.MapLeadEndpoints();
        app.MapOpportunityEndpoints();
        app.MapDecisionEndpoints();
        app.MapAccountEndpoints();
        app.MapContactEndpoints();
        app.MapProductEndpoints();
        app.MapOrderEndpoints();
        app.MapSalesActivityEndpoints();
        app.MapTaskEndpoints();
        app.MapRecordTimelineEndpoints();
        app.MapPipelineEndpoints();
        app.MapRegionEndpoints();
        app.MapTeamEndpoints();
        app.MapCustomerCategoryEndpoints();
        app.MapSalesUserEndpoints();
        app.MapImportEndpoints();
        app.MapAuditEndpoints();
        return app;
    }
}
