using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SfaFlow.Data.Tests.Support;

namespace SfaFlow.Data.Tests.Demo;

/// <summary>A SHA-256 of every row of every table, per table, read in row order: two databases with equal digests hold the same data.</summary>
internal static class DatabaseDigest
{
    public static async Task<IReadOnlyDictionary<string, string>> ComputeAsync(SalesHost host)
    {
        await using var connection = new SqliteConnection(host.Get<IOptions<DataOptions>>().Value.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    // Type and value, separated, so that no two different rows can hash alike by running together.
                    var value = reader.GetValue(i);
                    hash.AppendData(Encoding.UTF8.GetBytes($"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}\u001f"));
                }

                hash.AppendData("\u001e"u8);
            }

            digests[table] = $"{rows} rows, {Convert.ToHexString(hash.GetHashAndReset())}";
        }

        return digests;
    }
}
