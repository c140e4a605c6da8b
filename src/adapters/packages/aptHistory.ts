import { FieldError, type LineOutcome, type TextAdapter, type TextContext, type TextParser } from '../adapter.js';
import { atLine, baseName, eventsOf, hostOf, packageEvent, shown, skipped, type PackageChange } from './common.js';
import { parseLogTime } from './time.js';

const FORMAT = 'apt-history';

/**
 * /var/log/apt/history.log: one block per apt run, separated by blank lines. apt writes the
 * start, the command and every planned change when the run starts, and `Error:` / `End-Date:`
 * when it ends:
 *   Start-Date: 2024-01-15  10:22:28
 *   Commandline: apt-get install -y curl
 *   Requested-By: alice (1000)
 *   Install: curl:amd64 (7.88.1-10+deb12u5), libcurl4:amd64 (7.88.1-10+deb12u5, automatic)
 *   Upgrade: libssl3:amd64 (3.0.11-1~deb12u1, 3.0.11-1~deb12u2)
 *   End-Date: 2024-01-15  10:22:31
 */
export const aptHistoryAdapter: TextAdapter = {
  format: FORMAT,
  detect: (firstLines, fileName) =>
    (firstLines.length > 0 && START.test(firstLines[0]!)) || (/^history\.log/.test(baseName(fileName)) && firstLines.some((l) => /^(Commandline|Install|Upgrade|Remove|Purge|End-Date): /.test(l))),
  createParser: (context) => new AptHistoryParser(context),
};

const START = /^Start-Date: \d{4}-\d{2}-\d{2} +\d{2}:\d{2}:\d{2}$/;
const FIELD = /^([A-Z][A-Za-z-]*): ?(.*)$/;

/** How each package list becomes changes: (version) for one version, (old, new) for two. */
const LISTS: Record<string, { op: PackageChange['op']; versions: 1 | 2 }> = {
  Install: { op: 'install', versions: 1 },
  Reinstall: { op: 'install', versions: 1 },
  Upgrade: { op: 'upgrade', versions: 2 },
  // The model has no downgrade: it is a version change with the higher version as the previous one.
  Downgrade: { op: 'upgrade', versions: 2 },
  Remove: { op: 'remove', versions: 1 },
  Purge: { op: 'remove', versions: 1 },
};

interface PackageList {
  key: string;
  value: string;
  line: number;
}

interface Block {
  line: number;
  startText: string;
  startDate: string;
  commandLine?: string;
  lists: PackageList[];
}

class AptHistoryParser implements TextParser {
  private block: Block | undefined;

  constructor(private readonly context: TextContext) {}

  line(text: string, lineNo: number): LineOutcome[] {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    const field = FIELD.exec(trimmed);
    if (!field) return [{ outcome: 'rejected', line: lineNo, reason: `not an apt history.log line (expected "Key: value"): ${shown(trimmed)}` }];
    const [, key, value] = field as unknown as [string, string, string];
    if (key === 'Start-Date') {
      const cut = this.cutOff();
      this.block = { line: lineNo, startText: trimmed, startDate: value, lists: [] };
      return cut;
    }
    if (!this.block) {
      return [{ outcome: 'rejected', line: lineNo, field: 'Start-Date', reason: `is missing: this ${key} line is outside a Start-Date block (the log starts mid-block?)` }];
    }
    if (key === 'End-Date') return this.finish();
    if (key === 'Commandline') this.block.commandLine = value;
    else if (LISTS[key]) this.block.lists.push({ key, value, line: lineNo });
    // Requested-By, Error and newer keys describe the run, not a package.
    return [];
  }

  end(): LineOutcome[] {
    return this.cutOff();
  }

  /**
   * A block without End-Date lists what apt planned, not what it did: the run was interrupted,
   * was still going, or the copy of the log was cut. Its changes are not claimed.
   */
  private cutOff(): LineOutcome[] {
    const block = this.block;
    if (!block) return [];
    this.block = undefined;
    if (block.lists.length === 0) return [{ outcome: 'skipped', line: block.line, reason: 'apt history block without package changes, cut off before End-Date' }];
    return [{ outcome: 'rejected', line: block.line, field: 'End-Date', reason: 'is missing: the apt run was cut off (interrupted, still running, or the log copy ends mid-block), so its planned changes are not claimed' }];
  }

  private finish(): LineOutcome[] {
    const block = this.block!;
    this.block = undefined;
    const rejections: LineOutcome[] = [];
    const outcome = atLine(block.line, () => eventsOf(...this.eventsOf(block, rejections)));
    if (outcome.outcome !== 'events' || outcome.events.length > 0) return [outcome, ...rejections];
    return rejections.length > 0 ? rejections : [{ ...skipped('apt history block without package changes'), line: block.line }];
  }

  /** Every entry of every list, each an event at the block's start time carrying the block's command. */
  private eventsOf(block: Block, rejections: LineOutcome[]) {
    if (block.lists.length === 0) return [];
    const key = { format: FORMAT, manager: 'apt' as const, host: hostOf(this.context, 'linux'), ts: parseLogTime(block.startDate, 'Start-Date') };
    return block.lists.flatMap((list) =>
      entriesOf(list, rejections).map((entry) => packageEvent({ ...key, text: `${block.startText}|${list.key}|${entry.text}` }, { ...entry.change, commandLine: block.commandLine })),
    );
  }
}

/** One "name:arch (v1[, v2])" entry and the comma after it, read from where the last one ended. */
const ENTRY = String.raw`\s*([^\s(),]+) \(([^()]*)\)\s*(,|$)`;

/** Reads "name:arch (v1[, v2])" entries; whatever cannot be read is rejected on the list's line. */
function entriesOf(list: PackageList, rejections: LineOutcome[]): { text: string; change: PackageChange }[] {
  const entries: { text: string; change: PackageChange }[] = [];
  const entry = new RegExp(ENTRY, 'y');
  let at = 0;
  for (let m = entry.exec(list.value); m; m = entry.exec(list.value)) {
    const text = m[0].replace(/,\s*$/, '').trim();
    const outcome = atLine(list.line, () => {
      entries.push({ text, change: changeOf(list.key, m![1]!, m![2]!) });
      return eventsOf();
    });
    if (outcome.outcome === 'rejected') rejections.push(outcome);
    at = entry.lastIndex;
    if (m[3] === '') break;
  }
  const rest = list.value.slice(at).trim();
  if (rest) rejections.push({ outcome: 'rejected', line: list.line, field: list.key, reason: `cannot read the package entry ${shown(rest)} (expected "name:arch (version)")` });
  return entries;
}

function changeOf(key: string, pkg: string, inner: string): PackageChange {
  const list = LISTS[key]!;
  const [name = '', arch] = pkg.split(':', 2);
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(name)) throw new FieldError(key, `is not a Debian package name: ${shown(pkg)}`);
  // Install marks dependencies as "(version, automatic)"; the marker is not a version.
  const versions = inner.split(',').map((v) => v.trim()).filter((v) => v !== 'automatic');
  if (versions.length !== list.versions || versions.some((v) => !/^(\d+:)?[0-9][A-Za-z0-9.+~:-]*$/.test(v))) {
    throw new FieldError(key, `${name} needs ${list.versions === 2 ? 'an old and a new version' : 'one version'}, got ${shown(`(${inner})`)}`);
  }
  const [first, second] = versions as [string, string?];
  return list.versions === 2 ? { op: list.op, name, arch, previousVersion: first, version: second } : { op: list.op, name, arch, version: first };
}
