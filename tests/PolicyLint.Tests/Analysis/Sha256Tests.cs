using System.Text;
using PolicyLint.Analysis;
using Xunit;

namespace PolicyLint.Tests.Analysis;

/// <summary>The managed SHA-256 behind fingerprints gives the framework's bytes, so fingerprints never change.</summary>
public sealed class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Gives_the_published_test_vectors(string message, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Sha256.HashData(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Gives_the_framework_hash_at_every_length_around_the_block_and_padding_edges()
    {
        // Lengths 0-300 cover a tail of 0-63 bytes with one and two padding blocks, over several whole blocks.
        var random = new Random(20261122);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.HashData(data));
        }
    }

    [Fact]
    public void Gives_the_framework_hash_of_a_long_subject()
    {
        var subject = string.Join('|', Enumerable.Range(0, 5000).Select(i => $"intune:configurationPolicy:{i:D8}"));
        var data = Encoding.UTF8.GetBytes($"PL3005|{subject}");

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.HashData(data));
    }
}
