using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Analysis;
using PolicyLint.Output;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

/// <summary>
/// Issue 11: the writers stream. A report of 100,000 findings is written a piece at a time, never held whole as a string
/// or a buffer: the output sees small writes, and when it does, only the findings of the last chunk have been formatted
/// and not yet written. Each finding's message is counted as the writer formats it (it is formatted when a writer first
/// asks for it), so the test knows how far the writer has read when each piece arrives.
/// </summary>
public sealed class StreamingWriterTests
{
    /// <summary>At most this many findings formatted but not yet handed to the output (a 64 KB chunk holds about 100).</summary>
    private const int MostHeldFindings = 1_000;

    /// <summary>The largest single write: one 64 KB chunk, decoded (never more characters than bytes).</summary>
    private const int LargestWrite = JsonTextSink.ChunkBytes;

    [Theory]
    [InlineData(100_000, 25_000, 75_000)] // above GitHub's limit: the first 25,000, and a notice counting the rest
    [InlineData(25_001, 25_000, 1)]
    [InlineData(25_000, 25_000, 0)] // at the limit: every finding, no notice
    public void Sarif_is_written_as_it_goes_and_keeps_to_githubs_result_limit(int findings, int expectedResults, int omitted)
    {
        var (report, formatted) = ReportWith(findings);
        var output = new RecordingWriter(formatted, "\"ruleId\"");

        new SarifReportWriter().Write(report, output);

        output.AssertStreamed(expectedResults);
        var run = JsonDocument.Parse(output.Text).RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results");
        Assert.Equal(expectedResults, results.GetArrayLength());
        // The log keeps the report's order, so the results cut off are the last ones.
        Assert.Equal(report.Findings[0].Fingerprint, results[0].GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintKey).GetString());
        Assert.Equal(report.Findings[expectedResults - 1].Fingerprint, results[expectedResults - 1].GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintKey).GetString());
        var notices = run.GetProperty("invocations")[0].TryGetProperty("toolExecutionNotifications", out var list)
            ? list.EnumerateArray().Select(n => n.GetProperty("message").GetProperty("text").GetString()!).ToList()
            : [];
        var omission = notices.Where(n => n.Contains("more results are not in this log", StringComparison.Ordinal)).ToList();
        if (omitted == 0)
        {
            Assert.Empty(omission);
        }
        else
        {
            Assert.StartsWith($"{omitted} more results are not in this log: GitHub code scanning takes at most 25000 per run", Assert.Single(omission), StringComparison.Ordinal);
        }

        // Findings past the limit are never formatted: the writer stops reading at 25,000.
        Assert.Equal(expectedResults, formatted.Count);
        // (Formats the message once more: a finding does not keep its message.)
        Assert.Equal(report.Findings[expectedResults - 1].Message, results[expectedResults - 1].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void A_sarif_log_past_the_limit_still_meets_the_schema()
    {
        var (report, formatted) = ReportWith(25_001);
        var output = new RecordingWriter(formatted, "\"ruleId\"");

        new SarifReportWriter().Write(report, output);

        SarifSchema.AssertValid(output.Text);
    }

    [Fact]
    public void Json_is_written_as_it_goes()
    {
        var (report, formatted) = ReportWith(100_000);
        var output = new RecordingWriter(formatted, "\"ruleId\"");

        new JsonReportWriter().Write(report, output);

        output.AssertStreamed(100_000);
        var root = JsonDocument.Parse(output.Text).RootElement;
        var list = root.GetProperty("findings");
        Assert.Equal(100_000, list.GetArrayLength());
        Assert.Equal(report.Errors, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal(report.Findings[^1].Message, list[99_999].GetProperty("message").GetString());
    }

    [Fact]
    public void Code_climate_is_written_as_it_goes()
    {
        var (report, formatted) = ReportWith(100_000);
        var output = new RecordingWriter(formatted, "\"check_name\"");

        new CodeClimateReportWriter().Write(report, output);

        output.AssertStreamed(100_000);
        var issues = JsonDocument.Parse(output.Text).RootElement;
        Assert.Equal(100_000, issues.GetArrayLength());
        Assert.Equal(report.Findings[^1].Fingerprint, issues[99_999].GetProperty("fingerprint").GetString());
    }

    /// <summary>
    /// The report of the samples' intune tenant (its rules, files and counts) with <paramref name="count"/> findings of
    /// its rules in its files instead of its own: conflicts as PL1002 reports them, each about another profile.
    /// </summary>
    private static (LintReport Report, FormatCounter Formatted) ReportWith(int count)
    {
        var report = Lint.Paths(RepoPaths.Root, "samples/intune");
        var formatted = new FormatCounter("Profile '{0}' sets MinimumPINLength to {1}; '{2}' sets it to {3} for the same devices. Keep one value.");
        var descriptors = report.Rules.Select(r => new DiagnosticDescriptor(
            r.Descriptor.Id, r.Descriptor.Title, formatted, r.Descriptor.Category, r.Descriptor.DefaultSeverity, true,
            r.Descriptor.Description, r.Descriptor.HelpLinkUri)).ToList();
        var files = report.Files.Select(f => f.FilePath).ToList();
        var builder = ImmutableArray.CreateBuilder<Finding>(count);
        for (var i = 0; i < count; i++)
        {
            var descriptor = descriptors[i % descriptors.Count];
            var line = 10 + (i % 400);
            var location = Location.Create(files[i % files.Count], new TextSpan(0, 1), new LinePositionSpan(new LinePosition(line, 4), new LinePosition(line, 30)));
            var related = Location.Create(files[(i + 1) % files.Count], new TextSpan(0, 1), new LinePositionSpan(new LinePosition(line + 1, 4), new LinePosition(line + 1, 30)));
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.SourceName, $"WHfB profile {i}")
                .Add(DiagnosticProperties.Subject, $"MinimumPINLength|Device|{i}");
            var diagnostic = Diagnostic.Create(descriptor, location, [related], properties, $"WHfB profile {i}", 4 + (i % 8), $"WHfB profile {i + 1}", 6);
            builder.Add(Finding.From(diagnostic, report.Rules[i % descriptors.Count].Name));
        }

        var findings = builder.MoveToImmutable();
        Assert.Equal(0, formatted.Count);
        return (report with { Findings = findings, ByPriority = findings, Suppressed = [] }, formatted);
    }

    /// <summary>A message format that counts how often a message is made from it.</summary>
    private sealed class FormatCounter(string format) : LocalizableString
    {
        public int Count { get; private set; }

        protected override string GetText(IFormatProvider? formatProvider)
        {
            Count++;
            return format;
        }

        protected override int GetHash() => format.GetHashCode(StringComparison.Ordinal);

        protected override bool AreEqual(object? other) => ReferenceEquals(this, other);
    }

    /// <summary>
    /// Keeps what the writer hands over (to parse it afterwards) and, at each write, how many findings have been formatted
    /// against how many have reached the output (counted by <paramref name="perFinding"/>, a key each finding's object
    /// holds once).
    /// </summary>
    private sealed class RecordingWriter(FormatCounter formatted, string perFinding) : TextWriter
    {
        private readonly StringBuilder _text = new();
        private int _searchFrom;
        private int _written;

        public override Encoding Encoding => Encoding.UTF8;

        public string Text => _text.ToString();

        public int Largest { get; private set; }

        public int Writes { get; private set; }

        /// <summary>The most findings formatted but not yet in the output, over every write.</summary>
        public int MostHeld { get; private set; }

        public override void Write(char value) => Record([value]);

        public override void Write(string? value) => Record(value);

        public override void Write(char[] buffer, int index, int count) => Record(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Record(buffer);

        public void AssertStreamed(int findingsInOutput)
        {
            Assert.Equal(findingsInOutput, _written);
            Assert.True(Largest <= LargestWrite, $"largest single write {Largest:N0} characters");
            Assert.True(_text.Length > 100L * Largest, $"{_text.Length:N0} characters in all, {Largest:N0} in the largest write");
            Assert.True(MostHeld <= MostHeldFindings, $"{MostHeld:N0} findings formatted before they reached the output");
            Assert.True(Writes > _text.Length / LargestWrite, $"{Writes} writes");
        }

        private void Record(ReadOnlySpan<char> value)
        {
            // Measured before this piece arrives: what the writer had formatted and not yet handed over.
            MostHeld = Math.Max(MostHeld, formatted.Count - _written);
            _text.Append(value);
            Largest = Math.Max(Largest, value.Length);
            Writes++;

            // Counts the keys that arrived, including one split over two writes.
            var tail = _text.ToString(_searchFrom, _text.Length - _searchFrom);
            var end = 0;
            for (var at = tail.IndexOf(perFinding, StringComparison.Ordinal); at >= 0; at = tail.IndexOf(perFinding, end, StringComparison.Ordinal))
            {
                _written++;
                end = at + perFinding.Length;
            }

            _searchFrom = Math.Max(_searchFrom + end, Math.Max(0, _text.Length - perFinding.Length + 1));
        }
    }
}
