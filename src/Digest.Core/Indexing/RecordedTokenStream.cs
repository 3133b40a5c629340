using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Digest.Core.Indexing;

/// <summary>
/// Replays recorded analyses as one field's token stream: the values one after the other, as many
/// positions apart as the index puts separate values of the field, so phrases never span two values.
/// One field instance then carries what were many (a name per author), each of which cost Lucene a token stream, its
/// attributes and a pass of the field inverter.
/// </summary>
public sealed class RecordedTokenStream : TokenStream
{
    private readonly IReadOnlyList<TokenRecording> _values;
    private readonly int _valueGap;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private int _value;
    private int _token;
    private int _carried;

    /// <param name="values">The recorded values in order.</param>
    /// <param name="valueGap">Positions between two values (the analyzer's position increment gap for the field).</param>
    public RecordedTokenStream(IReadOnlyList<TokenRecording> values, int valueGap)
    {
        _values = values;
        _valueGap = valueGap;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        while (_value < _values.Count)
        {
            var recording = _values[_value];
            if (_token < recording.Count)
            {
                ClearAttributes();
                recording.CopyTerm(_token, _term);
                _increment.PositionIncrement = recording.PositionIncrement(_token) + _carried;
                _carried = 0;
                _token++;
                return true;
            }
            // The next value starts after this one's trailing increment and the gap; an empty value adds only the gap.
            _carried += recording.FinalIncrement + _valueGap;
            _value++;
            _token = 0;
        }
        return false;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = 0;
    }

    public override void Reset()
    {
        base.Reset();
        _value = 0;
        _token = 0;
        _carried = 0;
    }
}
