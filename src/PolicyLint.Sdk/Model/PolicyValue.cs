using System.Globalization;

namespace PolicyLint.Model;

public enum PolicyValueKind
{
    /// <summary>No usable value (not configured, or malformed: see the setting's problem).</summary>
    None,
    Boolean,
    Integer,
    String,
}

/// <summary>A typed CSP value: bool, int or string, as the CSP node defines it.</summary>
public readonly record struct PolicyValue
{
    private PolicyValue(PolicyValueKind kind, long integer, string? text)
    {
        Kind = kind;
        IntegerValue = integer;
        StringValue = text;
    }

    public PolicyValueKind Kind { get; }

    public long IntegerValue { get; }

    public string? StringValue { get; }

    public bool BooleanValue => Kind == PolicyValueKind.Boolean && IntegerValue != 0;

    public static PolicyValue None { get; } = new(PolicyValueKind.None, 0, null);

    public static PolicyValue FromBoolean(bool value) => new(PolicyValueKind.Boolean, value ? 1 : 0, null);

    public static PolicyValue FromInteger(long value) => new(PolicyValueKind.Integer, value, null);

    public static PolicyValue FromString(string value) => new(PolicyValueKind.String, 0, value);

    public bool IsTrue => Kind == PolicyValueKind.Boolean && IntegerValue != 0;

    public bool IsFalse => Kind == PolicyValueKind.Boolean && IntegerValue == 0;

    public override string ToString() => Kind switch
    {
        PolicyValueKind.Boolean => IntegerValue != 0 ? "true" : "false",
        PolicyValueKind.Integer => IntegerValue.ToString(CultureInfo.InvariantCulture),
        PolicyValueKind.String => StringValue ?? string.Empty,
        _ => "(none)",
    };
}
