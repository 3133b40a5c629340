using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Digest.Core.Indexing;

/// <summary>
/// Reads a range of a <see cref="MappedFile"/> straight from memory: a byte read is a pointer read, a block read is
/// one copy, and no read makes a system call or takes a lock. Clones share the mapping and keep their own position
/// (Lucene clones an input per thread and per enumerator). Not thread-safe, like every <see cref="IndexInput"/>.
/// </summary>
internal sealed unsafe class MappedIndexInput : IndexInput
{
    private readonly MappedFile _file;
    private readonly byte* _start;
    private readonly long _length;
    private long _position;
    private bool _closed;

    public MappedIndexInput(string description, MappedFile file, long offset, long length)
        : base(description)
    {
        if (offset < 0 || length < 0 || offset + length > file.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Slice {offset}+{length} is outside {file.Path} ({file.Length} bytes)");
        }
        _file = file;
        _start = file.Pointer + offset;
        _length = length;
    }

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        EnsureOpen();
        // Seeking to the end is allowed (the next read fails); past it is a caller bug.
        if (pos < 0 || pos > _length) throw new EndOfStreamException($"Seek to {pos} outside {this} ({_length} bytes)");
        _position = pos;
    }

    public override byte ReadByte()
    {
        var position = _position;
        if ((ulong)position >= (ulong)_length) throw PastEnd(1);
        var value = _start[position];
        // Writing the position after the read keeps this input, and so the mapping, reachable during the read.
        _position = position + 1;
        return value;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (len < 0 || _position + len > _length) throw PastEnd(len);
        new ReadOnlySpan<byte>(_start + _position, len).CopyTo(b.AsSpan(offset, len));
        _position += len;
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    // Postings, term dictionaries and stored fields are mostly variable-length integers: decoding them here avoids
    // a virtual ReadByte call per byte (what BufferedIndexInput does for its buffer).
    public override int ReadVInt32()
    {
        var position = _position;
        var remaining = _length - position;
        var p = _start + position;
        var result = 0;
        for (var shift = 0; shift <= 28; shift += 7)
        {
            if (remaining-- <= 0) throw PastEnd(1);
            var b = *p++;
            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                _position = p - _start;
                return result;
            }
        }
        throw new IOException($"Invalid variable-length int in {this} at {position}");
    }

    public override long ReadVInt64()
    {
        var position = _position;
        var remaining = _length - position;
        var p = _start + position;
        var result = 0L;
        for (var shift = 0; shift <= 56; shift += 7)
        {
            if (remaining-- <= 0) throw PastEnd(1);
            var b = *p++;
            result |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                _position = p - _start;
                return result;
            }
        }
        throw new IOException($"Invalid variable-length long in {this} at {position}");
    }

    public override object Clone()
    {
        EnsureOpen();
        return base.Clone();
    }

    protected override void Dispose(bool disposing) => _closed = true;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_position + count > _length) throw PastEnd(count);
        var span = new ReadOnlySpan<byte>(_start + _position, count);
        _position += count;
        return span;
    }

    private void EnsureOpen() => ObjectDisposedException.ThrowIf(_closed, this);

    private EndOfStreamException PastEnd(int count) =>
        new($"Read of {count} bytes at {_position} past the end of {this} ({_length} bytes)");
}
