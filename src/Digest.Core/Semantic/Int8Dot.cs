using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Digest.Core.Semantic;

/// <summary>Dot products of int8 vectors (the scan) and of a float vector with an int8 one (the re-scoring), with SIMD where the CPU has it.</summary>
public static class Int8Dot
{
    /// <summary>Σ a[i]·b[i] for a document's bytes and the query widened to 16 bits once per search.</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<short> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("The vectors differ in length.", nameof(b));
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && a.Length >= 32)
        {
            // 32 bytes per step: widened to 16 bits, multiplied and added in pairs into eight 32-bit sums (vpmaddwd).
            // Products are at most 127·127·2, far from overflowing 32 bits for 384 dimensions.
            var acc = Vector256<int>.Zero;
            for (; i + 32 <= a.Length; i += 32)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(a.Slice(i, 32)));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(low, Vector256.Create(b.Slice(i, 16))));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(high, Vector256.Create(b.Slice(i + 16, 16))));
            }
            sum = Vector256.Sum(acc);
        }
        else if (Vector128.IsHardwareAccelerated && a.Length >= 16)
        {
            var acc = Vector128<int>.Zero;
            for (; i + 16 <= a.Length; i += 16)
            {
                var (low, high) = Vector128.Widen(Vector128.Create(a.Slice(i, 16)));
                var (b0, b1) = (Vector128.Create(b.Slice(i, 8)), Vector128.Create(b.Slice(i + 8, 8)));
                var (l0, l1) = Vector128.Widen(low * b0);
                var (h0, h1) = Vector128.Widen(high * b1);
                acc += l0 + l1 + h0 + h1;
            }
            sum = Vector128.Sum(acc);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Σ a[i]·b[i] for a float query and a document's bytes (the scale is applied by the caller).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("The vectors differ in length.", nameof(b));
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
