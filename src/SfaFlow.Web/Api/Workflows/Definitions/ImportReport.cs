namespace SfaFlow.Web.Api.Workflows.Definitions;

/// <summary>What an import did, file by file: a zip imports its good files even when others fail.</summary>
public sealed record ImportReport(int Imported, int Failed, IReadOnlyList<ImportFileReport> Files);
