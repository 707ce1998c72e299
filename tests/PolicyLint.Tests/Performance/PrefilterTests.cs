using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Input;
using PolicyLint.Intune;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Performance;

/// <summary>
/// The prefilter's assumptions (docs/performance.md, <see cref="Json.JsonPrefilter"/>): each case where a byte search
/// could be fooled is linted with the prefilter and with every file parsed, and must give the same.
/// </summary>
public sealed class PrefilterTests
{
    private const string TenantId = "9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a";

    private static readonly LintEngine WithPrefilter = new(ReadStage.AlwaysPrefilter, Lint.BuiltInAnalyzers);
    private static readonly LintEngine FullParse = new(ReadStage.WithoutPrefilter, Lint.BuiltInAnalyzers);

    private static readonly Json.JsonPrefilter Prefilter = new IntuneJsonReader(IntuneJsonReader.DefaultObjectReaders).Prefilter;

    [Fact]
    public void Every_catalogue_representation_the_json_readers_read_makes_a_document_parsed()
    {
        var representations = PassportForWorkCatalog.All.SelectMany(n => new[]
        {
            n.Names.SettingsCatalogDeviceId,
            n.Names.SettingsCatalogUserId,
            "./Device/Vendor/MSFT/" + n.Id.Replace("{TenantId}", TenantId, StringComparison.Ordinal),
            "./User/Vendor/MSFT/" + n.Id.Replace("{TenantId}", TenantId, StringComparison.Ordinal),
            n.Names.IdentityProtectionProperty is { } property ? IntentReader.DefinitionPrefix + property : null,
        }).Where(r => r is not null).Select(r => r!).ToList();

        var missed = representations.Where(r => !Prefilter.MustParse(Encoding.UTF8.GetBytes($$"""{ "value": "{{r.ToUpperInvariant()}}" }"""), "x.json")).ToList();

        Assert.True(missed.Count == 0, "not found by the prefilter:\n" + string.Join("\n", missed));
    }

    [Theory]
    [InlineData("a PassportForWork OMA-URI with an escaped letter", $$"""{ "@odata.type": "#microsoft.graph.windows10CustomConfiguration", "displayName": "Escaped", "omaSettings": [ { "@odata.type": "#microsoft.graph.omaSettingBoolean", "omaUri": "./Device/Vendor/MSFT/\u0050assportForWork/{{TenantId}}/Policies/UsePassportForWork", "value": true } ] }""")]
    [InlineData("a group type with an escaped letter", """{ "value": [ { "@odata.type": "#microsoft.graph.gr\u006fup", "id": "g1", "displayName": "Escaped group" } ] }""")]
    [InlineData("a group in JSON text inside a string (CIPP)", """{ "Displayname": "wrapped", "JSON": "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"g2\",\"displayName\":\"Wrapped group\"}" }""")]
    [InlineData("a string that is not the JSON text it looks like", """{ "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "displayName": "Restrictions", "startMenuLayoutXml": "{not json" }""")]
    [InlineData("a GUID in braces, read as JSON text", """{ "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "displayName": "Restrictions", "appId": "{2F6A91D3-0C47-4B8E-95D2-7A3E1B6C8F04}" }""")]
    [InlineData("JSON text after spaces", """{ "displayName": "Spaced", "payload": "   [1, 2" }""")]
    [InlineData("JSON text after an escaped newline", """{ "displayName": "Escaped", "payload": "\n{ oops" }""")]
    [InlineData("JSON text after a no-break space", "{ \"displayName\": \"Nbsp\", \"payload\": \"\u00A0{ oops\" }")]
    [InlineData("a cut-off export", """{ "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "displayName": "Restr""")]
    [InlineData("text after the value", """{ "displayName": "Restrictions" } trailing""")]
    [InlineData("a whole file that is one JSON string", "\"{\\\"displayName\\\": \\\"x\\\"}\"")]
    [InlineData("an invalid escape", """{ "displayName": "C:\users" }""")]
    [InlineData("a tenant-wide enrollment policy without @odata.type", """{ "displayName": "All users", "deviceEnrollmentConfigurationType": "windowsHelloForBusiness", "state": "disabled", "pinMinimumLength": 6 }""")]
    [InlineData("a migration table", """{ "TenantId": "t", "Objects": [ { "Id": "g3", "DisplayName": "Migrated group", "Type": "#microsoft.graph.group" } ] }""")]
    [InlineData("a group without @odata.type", """{ "id": "g4", "displayName": "Plain group", "groupTypes": [] }""")]
    public void A_document_that_could_fool_a_byte_search_lints_the_same(string what, string json)
    {
        using var temp = new TempDirectory();
        temp.Write("export.json", json);
        temp.Write("other.json", """{ "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "displayName": "Unrelated" }""");

        var (fast, _) = AssertSame(temp.Path);

        Assert.False(IsSkippedUnparsed(fast.Files.Single(f => f.FilePath == "export.json")), $"{what}: skipped unparsed");
        Assert.True(IsSkippedUnparsed(fast.Files.Single(f => f.FilePath == "other.json")), "an unrelated profile must be skipped unparsed");
    }

    [Fact]
    public void An_intent_filed_under_the_preview_template_folder_is_read_although_its_text_has_no_marker()
    {
        using var temp = new TempDirectory();
        temp.Write("Management Intents/Account protection (Preview)/Old.json",
            """{ "displayName": "Old", "settingsDelta": [ { "definitionId": "deviceConfiguration--windows10EndpointProtectionConfiguration_x", "valueJson": "true" } ] }""");

        var (fast, _) = AssertSame(temp.Path);

        Assert.Equal(1, fast.FilesLinted);
    }

    [Theory]
    [InlineData("PassportForWork")]
    [InlineData("securityEnabled")]
    public void A_marker_across_the_prefilter_chunk_boundary_is_found(string marker)
    {
        for (var shift = -20; shift <= 20; shift += 4)
        {
            // Padding puts the marker across the 32 KiB step at which the prefilter decodes.
            const string Head = "{ \"displayName\": \"Large\", \"padding\": \"";
            var padding = new string('a', (32 * 1024) - (marker.Length / 2) + shift - Head.Length - 4);
            var json = $$"""{{Head}}{{padding}}", "{{marker}}": true, "id": "g5" }""";

            Assert.True(Prefilter.MustParse(Encoding.UTF8.GetBytes(json), "large.json"), $"marker {marker} at shift {shift} not found");
        }
    }

    [Fact]
    public void A_utf16_export_is_searched_as_text()
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", Exports.CustomOma("Unicode", Exports.OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true")), Encoding.Unicode);

        var (fast, _) = AssertSame(temp.Path);

        Assert.Equal(1, fast.FilesLinted);
    }

    [Fact]
    public void A_windows_path_and_escaped_apostrophes_do_not_make_a_document_parsed()
    {
        var json = """{ "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "description": "Don\u0027t change", "path": "C:\\users\\public", "share": "\\\\server\\share" }""";

        Assert.False(Prefilter.MustParse(Encoding.UTF8.GetBytes(json), "restrictions.json"));
    }

    [Fact]
    public void A_list_of_other_profile_types_is_skipped_unparsed_and_counted_as_skipped()
    {
        using var temp = new TempDirectory();
        temp.Write("list.json", """{ "value": [ { "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "id": "x2", "displayName": "Restrictions" } ] }""");

        var (fast, full) = AssertSame(temp.Path);

        Assert.Equal(1, fast.FilesSkipped);
        Assert.Contains(fast.Notices, n => n.StartsWith("list.json: skipped: JSON with no Windows Hello for Business setting", StringComparison.Ordinal));
        Assert.Contains(full.Notices, n => n.Contains("'Restrictions'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_whitespace_list_is_every_whitespace_character_outside_ascii()
    {
        var expected = Enumerable.Range(0x80, 0x10000 - 0x80).Select(c => (char)c).Where(char.IsWhiteSpace);

        Assert.Equal(Json.JsonPrefilter.NonAsciiWhitespaceCharacters, new string([.. expected]));
    }

    [Theory]
    [InlineData(ReadStage.DefaultPrefilterFromInputs - 1, false)]
    [InlineData(ReadStage.DefaultPrefilterFromInputs, true)]
    public void The_default_read_stage_uses_the_prefilter_from_a_few_dozen_inputs(int files, bool prefiltered)
    {
        using var temp = new TempDirectory();
        for (var i = 0; i < files; i++)
        {
            temp.Write($"profile-{i:D3}.json", """{ "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "displayName": "Unrelated" }""");
        }

        var report = Lint.Engine().Lint(["."], temp.Path);

        Assert.Equal(files, report.FilesSkipped);
        Assert.Equal(prefiltered ? files : 0, report.Files.Count(IsSkippedUnparsed));
    }

    private static (LintReport Fast, LintReport Full) AssertSame(string folder)
    {
        var fast = WithPrefilter.Lint(["."], folder);
        var full = FullParse.Lint(["."], folder);

        Assert.Equal(full.Findings.Select(f => $"{f.RuleId} {f.Location} {f.Message}"), fast.Findings.Select(f => $"{f.RuleId} {f.Location} {f.Message}"));
        Assert.Equal(full.FilesSkipped, fast.FilesSkipped);
        Assert.Equal(full.FilesLinted, fast.FilesLinted);
        Assert.Equal(full.Files.Select(f => (f.FilePath, f.HasErrors)), fast.Files.Select(f => (f.FilePath, f.HasErrors)));

        // Group names are used up by the reconcile stage: compared as the read stage gives them.
        var inputs = InputCollector.Collect(["."], folder);
        Assert.Equal(
            ReadStage.WithoutPrefilter.Read(inputs).Select(r => string.Join(",", r.Result.GroupNames.Keys.Order(StringComparer.Ordinal))),
            ReadStage.AlwaysPrefilter.Read(inputs).Select(r => string.Join(",", r.Result.GroupNames.Keys.Order(StringComparer.Ordinal))));
        return (fast, full);
    }

    private static bool IsSkippedUnparsed(ReadResult file) =>
        file.SkipReason?.Contains("seen without parsing it", StringComparison.Ordinal) == true;
}
