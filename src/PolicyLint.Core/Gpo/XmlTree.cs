using System.Text;
using System.Xml;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Gpo;

/// <summary>One element of a positioned XML tree: name, text and where the element and its text start.</summary>
public sealed class XmlElementNode
{
    private readonly List<XmlElementNode> _children = [];

    public XmlElementNode(string localName, string namespaceUri, SourceLocation location)
    {
        LocalName = localName;
        NamespaceUri = namespaceUri;
        Location = location;
        TextLocation = location;
    }

    public string LocalName { get; }

    public string NamespaceUri { get; }

    public SourceLocation Location { get; }

    /// <summary>Concatenated text and CDATA content (trimmed by <see cref="Text"/>).</summary>
    public string RawText { get; internal set; } = string.Empty;

    public string Text => RawText.Trim();

    /// <summary>Where the text starts (the element itself when it has none).</summary>
    public SourceLocation TextLocation { get; internal set; }

    public IReadOnlyList<XmlElementNode> Children => _children;

    internal void AddChild(XmlElementNode child) => _children.Add(child);

    public XmlElementNode? Child(string localName) => _children.FirstOrDefault(c => c.LocalName == localName);

    public IEnumerable<XmlElementNode> ChildrenNamed(string localName) => _children.Where(c => c.LocalName == localName);

    public string? ChildText(string localName) => Child(localName)?.Text;

    public IEnumerable<XmlElementNode> Descendants()
    {
        var stack = new Stack<XmlElementNode>(_children.AsEnumerable().Reverse());
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node._children.Count - 1; i >= 0; i--)
            {
                stack.Push(node._children[i]);
            }
        }
    }
}

/// <summary>Thrown when the XML cannot be read; carries the location and a message for the user.</summary>
public sealed class XmlInputException(SourceLocation location, string message) : Exception(message)
{
    public SourceLocation Location { get; } = location;
}

/// <summary>
/// Reads XML into a small positioned tree. DTDs are prohibited and no resolver is set, so no entity is ever expanded
/// and no file or URL is read: a DOCTYPE is an error, reported at its line and column.
/// </summary>
public static class XmlTree
{
    public static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Parses UTF-8 bytes (already decoded from whatever the file was written in).</summary>
    public static XmlElementNode Parse(SourceDocument document)
    {
        var text = Encoding.UTF8.GetString(document.Utf8.Span);
        var lineStarts = LineStarts(text);
        var lineByteStarts = ByteStarts(text, lineStarts);
        // A StringReader ignores the declared encoding (reports say utf-16 even when a tool re-saved them as UTF-8).
        using var reader = XmlReader.Create(new StringReader(text), SafeSettings());
        var info = (IXmlLineInfo)reader;
        var stack = new Stack<XmlElementNode>();
        XmlElementNode? root = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        var location = Locate(document, text, lineStarts, lineByteStarts, info.LineNumber, info.LinePosition);
                        var node = new XmlElementNode(reader.LocalName, reader.NamespaceURI, location);
                        if (stack.Count > 0)
                        {
                            stack.Peek().AddChild(node);
                        }
                        else
                        {
                            root ??= node;
                        }

                        if (!reader.IsEmptyElement)
                        {
                            stack.Push(node);
                        }

                        break;
                    }

                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                        if (stack.Count > 0)
                        {
                            var current = stack.Peek();
                            if (current.RawText.Length == 0 || current.RawText.Trim().Length == 0)
                            {
                                var leading = reader.Value.Length - reader.Value.TrimStart().Length;
                                current.TextLocation = Locate(document, text, lineStarts, lineByteStarts, info.LineNumber, info.LinePosition, leading, reader.Value);
                            }

                            current.RawText += reader.Value;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        stack.Pop();
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            var location = Locate(document, text, lineStarts, lineByteStarts, ex.LineNumber, ex.LinePosition);
            var doctype = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            if (ex.LineNumber == 0 && doctype >= 0)
            {
                // The prohibited-DTD exception carries no position: point at the declaration itself.
                var line = Array.BinarySearch(lineStarts, doctype);
                line = line < 0 ? ~line - 1 : line;
                location = Locate(document, text, lineStarts, lineByteStarts, line + 1, doctype - lineStarts[line] + 1);
            }

            throw new XmlInputException(location, Describe(ex, text));
        }

        return root ?? throw new XmlInputException(SourceLocation.ForFile(document.FilePath), "the XML has no root element");
    }

    private static string Describe(XmlException ex, string text)
    {
        if (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return "the XML has a DOCTYPE declaration; PolicyLint refuses DTDs so that no entity is expanded and no file or URL is read (GPMC reports never contain one)";
        }

        // XmlException messages end with " Line n, position m."; the location already says that.
        var message = ex.Message;
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return "malformed XML: " + (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    /// <summary>UTF-8 byte offset of each line start, so locating a node costs one line, not the whole prefix.</summary>
    private static int[] ByteStarts(string text, int[] lineStarts)
    {
        var result = new int[lineStarts.Length];
        for (var i = 1; i < lineStarts.Length; i++)
        {
            result[i] = result[i - 1] + Encoding.UTF8.GetByteCount(text.AsSpan(lineStarts[i - 1], lineStarts[i] - lineStarts[i - 1]));
        }

        return result;
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    /// <summary>Line and column as XmlReader counts them (1-based, UTF-16), plus the UTF-8 byte offset for SARIF.</summary>
    private static SourceLocation Locate(SourceDocument document, string text, int[] lineStarts, int[] lineByteStarts, int line, int column, int skip = 0, string? value = null)
    {
        if (line <= 0)
        {
            return SourceLocation.ForFile(document.FilePath);
        }

        var lineIndex = Math.Min(line - 1, lineStarts.Length - 1);
        var charIndex = Math.Min(lineStarts[lineIndex] + Math.Max(column - 1, 0), text.Length);
        // Step over leading whitespace of a text node so the location points at the value itself.
        var startLine = line;
        var startColumn = column;
        for (var i = 0; i < skip && charIndex < text.Length; i++)
        {
            var c = text[charIndex];
            charIndex++;
            if (c == '\n' || (c == '\r' && (charIndex >= text.Length || text[charIndex] != '\n')))
            {
                startLine++;
                startColumn = 1;
            }
            else if (c != '\r')
            {
                startColumn++;
            }
        }

        var length = value is null ? 0 : Encoding.UTF8.GetByteCount(value.Trim());
        var lineStart = lineStarts[lineIndex];
        var offset = lineByteStarts[lineIndex] + Encoding.UTF8.GetByteCount(text.AsSpan(lineStart, Math.Max(charIndex - lineStart, 0)));
        return new SourceLocation(document.FilePath, startLine, startColumn, offset, length);
    }
}
