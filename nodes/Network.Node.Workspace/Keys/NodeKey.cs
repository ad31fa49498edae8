namespace Network.Node.Workspace.Keys;

/// <summary>One of the city's key pairs as the node keeps it: two JWK files in the data directory's <c>keys/</c>.</summary>
/// <param name="KeyId">The key id (<c>kid</c>): the RFC 7638 thumbprint of the public key.</param>
/// <param name="PrivateKeyFile">The private JWK, readable by the owner only. Never leaves the node.</param>
/// <param name="PublicKeyFile">The public JWK, for the network coordinator to register with the hub.</param>
/// <param name="PublicJwk">The public JWK's text (with <c>kid</c>).</param>
/// <param name="CreatedAt">When the key was made (the private file's time).</param>
public sealed record NodeKey(string KeyId, string PrivateKeyFile, string PublicKeyFile, string PublicJwk, DateTimeOffset CreatedAt);
