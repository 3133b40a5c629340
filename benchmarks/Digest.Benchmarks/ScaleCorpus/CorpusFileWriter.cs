using System.Globalization;
using System.Text;

namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>
/// Writes JSON Lines to one file, or with a part size to numbered files in a folder (part-0001.jsonl, ...): the app
/// takes files up to 256 MB by default (Digest:Limits:MaxFileBytes), about 140,000 generated papers, and ingests a
/// folder's files in name order.
/// </summary>
internal sealed class CorpusFileWriter(string path, int papersPerPart) : IDisposable
{
    private StreamWriter? _writer;
    private int _linesInPart;
    private int _parts;

    public long Bytes { get; private set; }

    public void WriteLine(string line)
    {
        if (_writer is null || (papersPerPart > 0 && _linesInPart == papersPerPart)) Next();
        _writer!.Write(line);
        _linesInPart++;
    }

    public void Dispose() => Close();

    private void Next()
    {
        Close();
        var file = path;
        if (papersPerPart > 0)
        {
            // Parts of an earlier, larger corpus in the folder would be ingested with this one.
            if (_parts == 0 && Directory.Exists(path)) foreach (var old in Directory.EnumerateFiles(path, "part-*.jsonl")) File.Delete(old);
            Directory.CreateDirectory(path);
            file = Path.Combine(path, string.Create(CultureInfo.InvariantCulture, $"part-{++_parts:D4}.jsonl"));
        }
        _writer = new StreamWriter(new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20);
        _linesInPart = 0;
    }

    private void Close()
    {
        if (_writer is null) return;
        _writer.Flush();
        Bytes += _writer.BaseStream.Length;
        _writer.Dispose();
        _writer = null;
    }
}
