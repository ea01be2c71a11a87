using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// The identity an allow-list pins: SHA-256 over every file in the plugin folder (sub-folders included) except debug
/// symbols (<c>*.pdb</c>: they never change what runs, and shipping a plugin with or without them must not change its
/// identity), taken in ordinal order of their relative paths written with '/'. Per file it hashes the path in UTF-8, a
/// zero byte, the content length as 8 bytes little-endian, then the content; so renaming, adding, removing or changing
/// any other file changes the hash, and the same files give the same hash on every machine. Shown as lowercase hex.
/// Release builds of one commit give the same files wherever they are built, because <c>plugins/Directory.Build.props</c>
/// maps the checkout's path away (see docs/plugins.md).
/// </summary>
public static class PluginHash
{
    public static string Compute(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => !IsDebugSymbols(file))
            .Select(file => (Full: file, Relative: Path.GetRelativePath(root, file).Replace('\\', '/')))
            .OrderBy(file => file.Relative, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (full, relative) in files)
        {
            var content = File.ReadAllBytes(full);
            hash.AppendData(Encoding.UTF8.GetBytes(relative));
            hash.AppendData([0]);
            BinaryPrimitives.WriteInt64LittleEndian(length, content.LongLength);
            hash.AppendData(length);
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool IsDebugSymbols(string file) => file.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase);
}
