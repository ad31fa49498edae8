namespace Network.Contracts.Tests.Verification;

public sealed class TamperTests : IDisposable
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private readonly TestNetwork _network = new();

    [Fact]
    public async Task Detects_any_single_changed_character_anywhere_in_a_signed_snapshot()
    {
        var jws = _network.Trondheim.Snapshot().Sign();
        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
        var undetected = new List<string>();

        for (var position = 0; position < jws.Length; position++)
        {
            var replacement = Neighbour(jws[position]);
            var tampered = string.Concat(jws.AsSpan(0, position), [replacement], jws.AsSpan(position + 1));
            var result = await _network.VerifyAsync(tampered);
            if (result.IsValid || result.Rejections.Count == 0)
            {
                undetected.Add($"position {position}: '{jws[position]}' -> '{replacement}'");
            }
        }

        Assert.Empty(undetected);
    }

    [Fact]
    public async Task Detects_every_other_spelling_of_the_last_character_of_each_part()
    {
        // The last character of a part carries unused bits; no other spelling of it may verify.
        var jws = _network.Trondheim.Snapshot().Sign();
        var ends = jws.Select((c, i) => (c, i)).Where(x => x.i == jws.Length - 1 || jws[x.i + 1] == '.').Select(x => x.i).ToArray();
        Assert.Equal(3, ends.Length);

        foreach (var position in ends)
        {
            foreach (var replacement in Alphabet.Where(c => c != jws[position]))
            {
                var tampered = string.Concat(jws.AsSpan(0, position), [replacement], jws.AsSpan(position + 1));
                Assert.False((await _network.VerifyAsync(tampered)).IsValid, $"position {position}: '{jws[position]}' -> '{replacement}'");
            }
        }
    }

    [Fact]
    public async Task Detects_a_dot_moved_by_one_character()
    {
        var jws = _network.Trondheim.Snapshot().Sign();
        var dot = jws.IndexOf('.', StringComparison.Ordinal);
        var moved = string.Concat(jws.AsSpan(0, dot), jws.AsSpan(dot + 1, 1), ".", jws.AsSpan(dot + 2));

        var result = await _network.VerifyAsync(moved);

        Assert.False(result.IsValid);
    }

    // The character whose 6-bit value differs in the lowest bit: the bit a lenient decoder ignores at the
    // end of a part. A dot becomes a letter.
    private static char Neighbour(char original)
    {
        var index = Alphabet.IndexOf(original, StringComparison.Ordinal);
        return index < 0 ? 'A' : Alphabet[index ^ 1];
    }

    public void Dispose() => _network.Dispose();
}
