import crypto from 'node:crypto';
import type http from 'node:http';

/** What an incoming x-request-id may look like to be kept: short, and safe in logs and headers. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's x-request-id when sane (a proxy's or a client's, for correlation), else a new UUID. */
export function requestIdOf(req: http.IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && SANE_ID.test(given) ? given : crypto.randomUUID();
}
