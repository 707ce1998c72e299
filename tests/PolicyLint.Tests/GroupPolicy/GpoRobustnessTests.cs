using PolicyLint.Input;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.GroupPolicy;

/// <summary>Damaged Group Policy files (cut anywhere, bytes flipped) give read errors with locations, never exceptions.</summary>
public sealed class GpoRobustnessTests
{
    private static readonly string Report = Path.Combine(RepoPaths.Samples, "gpo", "WHfB GPOs - contoso.com.gpreport.xml");

    private static readonly string Pol = Path.Combine(RepoPaths.Samples, "gpo", "GPO backup - WHfB Hybrid Users",
        "{2F6A91D3-0C47-4B8E-95D2-7A3E1B6C8F04}", "DomainSysvol", "GPO", "User", "registry.pol");

    public static TheoryData<string> Samples() => new() { Report, Pol };

    private static ReadResult ReadDamaged(TempDirectory temp, string name, byte[] bytes)
    {
        var path = temp.WriteBytes(name, bytes);
        return ReadStage.Default.Read(InputUnit.Single(InputDocument.FromFile(name, path), namedExplicitly: true));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_file_cut_at_any_point_is_read_or_reported_never_thrown(string sample)
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(sample);
        var name = Path.GetFileName(sample);
        var step = Math.Max(1, bytes.Length / 300);

        for (var cut = 0; cut < bytes.Length; cut += step)
        {
            var result = ReadDamaged(temp, name, bytes[..cut]);

            // Either something was read, or the problem is reported with a location in this file.
            Assert.True(result.Sources.Length > 0 || result.Problems.Length > 0 || result.SkipReason is not null, $"cut at {cut}: nothing said");
            Assert.All(result.Problems, p => Assert.Equal(name, p.Location.FilePath));
            Assert.DoesNotContain(result.Problems, p => p.Message.StartsWith(ReadStage.InternalReadErrorPrefix, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Flipped_bytes_are_read_or_reported_never_thrown(string sample)
    {
        using var temp = new TempDirectory();
        var original = File.ReadAllBytes(sample);
        var name = Path.GetFileName(sample);
        var random = new Random(20261122);

        for (var round = 0; round < 200; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var result = ReadDamaged(temp, name, bytes);

            Assert.True(result.Sources.Length > 0 || result.Problems.Length > 0 || result.SkipReason is not null, $"round {round}: nothing said");
            Assert.DoesNotContain(result.Problems, p => p.Message.StartsWith(ReadStage.InternalReadErrorPrefix, StringComparison.Ordinal));
        }
    }
}
