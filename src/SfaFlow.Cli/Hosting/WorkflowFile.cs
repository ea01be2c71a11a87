namespace SfaFlow.Cli.Hosting;

/// <summary>Reads a workflow file as text, turning every way it can fail into one readable sentence.</summary>
internal static class WorkflowFile
{
    /// <summary>The file's text (UTF-8, a byte-order mark is dropped), or null with the reason in <paramref name="error"/>.</summary>
    public static string? TryRead(string path, out string? error)
    {
        error = null;
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"{path}: file not found";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = $"{path}: cannot read the file: {exception.Message}";
        }

        return null;
    }
}
