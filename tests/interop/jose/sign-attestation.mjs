// Signs a U4SSC verifier's attestation as the compact JWS the hub accepts, with the `jose` library
// (the wire format is specified in contracts/README.md §9, which quotes this file).
//
//   node sign-attestation.mjs PRIVATE_JWK_FILE [PAYLOAD_FILE | -]
//
// PRIVATE_JWK_FILE: the verifier's P-256 private key as a JWK (kty "EC", crv "P-256", x, y, d; kid optional).
// PAYLOAD_FILE:     the attestation payload, UTF-8 JSON; "-" or nothing reads it from standard input.
// Prints the compact JWS (header.payload.signature) on standard output, with no trailing newline.
import { readFileSync } from 'node:fs';
import { CompactSign, calculateJwkThumbprint, importJWK } from 'jose';

const [jwkFile, payloadFile = '-'] = process.argv.slice(2);
if (!jwkFile) {
  console.error('usage: node sign-attestation.mjs PRIVATE_JWK_FILE [PAYLOAD_FILE | -]');
  process.exit(2);
}

const jwk = JSON.parse(readFileSync(jwkFile, 'utf8'));
if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') {
  throw new Error(`${jwkFile} is not a P-256 private JWK (kty "EC", crv "P-256", with "d")`);
}

// The payload is signed byte for byte as read: these bytes are what the hub verifies and keeps.
const payload = readFileSync(payloadFile === '-' ? 0 : payloadFile);
const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || typeof parsed.snapshotDigest !== 'string') {
  throw new Error('the payload must be an attestation: a JSON object naming the snapshot by its snapshotDigest');
}

// kid names the verifier's key registered with the hub; by default its RFC 7638 thumbprint.
const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk, 'sha256'));
const key = await importJWK(jwk, 'ES256');
const jws = await new CompactSign(payload)
  .setProtectedHeader({ alg: 'ES256', kid, typ: 'u4ssc-attestation+jws' })
  .sign(key);

process.stdout.write(jws);
