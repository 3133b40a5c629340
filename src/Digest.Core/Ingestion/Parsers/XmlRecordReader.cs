using System.Xml;
using System.Xml.Linq;
using Digest.Core.Configuration;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Streams the record elements of an XML document one at a time, with the settings every untrusted XML
/// source needs: no DTD (so no entity expansion or external entities), no resolver, a size cap.
/// Malformed XML ends the stream with <see cref="Error"/> set instead of throwing.
/// </summary>
internal sealed class XmlRecordReader : IDisposable
{
    private readonly TextReader _text;
    private readonly XmlReaderSettings _settings;
    private XmlReader? _reader;
    private bool _onUnreadNode;

    public XmlRecordReader(TextReader text, IngestLimits limits)
    {
        _text = text;
        _settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxFileBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
    }

    /// <summary>Why reading stopped early, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The root element's name, or null (with <see cref="Error"/>) when there is none or the XML is malformed.</summary>
    public XName? ReadRoot()
    {
        try
        {
            // Creating the reader already reads the first block, so it can fail like any other read.
            _reader = XmlReader.Create(_text, _settings);
            if (_reader.MoveToContent() != XmlNodeType.Element)
            {
                Error = "the file has no root element";
                return null;
            }
            return XName.Get(_reader.LocalName, _reader.NamespaceURI);
        }
        catch (XmlException ex)
        {
            Error = Describe(ex);
            return null;
        }
    }

    /// <summary>
    /// The next element (anywhere below the current position) that <paramref name="wanted"/> selects, read whole;
    /// null at the end of the document or when the XML is malformed.
    /// </summary>
    public XElement? Next(Func<XName, bool> wanted)
    {
        if (_reader is null) return null;
        try
        {
            while (true)
            {
                // XNode.ReadFrom leaves the reader on the node after the element, which must not be skipped.
                if (!_onUnreadNode && !_reader.Read()) return null;
                _onUnreadNode = false;
                if (_reader.NodeType == XmlNodeType.Element && wanted(XName.Get(_reader.LocalName, _reader.NamespaceURI)))
                {
                    var element = (XElement)XNode.ReadFrom(_reader);
                    _onUnreadNode = true;
                    return element;
                }
            }
        }
        catch (XmlException ex)
        {
            Error = Describe(ex);
            return null;
        }
    }

    public void Dispose() => _reader?.Dispose();

    private string Describe(XmlException ex)
    {
        // Some limits are reported without a position (line 0); a position is only worth giving when known.
        var at = ex.LineNumber > 0 ? $" at line {ex.LineNumber}, column {ex.LinePosition}" : "";
        if (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
            return $"XML with a DTD (<!DOCTYPE>) is refused{at}: entity declarations could expand without bound or read local files";
        if (ex.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal))
            return $"XML is larger than the limit of {_settings.MaxCharactersInDocument} characters";
        return $"XML is malformed{at}: {ex.Message}";
    }
}
