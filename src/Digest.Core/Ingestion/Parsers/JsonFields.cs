using System.Text.Json;
using Digest.Core.Text;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Typed reads of one JSON object's properties. A property of the wrong type throws a
/// <see cref="RecordException"/> naming the field, so the record is rejected with a precise reason.
/// Absent and <c>null</c> properties read as "not given".
/// </summary>
internal static class JsonFields
{
    public static string? String(JsonElement obj, string name, string prefix = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw WrongType(prefix + name, "a string", value);
        return Text(value, prefix + name);
    }

    /// <summary>
    /// A string value's text. JSON may escape half of a surrogate pair (<c>"\ud800"</c>), which is no .NET text:
    /// <see cref="JsonElement.GetString"/> throws for it, so the record is rejected naming the field.
    /// </summary>
    public static string Text(JsonElement value, string field)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw UnpairedSurrogate(field);
        }
    }

    /// <summary>The rejection for a string with an escaped half of a surrogate pair.</summary>
    /// <summary>The string at the reader (a value or a property name), for readers that stream a line without a tree.</summary>
    // JSON may escape half of a surrogate pair ("\ud800"), which is no .NET text: GetString throws for it.
    public static string Text(ref Utf8JsonReader json, string field)
    {
        try
        {
            return json.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw UnpairedSurrogate(field);
        }
    }

    public static RecordException UnpairedSurrogate(string field) =>
        new($"'{field}' is not valid text: it escapes half of a surrogate pair (\\uD800-\\uDFFF)");

    public static string RequiredString(JsonElement obj, string name, string prefix = "") =>
        String(obj, name, prefix) ?? throw new RecordException($"missing '{prefix}{name}'");

    public static IReadOnlyList<string> Strings(JsonElement obj, string name, string prefix = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) throw WrongType(prefix + name, "an array of strings", value);
        var list = new List<string>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw WrongType($"{prefix}{name}[{index}]", "a string", item);
            list.Add(Text(item, $"{prefix}{name}[{index}]"));
            index++;
        }
        return list;
    }

    public static DateOnly? Day(JsonElement obj, string name, string prefix = "")
    {
        var text = String(obj, name, prefix);
        if (text is null) return null;
        return SourceDates.ParseDay(text) ?? throw new RecordException($"'{prefix}{name}' is '{TextShortening.Shorten(text, 40)}', not a date (YYYY-MM-DD)");
    }

    public static IReadOnlyList<DateOnly> Days(JsonElement obj, string name, string prefix = "")
    {
        var texts = Strings(obj, name, prefix);
        var days = new List<DateOnly>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            days.Add(SourceDates.ParseDay(texts[i]) ?? throw new RecordException($"'{prefix}{name}[{i}]' is '{TextShortening.Shorten(texts[i], 40)}', not a date (YYYY-MM-DD)"));
        }
        return days;
    }

    public static DateTimeOffset? Timestamp(JsonElement obj, string name, string prefix = "")
    {
        var text = String(obj, name, prefix);
        if (text is null) return null;
        return SourceDates.ParseTimestamp(text) ?? throw new RecordException($"'{prefix}{name}' is '{TextShortening.Shorten(text, 40)}', not an ISO-8601 timestamp");
    }

    public static int? Int(JsonElement obj, string name, string prefix = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number) throw WrongType(prefix + name, "a number", value);
        return value.TryGetInt32(out var number) ? number : throw new RecordException($"'{prefix}{name}' is not a whole number within range");
    }

    public static RecordException WrongType(string field, string expected, JsonElement actual) =>
        new($"'{field}' must be {expected}, not {Describe(actual.ValueKind)}");

    /// <summary>The kind of a JSON value in words, for messages ("a number").</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
