using System.Diagnostics;
using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;

namespace Digest.Core.Tests.Ingestion.Fuzzing;

/// <summary>
/// Runs one input through a parser the way <see cref="IngestService"/> reads a file (UTF-8 without throwing on bad
/// bytes, byte-order marks detected, the size limit enforced by <see cref="LimitedReadStream"/>), with format detection,
/// <see cref="PaperValidator"/>, the index document and the export round trip for every accepted record, on the real
/// <see cref="IngestLimits"/>. A defect is: an exception other than <see cref="FileTooLargeException"/>, an item that is
/// neither a paper nor a rejection, a validated paper over a limit or not read back the same from its export, a case
/// slower than its time limit, or more allocation than its memory bound.
/// </summary>
internal sealed class ParserFuzzDriver(IPaperParser parser) : IDisposable
{
    /// <summary>
    /// Time allowed for one case: the drill's inputs parse in milliseconds, so a case still running after 15 s is stuck.
    /// Inputs of many megabytes get a second more per 4 MB (a linear parse of 50 MB takes about 2 s on a busy 2-core machine).
    /// 5 s was too little once: in the full suite, with the Web tests on both cores, the hand-made 3.5 MB OAI case of
    /// 10,000 records (each validated, turned into an index document and exported again) took longer.
    /// </summary>
    public static TimeSpan TimeLimit(int inputBytes) => TimeSpan.FromSeconds(15 + inputBytes / (4 * 1024 * 1024));

    /// <summary>
    /// Bytes one case may allocate: 48 bytes per input byte plus 32 MB (the worst hand-made case measured 23). Reading text costs a few copies of the input:
    /// decoded to UTF-16 (2 bytes a character), gathered into lines or records (2 more, with builder growth), encoded back
    /// to UTF-8 for the JSON reader (up to 3), turned into strings, JSON or XML nodes and a cleaned copy (several more).
    /// Parsing within the bound stays linear in the input; a parser that copied per record or per nesting level would not.
    /// The constant covers fixed buffers (64 KB line and stream buffers, the JSON Lines byte buffer) and small inputs.
    /// </summary>
    public static long MemoryBound(int inputBytes) => 48L * inputBytes + 32 * 1024 * 1024;

    private readonly IngestLimits _limits = new();
    private readonly FuzzWorker _worker = new();

    /// <summary>Runs <paramref name="input"/> on the driver's own worker thread and waits at most <see cref="TimeLimit"/> for it.</summary>
    public FuzzOutcome Run(byte[] input)
    {
        var limit = TimeLimit(input.Length);
        return _worker.TryRun(() => RunHere(input), limit, out var outcome)
            ? outcome!
            : new FuzzOutcome($"no answer within {limit.TotalSeconds:0} s (a hang or a super-linear parse)", 0, 0, limit);
    }

    public void Dispose() => _worker.Dispose();

    private FuzzOutcome RunHere(byte[] input)
    {
        var clock = Stopwatch.StartNew();
        // Per thread, so other tests running beside the drill do not count; the parse runs on this thread only.
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var records = 0;
        // What the checks of accepted papers allocate (the export round trip has its own buffers) is not the parser's.
        long checkAllocated = 0;
        string? defect;
        try
        {
            defect = Detect(input) ?? Parse(input, ref records, ref checkAllocated);
        }
        catch (FileTooLargeException)
        {
            // The one exception a parser may let through: the ingest service turns it into a rejection.
            defect = null;
        }
        catch (Exception e)
        {
            defect = $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore - checkAllocated;
        if (defect is null && allocated > MemoryBound(input.Length))
            defect = $"allocated {allocated:N0} bytes for {input.Length:N0} input bytes; the bound is {MemoryBound(input.Length):N0}";
        return new FuzzOutcome(defect, records, allocated, clock.Elapsed);
    }

    /// <summary>Format detection sees what the ingest service gives it: the first 16 KB as UTF-8, a UTF-8 BOM removed.</summary>
    private string? Detect(byte[] input)
    {
        var head = input.AsSpan(0, Math.Min(input.Length, 16 * 1024));
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        var text = Encoding.UTF8.GetString(head);
        SourceFormatDetector.Detect(text);
        parser.Recognizes(text.TrimStart('\uFEFF'));
        return null;
    }

    private string? Parse(byte[] input, ref int records, ref long checkAllocated)
    {
        var context = new ParseContext { SourceName = "fuzz", Today = ParserTestKit.Today, Limits = _limits };
        using var reader = new StreamReader(new LimitedReadStream(new MemoryStream(input), _limits.MaxFileBytes), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        foreach (var item in parser.Parse(reader, context))
        {
            records++;
            if ((item.Paper is null) == (item.Problem is null)) return $"item at {item.Position} is {(item.Paper is null ? "neither a paper nor a rejection" : "both a paper and a rejection")}";
            if (item.Position < 0) return $"item at negative position {item.Position}";
            if (item.Paper is null) continue;
            var (paper, _) = PaperValidator.Validate(item.Paper, _limits);
            if (paper is null) continue;
            var checkBefore = GC.GetAllocatedBytesForCurrentThread();
            var problem = Check(paper);
            checkAllocated += GC.GetAllocatedBytesForCurrentThread() - checkBefore;
            if (problem is not null) return $"item at {item.Position}: {problem}";
        }
        return null;
    }

    /// <summary>What must hold for every paper the validator lets through.</summary>
    private string? Check(Paper paper)
    {
        if (!paper.Id.All(char.IsAscii) || !PaperId.IsWellFormed(paper.Id)) return $"validated id '{paper.Id}' is not a well-formed ASCII id";
        if (paper.Title.Length is 0 || paper.Title.Length > _limits.MaxTitleLength) return $"validated title of {paper.Title.Length} characters";
        if (paper.Abstract.Length > _limits.MaxAbstractLength) return $"validated abstract of {paper.Abstract.Length} characters";
        if (paper.Authors.Count > _limits.MaxAuthors || paper.Authors.Any(a => a.Length == 0 || a.Length > _limits.MaxFieldLength)) return "validated authors over a limit or empty";
        PaperDocumentFactory.Create(paper, 1);
        var line = PaperJsonLinesWriter.ToLine(paper);
        var back = new JsonLinesParser().Parse(new StringReader(line), new ParseContext { SourceName = "export", Limits = _limits }).ToList();
        if (back is not [{ Paper: { } exported }]) return $"its export is not read back as one paper: {back.FirstOrDefault()?.Problem}";
        var (again, problem) = PaperValidator.Validate(exported, _limits);
        if (again is null) return $"its export is rejected: {problem}";
        if (again.Id != paper.Id || again.Title != paper.Title || again.Abstract != paper.Abstract || !again.Authors.SequenceEqual(paper.Authors))
            return "its export reads back different";
        return null;
    }
}
