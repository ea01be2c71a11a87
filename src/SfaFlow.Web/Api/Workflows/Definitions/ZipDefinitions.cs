using System.IO.Compression;

namespace SfaFlow.Web.Api.Workflows.Definitions;

/// <summary>
/// The <c>*.json</c> files of an uploaded zip, in path order. Bounded, because a small upload can expand enormously: at
/// most <see cref="MaxFiles"/> files of at most <see cref="MaxFileBytes"/> each, measured while inflating rather than
/// trusted from the archive's headers.
/// </summary>
internal static class ZipDefinitions
{
    public const int MaxFiles = 1000;
    public const int MaxFileBytes = 16 * 1024 * 1024;

    public static bool IsZip(string? contentType, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.AsSpan().StartsWith("PK"u8) ||
               contentType is not null && (contentType.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase) ||
                                           contentType.StartsWith("application/x-zip", StringComparison.OrdinalIgnoreCase));
    }

    /// <exception cref="InvalidDataException">The body is not a zip archive, or breaks a limit.</exception>
    public static async Task<IReadOnlyList<(string File, byte[] Content)>> ReadAsync(byte[] zip, CancellationToken cancellationToken)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        var entries = archive.Entries
            .Where(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !e.Name.StartsWith('.') &&
                        !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .ToList();
        if (entries.Count > MaxFiles)
        {
            throw new InvalidDataException($"The zip holds {entries.Count} JSON files; at most {MaxFiles} are imported at once.");
        }

        var files = new List<(string, byte[])>(entries.Count);
        foreach (var entry in entries)
        {
            files.Add((entry.FullName, await ReadBoundedAsync(entry, cancellationToken)));
        }

        return files;
    }

    private static async Task<byte[]> ReadBoundedAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > MaxFileBytes)
            {
                throw new InvalidDataException($"'{entry.FullName}' is larger than {MaxFileBytes / (1024 * 1024)} MB once unpacked.");
            }
        }

        return content.ToArray();
    }
}
