// Re-verifies a public snapshot, its disclosures and a verifier's attestation with the `jose` library and the
// public JWK Sets alone (contracts/README.md §4, §8 and §9, which quote this file).
//
//   node verify-public.mjs SNAPSHOT_FILE CITY_JWKS_FILE [ATTESTATION_FILE VERIFIER_JWKS_FILE]
//
// SNAPSHOT_FILE:      the snapshot's compact JWS (GET /api/snapshots/{id} "jws"), optionally followed by disclosures
//                     in the SD-JWT form jws~disclosure~...~ (a member's "disclosures").
// CITY_JWKS_FILE:     the city's JWK Set (GET /api/cities/{cityId}/jwks).
// ATTESTATION_FILE:   an attestation's compact JWS (GET /api/snapshots/{id}/attestations, "jws").
// VERIFIER_JWKS_FILE: the verifier's JWK Set (GET /api/verifiers/{verifierId}/jwks).
// Prints what checked out as JSON; exits 1 with the reason when anything does not.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compactVerify, createLocalJWKSet } from 'jose';

const [snapshotFile, cityJwksFile, attestationFile, verifierJwksFile] = process.argv.slice(2);
if (!snapshotFile || !cityJwksFile || (attestationFile && !verifierJwksFile)) {
  console.error('usage: node verify-public.mjs SNAPSHOT_FILE CITY_JWKS_FILE [ATTESTATION_FILE VERIFIER_JWKS_FILE]');
  process.exit(2);
}

const fail = (why) => { console.error(why); process.exit(1); };
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const sha256 = (text) => b64url(createHash('sha256').update(Buffer.from(text, 'ascii')).digest());

// A JWS of this format: header exactly {alg, kid, typ}, ES256, signed by the key the JWK Set holds under kid.
async function verifyJws(jws, jwksFile, typ) {
  const jwks = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
  const { payload, protectedHeader } = await compactVerify(jws, jwks, { algorithms: ['ES256'] });
  const members = Object.keys(protectedHeader).sort().join(',');
  if (members !== 'alg,kid,typ' || protectedHeader.typ !== typ) {
    fail(`the header must be exactly {alg, kid, typ} with typ ${typ}; it is ${JSON.stringify(protectedHeader)}`);
  }
  return { kid: protectedHeader.kid, payload: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) };
}

// The SD-JWT form: the JWS, then each disclosure followed by "~"; nothing after the last "~".
const submission = readFileSync(snapshotFile, 'ascii');
const [jws, ...rest] = submission.split('~');
if (rest.length > 0 && rest.pop() !== '') fail('nothing may follow the last "~" (no key binding)');
const snapshot = await verifyJws(jws, cityJwksFile, 'u4ssc-snapshot+jws');
const digest = sha256(jws); // the snapshot digest: of the JWS alone

// Each disclosure base64url(JSON [salt, "note", text]) must match one value's _sd digest.
const values = snapshot.payload.values.map((v) => ({ ...v }));
for (const disclosure of rest) {
  const [salt, name, note, ...extra] = JSON.parse(Buffer.from(disclosure, 'base64url').toString('utf8'));
  if (extra.length > 0 || typeof salt !== 'string' || salt.length < 22 || name !== 'note' || typeof note !== 'string') {
    fail(`not a note disclosure: ${disclosure}`);
  }
  const owner = values.find((v) => Array.isArray(v._sd) && v._sd.includes(sha256(disclosure)));
  if (!owner) fail(`no value's _sd holds the digest of disclosure ${disclosure}`);
  owner.note = note;
}

const result = { snapshotDigest: digest, cityKid: snapshot.kid, formatVersion: snapshot.payload.formatVersion ?? 1, values };

if (attestationFile) {
  const attestation = await verifyJws(readFileSync(attestationFile, 'ascii'), verifierJwksFile, 'u4ssc-attestation+jws');
  const a = attestation.payload;
  if (a.snapshotDigest !== digest) fail(`the attestation names snapshot digest ${a.snapshotDigest}, not ${digest}`);
  for (const field of ['snapshotId', 'cityId', 'period']) {
    if (a[field] !== snapshot.payload[field]) fail(`the attestation's ${field} ${a[field]} is not the snapshot's`);
  }
  // A verdict binds to the value itself: kpi, dataPoint, value and unit.
  for (const verdict of a.verdicts) {
    const value = values.find((v) => v.kpi === verdict.kpi && (v.dataPoint ?? null) === (verdict.dataPoint ?? null)
      && v.value === verdict.value && v.unit === verdict.unit);
    if (!value) fail(`the verdict on ${verdict.kpi} binds to no value of the snapshot`);
    value.verdict = verdict.verdict;
    value.verifiedBy = a.verifierId;
  }
  result.attestationId = a.attestationId;
  result.verifierKid = attestation.kid;
}

process.stdout.write(JSON.stringify(result));
