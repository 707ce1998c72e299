using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Schema;

namespace PolicyLint.Tests.Support;

/// <summary>Validates SARIF against the official OASIS 2.1.0 schema, copied from ../shared/schemas into the test project.</summary>
public static class SarifSchema
{
    // Loaded once per test run: the schema library's free tier limits how many schemas a process may load.
    private static readonly Lazy<JSchema> Schema = new(() =>
        JSchema.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json"))));

    public static void AssertValid(string sarif)
    {
        var valid = JToken.Parse(sarif).IsValid(Schema.Value, out IList<string> errors);
        Assert.True(valid, "SARIF does not validate against the 2.1.0 schema:\n" + string.Join("\n", errors));
    }
}
