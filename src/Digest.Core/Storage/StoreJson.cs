using System.Text.Json;
using System.Text.Json.Serialization;

namespace Digest.Core.Storage;

/// <summary>How list columns are written: compact JSON arrays of strings, through a source-generated serializer (ingest writes thousands a second).</summary>
internal static class StoreJson
{
    public static string Write(IReadOnlyList<string> values) =>
        values.Count == 0 ? "[]" : JsonSerializer.Serialize(values, StoreJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> Read(string? json) =>
        string.IsNullOrEmpty(json) || json == "[]" ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.StringArray) ?? [];
}

[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
