using PhoneNumbers;

namespace SfaFlow.Plugins.PhoneNumbers;

/// <summary>Reads a phone number as people write it and formats it as E.164 (<c>+4930123456</c>), or says it is not valid.</summary>
public static class PhoneFormatter
{
    /// <summary>The number in E.164, or null when it is empty, cannot be read, or is not a valid number.</summary>
    /// <param name="number">The number as written, for example <c>030 123456</c> or <c>+1 (650) 253-0000</c>.</param>
    /// <param name="defaultRegion">
    /// The two-letter country (ISO 3166) a number without a leading <c>+</c> belongs to, for example <c>DE</c>; without it
    /// only international numbers are read.
    /// </param>
    public static string? ToE164(string? number, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        // libphonenumber keeps its metadata in a process-wide instance of its own; it lives in this plugin's load context
        // and unloads with it.
        var phones = PhoneNumberUtil.GetInstance();
        var region = string.IsNullOrWhiteSpace(defaultRegion) ? "ZZ" : defaultRegion.Trim().ToUpperInvariant();
        try
        {
            var parsed = phones.Parse(number, region);
            return phones.IsValidNumber(parsed) ? phones.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
