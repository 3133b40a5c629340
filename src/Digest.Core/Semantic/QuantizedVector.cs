namespace Digest.Core.Semantic;

/// <summary>
/// A vector stored as signed bytes and one scale (value = byte × scale): a quarter of the floats' size in the store
/// and in memory, and scanned four times as many values per SIMD instruction. On SciFact the int8 vectors rank as the
/// floats do (see the README for the measured nDCG and recall).
/// </summary>
public readonly record struct QuantizedVector(sbyte[] Values, float Scale)
{
    /// <summary>Symmetric quantisation: the largest magnitude maps to ±127.</summary>
    public static QuantizedVector From(ReadOnlySpan<float> vector)
    {
        var max = 0f;
        foreach (var x in vector) max = Math.Max(max, Math.Abs(x));
        var values = new sbyte[vector.Length];
        if (max == 0 || !float.IsFinite(max)) return new QuantizedVector(values, 0);
        var scale = max / 127f;
        for (var i = 0; i < vector.Length; i++) values[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
        return new QuantizedVector(values, scale);
    }

    /// <summary>The floats back (to within half a step).</summary>
    public float[] ToFloats()
    {
        var result = new float[Values.Length];
        for (var i = 0; i < Values.Length; i++) result[i] = Values[i] * Scale;
        return result;
    }
}
