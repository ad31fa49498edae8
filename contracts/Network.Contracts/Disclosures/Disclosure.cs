using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Network.Contracts.Disclosures;

/// <summary>
/// One withheld note of a format-2 snapshot, as SD-JWT (RFC 9901 §4.2.1) discloses an object property: the base64url
/// of the UTF-8 JSON array <c>[salt, "note", noteText]</c>. The signed payload carries only its <see cref="Digest"/>,
/// in the value's <c>_sd</c> array, so the city's signature covers the note while a reader without the disclosure learns
/// nothing about its text.
/// </summary>
/// <param name="Salt">The random salt: at least 128 bits, as unpadded base64url (22 characters for 16 bytes).</param>
/// <param name="Note">The note's text.</param>
/// <param name="Encoded">The disclosure exactly as it travels: what the digest is computed over.</param>
public sealed record Disclosure(string Salt, string Note, string Encoded)
{
    /// <summary>The digest the payload carries: unpadded base64url of SHA-256 over the ASCII bytes of <see cref="Encoded"/>.</summary>
    public string Digest => SelectiveDisclosure.DigestOf(Encoded);

    /// <summary>A disclosure of <paramref name="note"/> with a fresh 128-bit random salt.</summary>
    public static Disclosure ForNote(string note) =>
        ForNote(note, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SelectiveDisclosure.SaltBytes)));

    /// <summary>
    /// A disclosure of <paramref name="note"/> with a given salt: for test vectors only; a real disclosure needs an
    /// unpredictable salt, or a reader could confirm a guessed note against the digest.
    /// </summary>
    public static Disclosure ForNote(string note, string salt)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentException.ThrowIfNullOrEmpty(salt);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue(salt);
            w.WriteStringValue(SelectiveDisclosure.NoteClaim);
            w.WriteStringValue(note);
            w.WriteEndArray();
        }

        return new Disclosure(salt, note, Base64Url.EncodeToString(buffer.ToArray()));
    }

    /// <summary>
    /// Reads a disclosure as received. <see langword="null"/>, with <paramref name="problem"/> saying why in a sentence,
    /// when it is not canonical unpadded base64url of a UTF-8 JSON array of exactly a salt (a string of at least 22
    /// characters), the claim name <c>"note"</c> and the note (a string).
    /// </summary>
    public static Disclosure? Read(string encoded, out string problem)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length == 0 || encoded.Contains('=') || encoded.Any(char.IsWhiteSpace) || !Base64Url.IsValid(encoded))
        {
            problem = "The disclosure is not canonical unpadded base64url (RFC 7515 §2).";
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(encoded);
        string salt, claim, note;
        try
        {
            // Strict UTF-8 first: the JSON reader leaves invalid bytes inside strings to GetString, which throws.
            _ = new UTF8Encoding(false, true).GetString(bytes);
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 4 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 3
                || root[0].ValueKind != JsonValueKind.String || root[1].ValueKind != JsonValueKind.String || root[2].ValueKind != JsonValueKind.String)
            {
                problem = "A disclosure is a JSON array of three strings: [salt, \"note\", the note's text].";
                return null;
            }

            salt = root[0].GetString()!;
            claim = root[1].GetString()!;
            note = root[2].GetString()!;
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or InvalidOperationException)
        {
            problem = "The disclosure is not well-formed UTF-8 JSON.";
            return null;
        }

        if (!string.Equals(claim, SelectiveDisclosure.NoteClaim, StringComparison.Ordinal))
        {
            problem = "Only a value's note can be withheld: the disclosure's second element must be \"note\".";
            return null;
        }

        if (salt.Length < SelectiveDisclosure.MinSaltLength)
        {
            problem = $"The salt is {salt.Length} characters; it must hold at least 128 random bits ({SelectiveDisclosure.MinSaltLength} base64url characters).";
            return null;
        }

        problem = "";
        return new Disclosure(salt, note, encoded);
    }
}
