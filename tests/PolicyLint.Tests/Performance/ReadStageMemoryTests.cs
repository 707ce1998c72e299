using System.Text;
using PolicyLint.Input;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Performance;

/// <summary>What keeps memory flat as a folder grows (docs/performance.md): pooled file bytes, paths kept once, group lists used up.</summary>
public sealed class ReadStageMemoryTests
{
    [Fact]
    public void Pooled_bytes_cannot_be_read_after_the_read_stage_gives_them_back()
    {
        var buffer = ReadBuffers.Shared.Rent(64);
        var text = """{ "displayName": "x" }"""u8;
        text.CopyTo(buffer);
        var document = DecodedDocument.DecodePooled(InputDocument.FromBytes("x.json", []), buffer, text.Length);
        var copy = document.Utf8;

        document.Release();

        Assert.Equal(text.ToArray(), copy);
        Assert.Throws<InvalidOperationException>(() => document.Utf8Memory.Span.Length);
        Assert.Throws<InvalidOperationException>(() => document.Utf8Span.Length);
    }

    [Fact]
    public void One_read_buffer_serves_files_of_every_size_up_to_the_largest()
    {
        // Its own instance: tests that run beside this one read files through the shared one.
        var buffers = new ReadBuffers();
        var first = buffers.Rent(100_000);
        buffers.Return(first);

        var smaller = buffers.Rent(5_000);
        Assert.Same(first, smaller);
        var larger = buffers.Rent(first.Length + 1);
        Assert.NotSame(first, larger);
        Assert.True(larger.Length > first.Length);
        buffers.Return(larger);
        buffers.Return(first);
        Assert.Same(larger, buffers.Rent(10));

        // One exceptional file does not keep its size for the rest of the run.
        var huge = buffers.Rent(16 * 1024 * 1024);
        buffers.Return(huge);
        Assert.NotSame(huge, buffers.Rent(16 * 1024 * 1024));
    }

    [Fact]
    public void Full_paths_of_collected_files_are_the_files_full_paths()
    {
        using var temp = new TempDirectory();
        var nested = temp.Write("a/b/profile.json", "{}");
        var outside = new TempDirectory();
        var elsewhere = outside.Write("other.json", "{}");
        try
        {
            var inputs = InputCollector.Collect([".", elsewhere], temp.Path).Inputs.OfType<CollectedUnit>().Select(u => u.Unit.Primary).ToList();

            Assert.Equal(Path.GetFullPath(nested), Assert.Single(inputs, d => d.DisplayPath == "a/b/profile.json").Name);
            Assert.Equal(Path.GetFullPath(elsewhere), Assert.Single(inputs, d => d.FileName == "other.json").Name);
        }
        finally
        {
            outside.Dispose();
        }
    }

    [Fact]
    public void Group_lists_name_the_targets_and_are_then_used_up()
    {
        using var temp = new TempDirectory();
        temp.Write("groups.json", """{ "value": [ { "@odata.type": "#microsoft.graph.group", "id": "3f1c2a4e-7b5d-4e8f-9a1b-2c3d4e5f6a71", "displayName": "WHfB Pilot" } ] }""");
        temp.Write("profile.json", Exports.IdentityProtection("Legacy", "  \"pinMinimumLength\": 6", Exports.GroupAssignment("3f1c2a4e-7b5d-4e8f-9a1b-2c3d4e5f6a71")));

        var report = Lint.Engine().Lint(["."], temp.Path);

        var list = Assert.Single(report.Files, f => f.FilePath == "groups.json");
        Assert.Empty(list.GroupNames);
        Assert.Contains("1 Entra group", list.SkipReason, StringComparison.Ordinal);
        Assert.Equal("WHfB Pilot", Assert.Single(report.Files.SelectMany(f => f.Sources).SelectMany(s => s.Assignments)).GroupName);
    }
}
