using System.Buffers.Binary;
using System.Text;

namespace PolicyLint.Gpo;

/// <summary>Registry value types a Registry.pol record can carry (winnt.h REG_* numbers).</summary>
public enum RegistryValueType
{
    None = 0,
    String = 1,
    ExpandString = 2,
    Binary = 3,
    DWord = 4,
    DWordBigEndian = 5,
    MultiString = 7,
    QWord = 11,
}

/// <summary>What a record does: set a value, or one of the special <c>**</c> deletion markers (reference G.3, S10).</summary>
public enum RegistryPolAction
{
    SetValue,

    /// <summary><c>**del.&lt;name&gt;</c>: delete one value.</summary>
    DeleteValue,

    /// <summary><c>**delvals.</c> / <c>**DelVals</c>: delete every value of the key.</summary>
    DeleteAllValues,

    /// <summary><c>**DeleteValues</c>: delete the values named in the data (separated by ';').</summary>
    DeleteValues,

    /// <summary><c>**DeleteKeys</c>: delete the keys named in the data (separated by ';').</summary>
    DeleteKeys,

    /// <summary><c>**soft.&lt;name&gt;</c>: set the value only when it does not exist yet.</summary>
    SoftSetValue,

    /// <summary><c>**SecureKey</c> and other markers that carry no policy value.</summary>
    Other,
}

/// <summary>One <c>[key;value;type;size;data]</c> record, with its byte range in the file.</summary>
public sealed record RegistryPolRecord(
    string Key,
    string ValueName,
    RegistryValueType Type,
    int Offset,
    int Length,
    int DataOffset,
    int DataSize)
{
    public RegistryPolAction Action { get; init; }

    /// <summary>The value name the action applies to (after <c>**del.</c> / <c>**soft.</c>), else <see cref="ValueName"/>.</summary>
    public string TargetValueName { get; init; } = string.Empty;

    /// <summary>DWORD, DWORD big-endian and QWORD data.</summary>
    public long? Number { get; init; }

    /// <summary>REG_SZ and REG_EXPAND_SZ data without the terminating NUL; REG_MULTI_SZ joined with ';'.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<string>? MultiText { get; init; }

    /// <summary>Why the data could not be read as its declared type (odd byte count, wrong size), or null.</summary>
    public string? DataProblem { get; init; }
}

/// <summary>A problem found while parsing, at a byte offset.</summary>
public sealed record RegistryPolProblem(int Offset, string Message);

/// <summary>
/// A parsed Registry.pol (PReg) file. The parser is bounds-checked: every length comes from the file and is checked
/// against what remains, nothing is allocated beyond the file's own size, and a structural problem stops parsing with
/// its byte offset (the records before it are kept).
/// </summary>
public sealed class RegistryPolFile
{
    public const uint Signature = 0x67655250; // "PReg" little-endian
    public const uint SupportedVersion = 1;
    private const int HeaderSize = 8;

    private RegistryPolFile(IReadOnlyList<RegistryPolRecord> records, IReadOnlyList<RegistryPolProblem> problems)
    {
        Records = records;
        Problems = problems;
    }

    public IReadOnlyList<RegistryPolRecord> Records { get; }

    public IReadOnlyList<RegistryPolProblem> Problems { get; }

    public static bool HasSignature(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(bytes) == Signature;

    public static RegistryPolFile Parse(ReadOnlySpan<byte> bytes)
    {
        var records = new List<RegistryPolRecord>();
        var problems = new List<RegistryPolProblem>();
        if (!HasSignature(bytes))
        {
            problems.Add(new(0, "expected the Registry.pol signature 'PReg' at the start of the file"));
            return new(records, problems);
        }

        if (bytes.Length < HeaderSize)
        {
            problems.Add(new(4, "the file ends inside the header: expected a 4-byte version after 'PReg'"));
            return new(records, problems);
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if (version != SupportedVersion)
        {
            problems.Add(new(4, $"unsupported Registry.pol version {version} (expected 1)"));
            return new(records, problems);
        }

        var position = HeaderSize;
        while (position < bytes.Length)
        {
            if (!TryReadRecord(bytes, ref position, out var record, out var problem))
            {
                problems.Add(problem!);
                break;
            }

            records.Add(record!);
            if (record!.DataProblem is { } dataProblem)
            {
                problems.Add(new(record.DataOffset, dataProblem));
            }
        }

        return new(records, problems);
    }

    private static bool TryReadRecord(ReadOnlySpan<byte> bytes, ref int position, out RegistryPolRecord? record, out RegistryPolProblem? problem)
    {
        record = null;
        var start = position;
        if (bytes.Length - position == 1)
        {
            problem = new(position, "the file has an odd number of bytes: a stray byte follows the last record");
            return false;
        }

        if (!Expect(bytes, ref position, '[', "'[' to open a record", out problem)
            || !ReadString(bytes, ref position, "the key", out var key, out problem)
            || !Expect(bytes, ref position, ';', "';' after the key", out problem)
            || !ReadString(bytes, ref position, "the value name", out var valueName, out problem)
            || !Expect(bytes, ref position, ';', "';' after the value name", out problem)
            || !ReadDword(bytes, ref position, "the value type", out var type, out problem)
            || !Expect(bytes, ref position, ';', "';' after the value type", out problem)
            || !ReadDword(bytes, ref position, "the data size", out var size, out problem)
            || !Expect(bytes, ref position, ';', "';' after the data size", out problem))
        {
            return false;
        }

        var dataOffset = position;
        // The data must fit before the closing ']' (2 bytes): never trust the declared size beyond the file.
        if (size > (uint)Math.Max(bytes.Length - position - 2, 0))
        {
            problem = new(dataOffset - 6, $"the record declares {size} data bytes but only {Math.Max(bytes.Length - position - 2, 0)} remain before the end of the file");
            return false;
        }

        var data = bytes.Slice(position, (int)size);
        position += (int)size;
        if (!Expect(bytes, ref position, ']', "']' to close the record", out problem))
        {
            return false;
        }

        var (action, target) = Classify(valueName);
        var valueType = Enum.IsDefined(typeof(RegistryValueType), (int)type) ? (RegistryValueType)type : RegistryValueType.None;
        var parsed = ParseData(valueType, type, data);
        record = new RegistryPolRecord(key, valueName, valueType, start, position - start, dataOffset, (int)size)
        {
            Action = action,
            TargetValueName = target,
            Number = parsed.Number,
            Text = parsed.Text,
            MultiText = parsed.Multi,
            DataProblem = parsed.Problem,
        };
        return true;
    }

    private static (RegistryPolAction Action, string Target) Classify(string valueName)
    {
        if (!valueName.StartsWith("**", StringComparison.Ordinal))
        {
            return (RegistryPolAction.SetValue, valueName);
        }

        var marker = valueName[2..];
        if (marker.StartsWith("del.", StringComparison.OrdinalIgnoreCase))
        {
            return (RegistryPolAction.DeleteValue, marker[4..]);
        }

        if (marker.StartsWith("soft.", StringComparison.OrdinalIgnoreCase))
        {
            return (RegistryPolAction.SoftSetValue, marker[5..]);
        }

        if (marker.Equals("delvals.", StringComparison.OrdinalIgnoreCase) || marker.Equals("delvals", StringComparison.OrdinalIgnoreCase))
        {
            return (RegistryPolAction.DeleteAllValues, string.Empty);
        }

        if (marker.Equals("DeleteValues", StringComparison.OrdinalIgnoreCase))
        {
            return (RegistryPolAction.DeleteValues, string.Empty);
        }

        if (marker.Equals("DeleteKeys", StringComparison.OrdinalIgnoreCase))
        {
            return (RegistryPolAction.DeleteKeys, string.Empty);
        }

        return (RegistryPolAction.Other, string.Empty);
    }

    private static (long? Number, string? Text, IReadOnlyList<string>? Multi, string? Problem) ParseData(RegistryValueType type, uint rawType, ReadOnlySpan<byte> data)
    {
        switch (type)
        {
            case RegistryValueType.DWord:
                return data.Length == 4
                    ? (BinaryPrimitives.ReadUInt32LittleEndian(data), null, null, null)
                    : (null, null, null, $"a REG_DWORD holds 4 bytes, this one {data.Length}");
            case RegistryValueType.DWordBigEndian:
                return data.Length == 4
                    ? (BinaryPrimitives.ReadUInt32BigEndian(data), null, null, null)
                    : (null, null, null, $"a REG_DWORD_BIG_ENDIAN holds 4 bytes, this one {data.Length}");
            case RegistryValueType.QWord:
                return data.Length == 8
                    ? ((long)BinaryPrimitives.ReadUInt64LittleEndian(data), null, null, null)
                    : (null, null, null, $"a REG_QWORD holds 8 bytes, this one {data.Length}");
            case RegistryValueType.String:
            case RegistryValueType.ExpandString:
            case RegistryValueType.MultiString:
                if (data.Length % 2 != 0)
                {
                    return (null, null, null, $"string data must be UTF-16LE (an even byte count), this one has {data.Length} bytes");
                }

                var text = Encoding.Unicode.GetString(data);
                if (type == RegistryValueType.MultiString)
                {
                    var parts = text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
                    return (null, string.Join(";", parts), parts, null);
                }

                var nul = text.IndexOf('\0', StringComparison.Ordinal);
                return (null, nul >= 0 ? text[..nul] : text, null, null);
            case RegistryValueType.Binary:
            case RegistryValueType.None when rawType == 0:
                return (null, null, null, null);
            default:
                return (null, null, null, $"unknown registry value type {rawType}");
        }
    }

    private static bool Expect(ReadOnlySpan<byte> bytes, ref int position, char expected, string what, out RegistryPolProblem? problem)
    {
        if (bytes.Length - position < 2)
        {
            problem = new(position, $"the file ends where {what} was expected");
            return false;
        }

        var found = BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]);
        if (found != expected)
        {
            problem = new(position, $"expected {what} (UTF-16LE), found 0x{found:X4}");
            return false;
        }

        position += 2;
        problem = null;
        return true;
    }

    /// <summary>A NUL-terminated UTF-16LE string; its length is bounded by what is left of the file.</summary>
    private static bool ReadString(ReadOnlySpan<byte> bytes, ref int position, string what, out string text, out RegistryPolProblem? problem)
    {
        text = string.Empty;
        var end = position;
        while (true)
        {
            if (bytes.Length - end < 2)
            {
                problem = new(position, $"{what} is not terminated by a UTF-16 NUL before the end of the file");
                return false;
            }

            var c = BinaryPrimitives.ReadUInt16LittleEndian(bytes[end..]);
            if (c == 0)
            {
                break;
            }

            if (c == ']' || (c == ';' && what == "the key"))
            {
                // A record whose string lost its NUL: the next field separator arrives first.
                problem = new(end, $"{what} is not NUL-terminated (found '{(char)c}' first)");
                return false;
            }

            end += 2;
        }

        text = Encoding.Unicode.GetString(bytes[position..end]);
        position = end + 2;
        problem = null;
        return true;
    }

    private static bool ReadDword(ReadOnlySpan<byte> bytes, ref int position, string what, out uint value, out RegistryPolProblem? problem)
    {
        value = 0;
        if (bytes.Length - position < 4)
        {
            problem = new(position, $"the file ends inside {what} (4 bytes expected)");
            return false;
        }

        value = BinaryPrimitives.ReadUInt32LittleEndian(bytes[position..]);
        position += 4;
        problem = null;
        return true;
    }
}
