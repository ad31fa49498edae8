using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Network.Contracts.Signing;

namespace Network.Contracts.Verification;

/// <summary>
/// Checks ES256 signatures of compact JWS over the exact bytes received, for the snapshot and the attestation
/// verifiers. Importing a public key costs about as much as verifying a signature with it, and a batch is mostly signed
/// by a few keys: it keeps the imported keys, one per thread using it at a time (an ECDsa is not documented thread-safe).
/// </summary>
internal sealed class SignatureCheck : IDisposable
{
    private readonly ConcurrentDictionary<EcPublicJwk, ConcurrentBag<ECDsa>> _imported = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Adds <see cref="RejectionReason.BadSignature"/> to <paramref name="problems"/> unless <paramref name="signature"/>
    /// is <paramref name="key"/>'s ES256 signature of the JWS's signing input; <paramref name="tampered"/> says what a
    /// wrong signature means for this kind of document.
    /// </summary>
    public void Check(EcPublicJwk key, string compactJws, string[] parts, byte[] signature, string tampered, List<Rejection> problems)
    {
        if (signature.Length != 64)
        {
            problems.Add(Rejections.BadSignature($"an ES256 signature is 64 bytes (r || s), this one is {signature.Length}."));
            return;
        }

        // The signing input is header.payload exactly as received: the JWS up to its second dot.
        var signingInput = compactJws.AsSpan(0, parts[0].Length + 1 + parts[1].Length);
        var bytes = ArrayPool<byte>.Shared.Rent(signingInput.Length);
        var imported = _imported.GetOrAdd(key, _ => []);
        var ecdsa = imported.TryTake(out var pooled) ? pooled : key.ToECDsa();
        try
        {
            var length = Encoding.ASCII.GetBytes(signingInput, bytes);
            if (!ecdsa.VerifyData(bytes.AsSpan(0, length), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                problems.Add(Rejections.BadSignature(tampered));
            }
        }
        finally
        {
            imported.Add(ecdsa);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Releases the imported public keys.</summary>
    public void Dispose()
    {
        foreach (var keys in _imported.Values)
        {
            while (keys.TryTake(out var key))
            {
                key.Dispose();
            }
        }

        _imported.Clear();
    }
}
