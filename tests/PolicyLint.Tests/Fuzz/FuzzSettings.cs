using System.Globalization;

namespace PolicyLint.Tests.Fuzz;

/// <summary>
/// How much to fuzz. Defaults keep the suite quick and repeatable (a fixed seed); the environment can change them:
/// <c>POLICYLINT_FUZZ_SEED</c> (any integer), <c>POLICYLINT_FUZZ_MUTANTS</c> (how many mutants at most),
/// <c>POLICYLINT_FUZZ_SECONDS</c> (time budget; no new mutant starts after it) and <c>POLICYLINT_FUZZ_ONLY</c>
/// (run just the mutant with this index, to replay a failure).
/// </summary>
public sealed record FuzzSettings(int Seed, int MaxMutants, TimeSpan Budget, int? Only)
{
    public const int DefaultSeed = 20251101;
    public const int DefaultMaxMutants = 3000;
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(40);

    /// <summary>A single mutant taking longer than this is a hang (a normal one takes milliseconds).</summary>
    public static readonly TimeSpan MutantTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Allocation allowed for one run: the inputs are kilobytes, so this is orders of magnitude above normal.</summary>
    public const long MaxAllocatedBytes = 512L * 1024 * 1024;

    public static FuzzSettings FromEnvironment() => new(
        Integer("POLICYLINT_FUZZ_SEED") ?? DefaultSeed,
        Integer("POLICYLINT_FUZZ_MUTANTS") ?? DefaultMaxMutants,
        Integer("POLICYLINT_FUZZ_SECONDS") is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultBudget,
        Integer("POLICYLINT_FUZZ_ONLY"));

    /// <summary>The random source of one mutant: depends only on the seed and the index, so any mutant replays alone.</summary>
    public Random RandomFor(int index)
    {
        // SplitMix64 finalizer: nearby (seed, index) pairs give unrelated streams.
        var z = unchecked(((ulong)(uint)Seed << 32) + (ulong)(uint)index + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)z));
    }

    private static int? Integer(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
