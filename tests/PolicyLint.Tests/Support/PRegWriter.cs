using System.Buffers.Binary;
using System.Text;

namespace PolicyLint.Tests.Support;

/// <summary>Writes Registry.pol (PReg) files byte for byte, so tests and samples have real binary fixtures.</summary>
public sealed class PRegWriter
{
    private readonly MemoryStream _bytes = new();

    public PRegWriter()
    {
        Raw([0x50, 0x52, 0x65, 0x67, 0x01, 0x00, 0x00, 0x00]);
    }

    /// <summary>Byte offset where the next record starts.</summary>
    public int Position => (int)_bytes.Length;

    public PRegWriter Dword(string key, string value, uint data) => Record(key, value, 4, Le32(data));

    public PRegWriter Qword(string key, string value, ulong data)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, data);
        return Record(key, value, 11, bytes);
    }

    public PRegWriter String(string key, string value, string data, int type = 1) => Record(key, value, type, Encoding.Unicode.GetBytes(data + "\0"));

    public PRegWriter MultiString(string key, string value, params string[] data) =>
        Record(key, value, 7, Encoding.Unicode.GetBytes(string.Concat(data.Select(d => d + "\0")) + "\0"));

    public PRegWriter Binary(string key, string value, byte[] data) => Record(key, value, 3, data);

    /// <summary>A whole record; <paramref name="declaredSize"/> can lie about the data length.</summary>
    public PRegWriter Record(string key, string value, int type, byte[] data, uint? declaredSize = null)
    {
        Char('[');
        Raw(Encoding.Unicode.GetBytes(key + "\0"));
        Char(';');
        Raw(Encoding.Unicode.GetBytes(value + "\0"));
        Char(';');
        Raw(Le32((uint)type));
        Char(';');
        Raw(Le32(declaredSize ?? (uint)data.Length));
        Char(';');
        Raw(data);
        Char(']');
        return this;
    }

    public PRegWriter Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public PRegWriter Char(char c) => Raw(Encoding.Unicode.GetBytes(c.ToString()));

    public byte[] ToArray() => _bytes.ToArray();

    private static byte[] Le32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
