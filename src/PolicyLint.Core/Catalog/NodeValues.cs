using System.Globalization;
using PolicyLint.Model;

namespace PolicyLint.Catalog;

/// <summary>Turns what an export wrote into a typed value for a node, and says what is wrong with it when something is.</summary>
public static class NodeValues
{
    public readonly record struct Conversion(PolicyValue Value, SettingProblem Problem, string? Detail);

    /// <summary>Converts text ("true", "1", "6", a string) to the node's data type, then checks the range.</summary>
    public static Conversion FromText(CspNode node, string text)
    {
        text = text.Trim();
        switch (node.DataType)
        {
            case CspDataType.Boolean:
                if (bool.TryParse(text, out var b))
                {
                    return Ok(PolicyValue.FromBoolean(b));
                }

                if (text is "1" or "0")
                {
                    return Ok(PolicyValue.FromBoolean(text == "1"));
                }

                return new(PolicyValue.None, SettingProblem.MalformedValue, $"'{text}' is not a Boolean (expected true or false)");
            case CspDataType.Integer:
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    return CheckRange(node, PolicyValue.FromInteger(n));
                }

                if (bool.TryParse(text, out var asBool))
                {
                    return CheckRange(node, PolicyValue.FromInteger(asBool ? 1 : 0));
                }

                return new(PolicyValue.None, SettingProblem.MalformedValue, $"'{text}' is not an integer");
            default:
                return Ok(PolicyValue.FromString(text));
        }
    }

    /// <summary>Converts an integer written for a node (an OMA integer, a GPO DWORD) to the node's type.</summary>
    public static Conversion FromInteger(CspNode node, long number) => node.DataType switch
    {
        CspDataType.Boolean when number is 0 or 1 => Ok(PolicyValue.FromBoolean(number == 1)),
        CspDataType.Boolean => new(PolicyValue.FromInteger(number), SettingProblem.MalformedValue, $"{number} is not a Boolean (expected 0 or 1)"),
        CspDataType.Integer => CheckRange(node, PolicyValue.FromInteger(number)),
        _ => Ok(PolicyValue.FromString(number.ToString(CultureInfo.InvariantCulture))),
    };

    public static Conversion CheckRange(CspNode node, PolicyValue value)
    {
        if (value.Kind != PolicyValueKind.Integer)
        {
            return Ok(value);
        }

        var n = value.IntegerValue;
        if (node.AllowedValues is { } allowed && !allowed.ContainsKey(n))
        {
            return new(value, SettingProblem.OutOfRange, $"{n} is not one of the allowed values {string.Join(", ", allowed.Select(a => $"{a.Key} ({a.Value})"))}");
        }

        if ((node.Minimum is { } min && n < min) || (node.Maximum is { } max && n > max))
        {
            return new(value, SettingProblem.OutOfRange, $"{n} is outside the allowed range {node.Minimum}-{node.Maximum}");
        }

        return Ok(value);
    }

    private static Conversion Ok(PolicyValue value) => new(value, SettingProblem.None, null);
}
