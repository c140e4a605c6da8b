import { FieldError, type ParseOutcome, type TextAdapter, type TextContext } from '../adapter.js';
import { baseName, eventsOf, hostOf, linewiseParser, packageEvent, shown, skipped, type PackageChange } from './common.js';
import { isRpmName, parseRpmPackage } from './rpmName.js';
import { civilToUtc } from './time.js';

const FORMAT = 'yum';

/**
 * /var/log/yum.log (yum 3, RHEL/CentOS 5-7): yum's RPMBaseCallback.fileaction lines, local time
 * in syslog style without a year or zone:
 *   Jan 15 10:22:31 Updated: curl-7.29.0-59.el7_9.2.x86_64
 *   Jan 15 10:22:35 Erased: 1:nfs-utils-1.3.0-0.68.el7.x86_64
 */
export const yumLogAdapter: TextAdapter = {
  format: FORMAT,
  detect: (firstLines) => firstLines.length > 0 && LINE.test(firstLines[0]!),
  createParser: (context) => {
    const reference = referenceTime(context.fileName);
    return linewiseParser((text) => parseYumLine(text, context, reference));
  },
};

const LINE = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (Installed|Updated|Erased|Obsoleted|Cleanup): (.+)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const OPS: Record<string, PackageChange['op']> = { Installed: 'install', Updated: 'upgrade', Erased: 'remove', Obsoleted: 'remove' };
const DAY_MS = 86_400_000;

/**
 * yum.log has no year. A rotated log's name carries its rotation day (logrotate's dateext,
 * yum.log-20240101): every line is before it. Otherwise lines are taken to be within the last year.
 */
function referenceTime(fileName: string): number {
  const m = /-(\d{4})(\d{2})(\d{2})(?:\.gz)?$/.exec(baseName(fileName));
  const rotated = m ? civilToUtc(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0) : undefined;
  return rotated !== undefined ? rotated + DAY_MS : Date.now();
}

function parseYumLine(text: string, context: TextContext, reference: number): ParseOutcome {
  const m = LINE.exec(text);
  if (!m) return { outcome: 'rejected', reason: `not a yum.log line (expected "Mon DD HH:MM:SS Installed|Updated|Erased: <package>"): ${shown(text)}` };
  const [, month, day, h, mi, s, verb, target] = m as unknown as string[];
  const ts = latestBefore(reference, month!, Number(day), Number(h), Number(mi), Number(s), text);
  const op = OPS[verb!];
  if (!op) return skipped(`yum ${verb} line is not a package change`);
  const change = { op, ...packageOf(target!, op) };
  // The time is not part of the id: it is inferred, and a replay a year later must not duplicate.
  return eventsOf(packageEvent({ format: FORMAT, manager: 'yum', host: hostOf(context, 'linux'), ts, text }, change));
}

/** The latest date with that month, day and time that is not after the reference. */
function latestBefore(reference: number, month: string, day: number, h: number, mi: number, s: number, text: string): number {
  const monthIndex = MONTHS.indexOf(month);
  const year = new Date(reference).getUTCFullYear();
  for (const candidate of [year, year - 1, year - 2, year - 3, year - 4]) {
    const ts = monthIndex < 0 ? undefined : civilToUtc(candidate, monthIndex + 1, day, h, mi, s);
    // Feb 29 exists only in leap years: keep looking back for one.
    if (ts !== undefined && ts <= reference) return ts;
  }
  throw new FieldError('timestamp', `is not a valid date: ${shown(text.slice(0, 15))}`);
}

/** yum logs an erase as the full package or, in older versions, the bare name. */
function packageOf(target: string, op: PackageChange['op']): Pick<PackageChange, 'name' | 'version' | 'arch'> {
  const pkg = parseRpmPackage(target);
  if (pkg) return pkg;
  if (op === 'remove' && isRpmName(target)) return { name: target };
  throw new FieldError('package', `is not an rpm [epoch:]name-version-release.arch: ${shown(target)}`);
}
