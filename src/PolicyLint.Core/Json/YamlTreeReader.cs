using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLint.Input;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PolicyLint.Json;

/// <summary>
/// Reads YAML (IntuneCD backups written with <c>--output yaml</c>) into the same positioned tree as JSON, so the Intune
/// object readers serve both. Plain scalars are typed as PyYAML, which writes those files, types them (null, Booleans
/// including yes/no/on/off, integers, floats); quoted scalars are strings. Aliases are refused rather than expanded,
/// so a hostile file cannot make the tree grow beyond its own size.
/// </summary>
public static partial class YamlTreeReader
{
    private const int MaxDepth = 128;

    /// <exception cref="JsonSyntaxException">The text is not YAML this reader accepts.</exception>
    public static JsonNode Parse(SourceDocument document)
    {
        var text = Encoding.UTF8.GetString(document.Utf8.Span);
        var builder = new Builder(document, text);
        try
        {
            return builder.ReadStream();
        }
        catch (SyntaxErrorException ex) when (ex.End.Index > ex.Start.Index)
        {
            // Scanner errors carry where the scalar or collection began (Start) and where the problem is (End): point
            // at the problem (a tab, the end of the file) and say where the construct began. The start alone can be the
            // file's first character, which a finding cannot tell apart from "no position".
            var started = builder.Locate(ex.Start);
            throw new JsonSyntaxException(builder.Locate(ex.End), $"invalid YAML: {Describe(ex)} (it starts at line {started.Line}, column {started.Column})");
        }
        catch (YamlException ex)
        {
            // Some errors come with the file's first character as their position ("found invalid tab as indentation"
            // names where the mapping began); the end of the last event read is closer to the problem then.
            var location = ex.Start.Index == 0 ? builder.LastGoodLocation() : builder.Locate(ex.Start);
            throw new JsonSyntaxException(location, "invalid YAML: " + Describe(ex));
        }
        catch (ScannerFailedException)
        {
            // YamlDotNet's scanner throws a bare InvalidOperationException on some broken flow collections (": {\ne")
            // instead of a YamlException with a position; the last event it produced is where reading stopped.
            throw new JsonSyntaxException(builder.LastGoodLocation(), "invalid YAML: the text after this point cannot be parsed (look for an unclosed '[' or '{')");
        }
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 40) - (...): "; the location is reported separately.
        var message = ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.');
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    private sealed class Builder
    {
        private readonly SourceDocument _document;
        private readonly ScannerGuard _parser;
        private readonly int[] _byteOfChar;

        public Builder(SourceDocument document, string text)
        {
            _document = document;
            _parser = new ScannerGuard(new Parser(new StringReader(text)));
            _byteOfChar = new int[text.Length + 1];
            var bytes = 0;
            for (var i = 0; i < text.Length; i++)
            {
                _byteOfChar[i] = bytes;
                var c = text[i];
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
            }

            _byteOfChar[text.Length] = bytes;
        }

        public Model.SourceLocation Locate(Mark mark) => _document.Locate(Offset(mark));

        /// <summary>The end of the last event the parser produced (the start of the file before the first).</summary>
        public Model.SourceLocation LastGoodLocation() => _parser.Current is { } last ? Locate(last.End) : _document.Locate(0);

        public JsonNode ReadStream()
        {
            _parser.Consume<StreamStart>();
            var documents = new List<JsonNode>();
            while (_parser.TryConsume<DocumentStart>(out var start))
            {
                documents.Add(_parser.Accept<DocumentEnd>(out _) ? new JsonScalar(_document, Offset(start.Start), 0, JsonScalarKind.Null, "null") : ReadNode(0));
                _parser.Consume<DocumentEnd>();
            }

            _parser.Consume<StreamEnd>();
            if (documents.Count == 1)
            {
                return documents[0];
            }

            var all = new JsonArray(_document, 0);
            documents.ForEach(all.Add);
            all.Length = _document.Utf8.Length;
            return all;
        }

        private JsonNode ReadNode(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new JsonSyntaxException(Locate(_parser.Current!.Start), $"the YAML is nested more than {MaxDepth} levels deep");
            }

            switch (_parser.Current)
            {
                case AnchorAlias alias:
                    throw new JsonSyntaxException(Locate(alias.Start), $"YAML alias '*{alias.Value}' is not supported (policy exports do not use them)");
                case Scalar scalar:
                    _parser.MoveNext();
                    return ToScalar(scalar);
                case SequenceStart sequenceStart:
                {
                    _parser.MoveNext();
                    var array = new JsonArray(_document, Offset(sequenceStart.Start));
                    SequenceEnd? end;
                    while (!_parser.TryConsume<SequenceEnd>(out end))
                    {
                        array.Add(ReadNode(depth + 1));
                    }

                    array.Length = Offset(end!.End) - array.Offset;
                    return array;
                }

                case MappingStart mappingStart:
                {
                    _parser.MoveNext();
                    var obj = new JsonObject(_document, Offset(mappingStart.Start));
                    MappingEnd? end;
                    while (!_parser.TryConsume<MappingEnd>(out end))
                    {
                        if (_parser.Current is not Scalar key)
                        {
                            throw new JsonSyntaxException(Locate(_parser.Current!.Start), "a YAML mapping key that is not a plain name is not supported");
                        }

                        _parser.MoveNext();
                        var keyOffset = Offset(key.Start);
                        var value = ReadNode(depth + 1);
                        obj.Add(new JsonProperty(key.Value, keyOffset, Offset(key.End) - keyOffset, value));
                    }

                    obj.Length = Offset(end!.End) - obj.Offset;
                    return obj;
                }

                default:
                    throw new JsonSyntaxException(Locate(_parser.Current!.Start), $"unexpected YAML event {_parser.Current.GetType().Name}");
            }
        }

        private JsonScalar ToScalar(Scalar scalar)
        {
            var offset = Offset(scalar.Start);
            var length = Math.Max(Offset(scalar.End) - offset, 0);
            var value = scalar.Value;
            if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
            {
                return new JsonScalar(_document, offset, length, JsonScalarKind.String, value);
            }

            switch (value)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return new JsonScalar(_document, offset, length, JsonScalarKind.Null, "null");
                case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                    return new JsonScalar(_document, offset, length, JsonScalarKind.True, "true");
                case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                    return new JsonScalar(_document, offset, length, JsonScalarKind.False, "false");
            }

            if (IntegerPattern().IsMatch(value))
            {
                var normalized = value.TrimStart('+');
                return new JsonScalar(_document, offset, length, JsonScalarKind.Number, normalized);
            }

            return FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? new JsonScalar(_document, offset, length, JsonScalarKind.Number, value.TrimStart('+'))
                : new JsonScalar(_document, offset, length, JsonScalarKind.String, value);
        }

        private int Offset(Mark mark) => _byteOfChar[(int)Math.Clamp(mark.Index, 0, _byteOfChar.Length - 1)];
    }

    /// <summary>
    /// Marks YamlDotNet's bare InvalidOperationException (thrown by its scanner on some broken flow collections) as the
    /// parser's: only an exception from the parser's own MoveNext becomes a read error. (The exception's TargetSite, which
    /// told the same before, is not kept by the native build.)
    /// </summary>
    private sealed class ScannerGuard(IParser inner) : IParser
    {
        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            try
            {
                return inner.MoveNext();
            }
            catch (InvalidOperationException ex)
            {
                throw new ScannerFailedException(ex);
            }
        }
    }

    private sealed class ScannerFailedException(InvalidOperationException inner) : Exception(inner.Message, inner);
}
