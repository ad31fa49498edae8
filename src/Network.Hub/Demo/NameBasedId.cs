using System.Security.Cryptography;
using System.Text;

namespace Network.Hub.Demo;

/// <summary>A UUID made from a name (SHA-256, version-5 style): the demo's ids are the same on every run, so a restart re-sends the very same messages.</summary>
internal static class NameBasedId
{
    /// <summary>The id of <paramref name="name"/>.</summary>
    public static Guid Of(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style, name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
