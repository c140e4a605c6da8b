import { FieldError, type ParseOutcome, type TextAdapter, type TextContext } from '../adapter.js';
import { eventsOf, hostOf, linewiseParser, packageEvent, shown, skipped, type PackageChange } from './common.js';
import { parseLogTime } from './time.js';

const FORMAT = 'dpkg';

/**
 * /var/log/dpkg.log (dpkg(1), "FILES"): one line per action, local time without a zone:
 *   2024-01-15 10:22:31 upgrade curl:amd64 7.88.1-10 7.88.1-10+deb12u5
 *   2024-01-15 10:22:32 status installed curl:amd64 7.88.1-10+deb12u5
 * Actions are `<action> <pkg> <installed-version> <available-version>`, "<none>" for no version.
 */
export const dpkgLogAdapter: TextAdapter = {
  format: FORMAT,
  detect: (firstLines) => firstLines.length > 0 && DETECT.test(firstLines[0]!),
  createParser: (context) => linewiseParser((text) => parseDpkgLine(text, context)),
};

const LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (\S+)(?: (.*))?$/;
const DETECT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (startup|status|install|upgrade|remove|purge|configure|trigproc|conffile|disappear) /;

/** Lines that are part of a package change already logged on its own line, or not one at all. */
const NOT_CHANGES: Record<string, string> = {
  status: 'dpkg status line: a state step of an action logged on its own line',
  configure: 'dpkg configure line: completes an install or upgrade logged on its own line',
  trigproc: 'dpkg trigproc line: a trigger run, not a package change',
  startup: 'dpkg startup line: marks a dpkg run, not a package change',
  conffile: 'dpkg conffile line: a configuration file decision, not a package change',
  disappear: 'dpkg disappear line: a package whose files were all replaced by another',
};

function parseDpkgLine(text: string, context: TextContext): ParseOutcome {
  const m = LINE.exec(text);
  if (!m) return { outcome: 'rejected', reason: `not a dpkg.log line (expected "YYYY-MM-DD HH:MM:SS <action> ..."): ${shown(text)}` };
  const [, time, action, rest = ''] = m as unknown as [string, string, string, string?];
  const ts = parseLogTime(time, 'timestamp');
  const notChange = NOT_CHANGES[action];
  if (notChange) return skipped(notChange);
  const change = changeOf(action, rest);
  return eventsOf(packageEvent({ format: FORMAT, manager: 'dpkg', host: hostOf(context, 'linux'), ts, text }, change));
}

function changeOf(action: string, rest: string): PackageChange {
  if (!['install', 'upgrade', 'remove', 'purge'].includes(action)) throw new FieldError('action', `is not a dpkg action: ${shown(action)}`);
  const parts = rest.split(' ').filter(Boolean);
  if (parts.length !== 3) throw new FieldError('action', `dpkg ${action} names a package and two versions, got ${shown(rest)}`);
  const [pkg, installed, available] = parts as [string, string, string];
  const { name, arch } = packageOf(pkg);
  const from = versionOf(installed);
  const to = versionOf(available);
  // remove and purge log the version being removed as installed, and <none> as available.
  if (action === 'remove' || action === 'purge') return { op: 'remove', name, arch, version: from };
  if (to === undefined) throw new FieldError('version', `dpkg ${action} of ${name} names no new version`);
  return { op: action === 'upgrade' ? 'upgrade' : 'install', name, arch, version: to, previousVersion: from };
}

/** "curl:amd64" → curl / amd64; dpkg before multiarch (1.16) logged bare names. */
function packageOf(pkg: string): { name: string; arch?: string } {
  const [name = '', arch] = pkg.split(':', 2);
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(name)) throw new FieldError('package', `is not a Debian package name: ${shown(pkg)}`);
  if (arch !== undefined && !/^[a-z0-9-]+$/.test(arch)) throw new FieldError('package', `has an invalid architecture: ${shown(pkg)}`);
  return { name, arch };
}

/** Debian versions: [epoch:]upstream[-revision], upstream starting with a digit; "<none>" for none. */
function versionOf(text: string): string | undefined {
  if (text === '<none>') return undefined;
  if (!/^(\d+:)?[0-9][A-Za-z0-9.+~:-]*$/.test(text)) throw new FieldError('version', `is not a Debian version: ${shown(text)}`);
  return text;
}
