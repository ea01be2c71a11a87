using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SfaFlow.Web.Security;

/// <summary>
/// The key that signs bearer tokens: <see cref="AuthOptions.SigningKey"/>, or in Development and Testing a random key
/// generated once into <see cref="AuthOptions.SigningKeyFile"/> (so tokens survive a restart; delete the file to revoke
/// them all). There is no built-in key: a key in the source would let anyone mint tokens for any installation.
/// </summary>
internal sealed class SigningKey(IOptions<AuthOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(options.Value, environment));

    public SymmetricSecurityKey Key => _key.Value;

    public static bool MayGenerate(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    private static SymmetricSecurityKey Load(AuthOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
        }

        if (!MayGenerate(environment))
        {
            throw new InvalidOperationException($"{AuthOptions.SectionName}:SigningKey is not set.");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ReadOrCreate(Path.GetFullPath(options.SigningKeyFile))));
    }

    private static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        try
        {
            // CreateNew: when two processes start together, the second reads the first one's key instead of replacing it.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using var writer = new StreamWriter(file);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
    }
}
