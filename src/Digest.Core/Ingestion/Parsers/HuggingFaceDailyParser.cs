using System.Text;
using System.Text.Json;
using Digest.Core.Papers;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Reads Hugging Face daily papers JSON: an array of items, each with a nested <c>paper</c> object and the
/// <c>submittedOnDailyAt</c> timestamp of the daily page it appeared on. Positions are 1-based item numbers.
/// </summary>
public sealed class HuggingFaceDailyParser : IPaperParser
{
    // Items nest paper → authors → author; anything much deeper is not this format.
    private const int MaxDepth = 16;

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.HuggingFaceDaily;

    /// <inheritdoc />
    public bool Recognizes(string head)
    {
        var text = head.AsSpan().TrimStart();
        return text.Length > 0 && text[0] == '[' && head.Contains("\"paper\"", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<ParsedItem> Parse(TextReader reader, ParseContext context)
    {
        var text = BoundedText.ReadAll(reader, context.Limits.MaxFileBytes);
        if (text is null) return [ParsedItem.Rejected(0, $"file is larger than the limit of {context.Limits.MaxFileBytes} characters")];
        if (string.IsNullOrWhiteSpace(text)) return [ParsedItem.Rejected(0, "not Hugging Face daily JSON: the file is empty")];
        // The whole array is read item by item, so a file cut short still yields the items before the cut.
        return ReadItems(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')));
    }

    private List<ParsedItem> ReadItems(byte[] utf8)
    {
        var items = new List<ParsedItem>();
        var json = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var position = 0;
        var sawArray = false;
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                items.Add(ParsedItem.Rejected(0, $"not Hugging Face daily JSON: expected an array of items, found {Describe(json.TokenType)}"));
                return items;
            }
            sawArray = true;
            // A syntax error belongs to the item being read, which has the next number.
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                using var item = JsonDocument.ParseValue(ref json);
                position++;
                items.Add(ReadItem(item.RootElement, position));
            }
        }
        catch (JsonException ex)
        {
            var problem = $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}: {FirstSentence(ex.Message)}";
            items.Add(sawArray
                ? ParsedItem.Rejected(position + 1, problem + " Reading stopped.")
                : ParsedItem.Rejected(0, "not Hugging Face daily JSON: " + problem));
        }
        return items;
    }

    private ParsedItem ReadItem(JsonElement item, int position)
    {
        try
        {
            if (item.ValueKind != JsonValueKind.Object) throw new RecordException($"item must be an object, not {JsonFields.Describe(item.ValueKind)}");
            if (!item.TryGetProperty("paper", out var paper)) throw new RecordException("missing 'paper'");
            if (paper.ValueKind != JsonValueKind.Object) throw JsonFields.WrongType("paper", "an object", paper);
            const string prefix = "paper.";

            var id = JsonFields.String(paper, "id", prefix);
            var arxivId = id is null ? null : PaperId.TryParseArxiv(id) ?? throw new RecordException($"'paper.id' is '{id}', not an arXiv id");
            var title = JsonFields.String(paper, "title", prefix) ?? JsonFields.RequiredString(item, "title");
            var githubRepo = JsonFields.String(paper, "githubRepo", prefix);
            // Older responses put the daily timestamp on the item, newer ones (also) on the paper.
            var digestDay = JsonFields.Day(item, "submittedOnDailyAt") ?? JsonFields.Day(paper, "submittedOnDailyAt", prefix);
            return ParsedItem.Accepted(position, new Paper
            {
                Id = PaperId.For(arxivId, title),
                ArxivId = arxivId,
                Title = title,
                Abstract = JsonFields.String(paper, "summary", prefix) ?? "",
                Authors = Authors(paper),
                Published = JsonFields.Day(paper, "publishedAt", prefix),
                DigestDays = digestDay is { } day ? [day] : [],
                Keywords = JsonFields.Strings(paper, "ai_keywords", prefix),
                CodeUrls = githubRepo is null ? [] : [githubRepo],
                ProjectUrl = JsonFields.String(paper, "projectPage", prefix),
                Upvotes = JsonFields.Int(paper, "upvotes", prefix),
                Sources = [Format.Name()],
            });
        }
        catch (RecordException ex)
        {
            return ParsedItem.Rejected(position, ex.Message);
        }
    }

    private static List<string> Authors(JsonElement paper)
    {
        if (!paper.TryGetProperty("authors", out var authors) || authors.ValueKind == JsonValueKind.Null) return [];
        if (authors.ValueKind != JsonValueKind.Array) throw JsonFields.WrongType("paper.authors", "an array", authors);
        var names = new List<string>(authors.GetArrayLength());
        var index = 0;
        foreach (var author in authors.EnumerateArray())
        {
            // Hugging Face writes objects with a name (and a linked user); plain strings are accepted too.
            var name = author.ValueKind switch
            {
                JsonValueKind.String => JsonFields.Text(author, $"paper.authors[{index}]"),
                JsonValueKind.Object => JsonFields.String(author, "name", $"paper.authors[{index}]."),
                _ => throw JsonFields.WrongType($"paper.authors[{index}]", "an object with a name", author),
            };
            if (name is not null) names.Add(name);
            index++;
        }
        return names;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
