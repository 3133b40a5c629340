using System.Text.Json;
using System.Text.Json.Serialization;
using Digest.Core.Papers;

namespace Digest.Core.Storage;

/// <summary>How list columns are written: compact JSON arrays of strings, through a source-generated serializer (ingest writes thousands a second).</summary>
internal static class StoreJson
{
    public static string Write(IReadOnlyList<string> values) =>
        values.Count == 0 ? "[]" : JsonSerializer.Serialize(values, StoreJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> Read(string? json) =>
        string.IsNullOrEmpty(json) || json == "[]" ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.StringArray) ?? [];

    /// <summary>The TeX originals as a JSON object without its null members; null for a paper without TeX.</summary>
    public static string? WriteTex(TexSource? tex) => tex is null ? null : JsonSerializer.Serialize(tex, StoreJsonContext.Default.TexSource);

    public static TexSource? ReadTex(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, StoreJsonContext.Default.TexSource);
}

[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(TexSource))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
