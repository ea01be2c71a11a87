using System.Security.Cryptography;
using System.Text;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>
/// A hash of what a definition does, ignoring what a save or publish changes by itself (version, version id, latest and
/// published flags, creation time), so importing the same workflow twice is recognised as unchanged.
/// </summary>
public static class ContentHash
{
    public static string Of(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var neutral = definition with
        {
            Id = "-",
            Version = 0,
            IsLatest = false,
            IsPublished = false,
            CreatedAt = null,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ElsaJsonWriter.Write(neutral))));
    }
}
