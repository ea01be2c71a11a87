using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace SfaFlow.Web.Tests.Security.Matrix;

/// <summary>One host and one matrix organization for all of the matrix's tests.</summary>
public sealed partial class MatrixFixture : IAsyncLifetime
{
    internal SfaFlowApiFactory Factory { get; } = new();

    internal MatrixWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        World = await MatrixWorld.CreateAsync(Factory);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>Every endpoint the host maps, keyed as the catalog keys them: its name, or "METHOD /pattern" when it has none.</summary>
    internal IReadOnlyList<MappedEndpoint> Endpoints() =>
        [.. Factory.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(endpoint =>
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            return methods.Select(method => new MappedEndpoint(name ?? $"{method} {pattern}", method, pattern, anonymous));
        })];
}

/// <summary>An endpoint as mapped: its key, method, route pattern, and whether it is public.</summary>
internal sealed partial record MappedEndpoint(string Key, string Method, string Pattern, bool Anonymous)
{
    /// <summary>The URL for a record id (every route value is the id), or with "x" for every route value.</summary>
    public string Url(long? id = null) => RouteValue().Replace(Pattern, id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
