using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Auditing;
using SfaFlow.Sales.Calendar;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Demo;
using SfaFlow.Sales.Import;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Mail;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Plugins;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Sales.Workflows.Http;
using SfaFlow.Sales.Workflows.Tasks;
using SfaFlow.Workflows;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales;

public static class SalesServiceCollectionExtensions
{
    /// <summary>
    /// The records scripts see under their own names (stage gates, workflow conditions, trigger filters: what changed,
    /// <c>before</c> and <c>after</c>, the stages of a move, a completed activity).
    /// </summary>
    public static readonly IReadOnlyList<string> ScriptGlobals =
        ["lead", "opportunity", "account", "event", "activity", "changes", "before", "after", "fromStage", "toStage"];

    /// <summary>Adds the sales domain's services (the database behind them comes from <c>AddSfaFlowData</c>).</summary>
    public static IServiceCollection AddSfaFlowSales(this IServiceCollection services)
    {
        services.AddOptions<SalesOptions>();
        services.Configure<ScriptOptions>(options =>
        {
            foreach (var name in ScriptGlobals.Where(n => !options.InputGlobals.Contains(n)))
            {
                options.InputGlobals.Add(name);
            }
        });
        services.TryAddSingleton(TimeProvider.System);

        // Rules and services every door (API, import, workflows, plugins) goes through.
        services.TryAddSingleton<SalesPrincipalResolver>();
        services.TryAddSingleton<StageGates>();
        services.TryAddSingleton<OpportunityService>();
        services.TryAddSingleton<LeadService>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<ContactService>();
        services.TryAddSingleton<SalesActivityService>();

        // Base data and the organization (admins change them).
        services.TryAddSingleton<ProductService>();
        services.TryAddSingleton<PipelineService>();
        services.TryAddSingleton<RegionService>();
        services.TryAddSingleton<TeamService>();
        services.TryAddSingleton<CustomerCategoryService>();
        services.TryAddSingleton<SalesUserService>();

        // Lists, exports and imports, the same for every resource.
        services.TryAddSingleton<RecordLists>();
        services.TryAddSingleton<RecordUpdater>();
        services.TryAddSingleton<CsvExporter>();
        services.TryAddSingleton<CsvImporter>();

        // Business days for due dates and cadences.
        services.AddOptions<CalendarOptions>();
        services.TryAddSingleton<BusinessCalendar>();

        // Outbound: e-mail and HTTP calls from workflows.
        services.AddOptions<MailOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddSingleton<MailSender>();
        services.AddOptions<OutboundHttpOptions>();
        services.TryAddSingleton<OutboundHttpClient>();

        // The audit log, read with the records' own reach.
        services.TryAddSingleton<AuditLog>();

        // Why the rules decided what they did (qualification, scoring, stage gates), kept per record.
        services.TryAddSingleton<DecisionTraces>();

        // The SFA activities (Sfa.* type keys) in the workflow designer's toolbox.
        services.AddActivities(typeof(SalesServiceCollectionExtensions).Assembly, "SfaFlow.Sales");

        // A completed task resumes the workflow waiting on it (through the outbox dispatcher).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventRoute, TaskCompletedRoute>());

        // Plugins read and change records and plan tasks through the SDK's ISalesRecords and IRecordTasks, as their caller.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPluginHostServices, SalesPluginHostServices>());

        // Demo.
        services.TryAddSingleton<DemoOrganizationSeeder>();
        return services;
    }
}
