using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Validation;

namespace PolicyLint.Cli;

/// <summary>
/// Validation for options and arguments without CommandLineUtils' <c>IsRequired</c> and <c>Accepts().Values</c>: they
/// make their attributes through Activator, whose constructors the native build trims away. Same attributes, same
/// messages.
/// </summary>
internal static class OptionValidation
{
    public static CommandOption Required(this CommandOption option, string errorMessage)
    {
        option.Validators.Add(new AttributeValidator(new RequiredAttribute { ErrorMessage = errorMessage }));
        return option;
    }

    public static CommandArgument Required(this CommandArgument argument, string errorMessage)
    {
        argument.Validators.Add(new AttributeValidator(new RequiredAttribute { ErrorMessage = errorMessage }));
        return argument;
    }

    /// <summary>The option accepts only <paramref name="allowedValues"/>, in any case.</summary>
    public static CommandOption AllowedValues(this CommandOption option, params string[] allowedValues)
    {
        option.Validators.Add(new AttributeValidator(new McMaster.Extensions.CommandLineUtils.AllowedValuesAttribute(StringComparison.OrdinalIgnoreCase, allowedValues)));
        return option;
    }
}
