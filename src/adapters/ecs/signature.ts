import type { Signature } from '../../model/event.js';
import { isObj, lookup, parseBool, textAt, type Obj } from './fields.js';

/**
 * Code-signature facts of `<owner>` (process, dll, file). ECS puts them in `<owner>.code_signature`;
 * Elastic Endpoint also in `<owner>.Ext.code_signature`, and its 7.x builds (macOS, Windows) write
 * that field as an ARRAY of signer objects, the first being the file's own signer.
 */
export function signatureOf(r: Obj, owner: string): Signature | undefined {
  for (const path of [`${owner}.code_signature`, `${owner}.Ext.code_signature`]) {
    const found = signerObject(lookup(r, path), path);
    if (found) return toSignature(found.signer, found.path);
  }
  return undefined;
}

function signerObject(value: unknown, path: string): { signer: Obj; path: string } | undefined {
  if (isObj(value)) return { signer: value, path };
  if (!Array.isArray(value)) return undefined;
  const index = value.findIndex(isObj);
  return index < 0 ? undefined : { signer: value[index] as Obj, path: `${path}[${index}]` };
}

function toSignature(s: Obj, path: string): Signature | undefined {
  const exists = parseBool(s, 'exists', `${path}.exists`);
  const trusted = parseBool(s, 'trusted', `${path}.trusted`);
  const valid = parseBool(s, 'valid', `${path}.valid`);
  const signer = textAt(s, 'subject_name');
  const signature: Signature = {
    // A signer name or a verdict on the chain implies a signature even when `exists` is left out.
    signed: exists ?? (signer !== undefined || trusted === true || valid === true ? true : undefined),
    status: statusOf(textAt(s, 'status'), trusted, valid),
    signer,
    teamId: textAt(s, 'team_id'),
    signingId: textAt(s, 'signing_id'),
  };
  const present = Object.entries(signature).filter(([, v]) => v !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as Signature) : undefined;
}

/**
 * Analytics compare the status with "valid" (Sysmon's word). Elastic says "trusted" for a valid,
 * trusted chain and error names otherwise (errorExpired, errorUntrustedRoot...), kept lower-cased.
 * Without a status, `valid` and `trusted` decide.
 */
function statusOf(raw: string | undefined, trusted: boolean | undefined, valid: boolean | undefined): string | undefined {
  const status = raw?.toLowerCase();
  if (status) return status === 'trusted' ? 'valid' : status;
  if (valid === false) return 'invalid';
  if (trusted === true) return 'valid';
  if (trusted === false) return 'untrusted';
  return undefined;
}
