import { FieldError } from '../adapter.js';
import type { Hashes, Signature } from '../../model/event.js';
import { arrayAt, integerAt, isObj, objectAt, parseInteger, show, text, textAt, type Obj } from './fields.js';

type Algorithm = keyof Hashes;

/** Fingerprint algorithm_id values the model keeps (OCSF: 1 MD5, 2 SHA-1, 3 SHA-256; 4 SHA-512 and fuzzy hashes are not kept). */
const ALGORITHM_BY_ID: Record<number, Algorithm> = { 1: 'md5', 2: 'sha1', 3: 'sha256' };
const ALGORITHM_BY_NAME: Record<string, Algorithm> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256' };
const DIGEST_LENGTH: Record<Algorithm, number> = { md5: 32, sha1: 40, sha256: 64 };
/** 0 Unknown and 99 Other leave the algorithm to the `algorithm` caption. */
const ALGORITHM_BY_CAPTION = new Set([0, 99]);

/** A file's `hashes` (an array of fingerprints), lower-cased; digests of the wrong shape are ignored. */
export function hashesAt(record: Obj, path: string): Hashes | undefined {
  const fingerprints = arrayAt(record, path);
  if (!fingerprints) return undefined;
  const hashes: Hashes = {};
  fingerprints.forEach((fingerprint, i) => {
    const field = `${path}[${i}]`;
    if (!isObj(fingerprint)) throw new FieldError(field, `must be a fingerprint object, got ${show(fingerprint)}`);
    const algorithm = algorithmOf(fingerprint, field);
    const digest = text(fingerprint.value)?.toLowerCase();
    if (algorithm && digest && digest.length === DIGEST_LENGTH[algorithm] && /^[0-9a-f]+$/.test(digest)) hashes[algorithm] = digest;
  });
  return Object.keys(hashes).length > 0 ? hashes : undefined;
}

function algorithmOf(fingerprint: Obj, field: string): Algorithm | undefined {
  const id = parseInteger(fingerprint.algorithm_id, `${field}.algorithm_id`);
  if (id !== undefined && !ALGORITHM_BY_CAPTION.has(id)) return ALGORITHM_BY_ID[id];
  const caption = text(fingerprint.algorithm)?.toLowerCase().replace(/-/g, '');
  return caption ? ALGORITHM_BY_NAME[caption] : undefined;
}

/** digital_signature state_id captions, lower-cased: analytics compare the status with "valid". */
const STATE_BY_ID: Record<number, string> = {
  1: 'valid',
  2: 'expired',
  3: 'revoked',
  4: 'suspended',
  5: 'pending',
  6: 'untrusted',
  7: 'distrusted',
  8: 'wrongusage',
  9: 'bad',
  10: 'broken',
};

/**
 * A file's `signature` (digital_signature). Its presence says the file is signed; state_id (else
 * the source's own `state` text) says whether the signature holds. The signer comes from the
 * certificate subject; developer_uid is the developer ID on the certificate (an Apple Team ID on macOS).
 */
export function signatureAt(record: Obj, path: string): Signature | undefined {
  if (!objectAt(record, path)) return undefined;
  const stateId = integerAt(record, `${path}.state_id`);
  const status = (stateId !== undefined ? STATE_BY_ID[stateId] : undefined) ?? textAt(record, `${path}.state`)?.toLowerCase();
  return {
    signed: true,
    status,
    signer: signerOf(textAt(record, `${path}.certificate.subject`)),
    teamId: textAt(record, `${path}.developer_uid`),
  };
}

const COMMON_NAME = /(?:^|,\s*)CN\s*=\s*((?:\\.|[^,])+)/i;

/**
 * certificate.subject is a distinguished name ("CN=Example Vendor Ltd, O=..."). Sysmon and ECS
 * name a signer by its common name, so the CN is kept, letting one signer meet itself across formats.
 */
function signerOf(subject: string | undefined): string | undefined {
  const cn = subject ? COMMON_NAME.exec(subject)?.[1] : undefined;
  return cn ? cn.trim().replace(/\\(.)/g, '$1') : subject;
}
