using System.Collections.Immutable;
using PolicyLint.Gpo;
using PolicyLint.Intune;
using PolicyLint.Model;

namespace PolicyLint.Input;

/// <summary>
/// The read stage: loads each unit's bytes once, decodes each document once, detects the format once, and hands the
/// unit to the one reader that claims it. A reader that throws becomes a read error for that input alone.
/// </summary>
public sealed class ReadStage
{
    /// <summary>Larger files are not policy exports; refusing them keeps memory bounded.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>How a read error caused by a PolicyLint bug (not by the file) starts.</summary>
    public const string InternalReadErrorPrefix = "internal error: PolicyLint's";

    /// <summary>
    /// From how many inputs on the prefilter is used. It costs a fixed 15-20 ms at start (compiling its vectorized
    /// searches) and saves about half a millisecond per 50 KB export it skips, so it pays from a few dozen files; a
    /// run of a handful of files parses them all. Either way the findings are the same (PrefilterEquivalenceTests).
    /// </summary>
    public const int DefaultPrefilterFromInputs = 64;

    private readonly IReadOnlyList<IPolicyReader> _readers;
    private readonly int _prefilterFromInputs;

    /// <param name="readers">The readers, in the order their claims are checked.</param>
    /// <param name="prefilterFromInputs">
    /// From how many inputs in a run readers may skip, unparsed, documents whose text shows they hold nothing to read
    /// (<see cref="IPolicyReader.TrySkipUnread"/>): 0 always, <see cref="int.MaxValue"/> never (to compare with full
    /// parses in tests and benchmarks).
    /// </param>
    public ReadStage(IReadOnlyList<IPolicyReader> readers, int prefilterFromInputs = DefaultPrefilterFromInputs)
    {
        _readers = readers;
        _prefilterFromInputs = prefilterFromInputs;
    }

    /// <summary>Every reader PolicyLint has, in the order their claims are checked.</summary>
    public static IReadOnlyList<IPolicyReader> DefaultReaders { get; } =
    [
        new RegistryPolReader(),
        new GpoReportReader(),
        new IntuneJsonReader(IntuneJsonReader.DefaultObjectReaders),
    ];

    public static ReadStage Default { get; } = new(DefaultReaders);

    /// <summary>Every document a reader claims is parsed: what the prefilter is checked against.</summary>
    public static ReadStage WithoutPrefilter { get; } = new(DefaultReaders, prefilterFromInputs: int.MaxValue);

    /// <summary>The prefilter whatever the number of inputs (tests of the prefilter on small folders).</summary>
    public static ReadStage AlwaysPrefilter { get; } = new(DefaultReaders, prefilterFromInputs: 0);

    /// <summary>Reads every input in order (sequential on purpose: parallel reads measured no gain on 2 cores, docs/performance.md).</summary>
    public ImmutableArray<ReadInput> Read(InputSet inputs)
    {
        var results = ImmutableArray.CreateBuilder<ReadInput>(inputs.Inputs.Length);
        var prefilter = inputs.Inputs.Length >= _prefilterFromInputs;
        foreach (var input in inputs.Inputs)
        {
            results.Add(input switch
            {
                CollectedUnit unit => new ReadInput(Read(unit.Unit, prefilter), unit.Unit.Primary.Name, unit.Unit.NamedExplicitly),
                UnreadableInput bad => new ReadInput(ReadResult.Failed(SourceLocation.ForFile(bad.DisplayPath), bad.Reason), bad.Name, NamedExplicitly: false),
                _ => throw new InvalidOperationException("unknown input"),
            });
        }

        return results.MoveToImmutable();
    }

    /// <summary>Reads one unit on its own (the prefilter is used when this stage uses it whatever the number of inputs).</summary>
    public ReadResult Read(InputUnit unit) => Read(unit, _prefilterFromInputs <= 1);

    private ReadResult Read(InputUnit unit, bool prefilter)
    {
        var (primary, primaryError) = Load(unit.Primary);
        if (primary is null)
        {
            return ReadResult.Failed(SourceLocation.ForFile(unit.Primary.DisplayPath), primaryError);
        }

        var companions = new List<DecodedDocument>(unit.Companions.Count);
        try
        {
            var companionErrors = new List<ReadProblem>();
            foreach (var companion in unit.Companions)
            {
                var (decoded, error) = Load(companion);
                if (decoded is not null)
                {
                    companions.Add(decoded);
                }
                else
                {
                    companionErrors.Add(ReadProblem.Error(SourceLocation.ForFile(companion.DisplayPath), error));
                }
            }

            var result = Read(unit, primary, companions, prefilter);
            return companionErrors.Count == 0 ? result : result.With(result.Sources, [.. companionErrors, .. result.Problems], result.SkipReason);
        }
        finally
        {
            // Nothing a reader made refers to the buffers: results hold locations and values, parsers their own copies.
            primary.Release();
            companions.ForEach(c => c.Release());
        }
    }

    private ReadResult Read(InputUnit unit, DecodedDocument primary, List<DecodedDocument> companions, bool prefilter)
    {
        var reader = _readers.FirstOrDefault(r => r.Claims(primary));
        if (reader is null)
        {
            return ReadResult.Skipped(unit.Primary.DisplayPath, primary.Kind switch
            {
                ContentKind.Empty => "the file is empty",
                ContentKind.Binary => "a binary file that is not a Registry.pol",
                _ => "not a policy export PolicyLint reads (expected Intune JSON, a GPMC XML report or a Registry.pol)",
            });
        }

        try
        {
            // A file the user named is always read in full: if it holds nothing, the error says what a full read found.
            if (prefilter && !unit.NamedExplicitly && unit.Companions.Count == 0 && reader.TrySkipUnread(primary, out var skipReason))
            {
                return ReadResult.Skipped(unit.Primary.DisplayPath, skipReason, reader.FormatName);
            }

            return reader.Read(new DecodedUnit(primary, unit.NamedExplicitly, companions));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug must not stop the other files from being linted; say it is ours, not the file's.
            return ReadResult.Failed(
                SourceLocation.ForFile(unit.Primary.DisplayPath),
                $"{InternalReadErrorPrefix} {reader.FormatName} reader failed on this file ({ex.GetType().Name}: {ex.Message}); please report it with the file",
                reader.FormatName);
        }
    }

    /// <summary>The document's bytes (a file's in a pooled buffer), decoded once; or why they cannot be had.</summary>
    private static (DecodedDocument? Document, string Error) Load(InputDocument document)
    {
        if (document.Content is { } content)
        {
            return (DecodedDocument.Decode(document, content), string.Empty);
        }

        try
        {
            using var handle = File.OpenHandle(document.Name);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxFileBytes)
            {
                return (null, $"the file is {length / (1024 * 1024)} MiB, larger than the {MaxFileBytes / (1024 * 1024)} MiB a policy export can be");
            }

            if (length == 0)
            {
                // A file whose size the system does not report (procfs, a pipe): read to its end.
                return (DecodedDocument.Decode(document, File.ReadAllBytes(document.Name)), string.Empty);
            }

            var buffer = ReadBuffers.Shared.Rent((int)length);
            var read = 0;
            try
            {
                for (int n; read < length && (n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read)) > 0;)
                {
                    read += n;
                }
            }
            catch
            {
                ReadBuffers.Shared.Return(buffer);
                throw;
            }

            return (DecodedDocument.DecodePooled(document, buffer, read), string.Empty);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return (null, $"cannot read the file: {InputCollector.Reason(ex)}");
        }
    }
}

/// <summary>
/// One input as read: the reader's result, the full path (or virtual name) of its primary document, and whether the
/// user named it; the reconcile stage needs all three.
/// </summary>
public sealed record ReadInput(ReadResult Result, string Name, bool NamedExplicitly);
