using Scalar.AspNetCore;
using SfaFlow.Web.Api;
using SfaFlow.Web.Api.Activities;
using SfaFlow.Workflows;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Web;

/// <summary>Wires the host: services from every SfaFlow project, configuration, and the HTTP API.</summary>
public static class SfaFlowHost
{
    public static WebApplicationBuilder AddSfaFlow(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Engine.
        builder.Services.AddSfaFlowWorkflows();
        builder.Services.AddOptions<ScriptOptions>().BindConfiguration(ScriptOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WorkflowEngineOptions>().BindConfiguration(WorkflowEngineOptions.SectionName).ValidateOnStart();

        // API.
        builder.Services.AddProblemDetails();
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
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthEndpoint();
        app.MapActivityEndpoints();
        return app;
    }
}
