import { FieldError, type LineOutcome, type ParseOutcome, type TextAdapter, type TextContext, type TextParser } from '../adapter.js';
import { atLine, eventsOf, hostOf, packageEvent, shown, skipped, type PackageChange } from './common.js';
import { DnfRun } from './dnfRun.js';
import { parseRpmPackage, type RpmPackage } from './rpmName.js';
import { parseLogTime } from './time.js';

const FORMAT = 'dnf';

/**
 * dnf 4's logs (/var/log/dnf.rpm.log, and dnf.log / hawkey.log, which share the line shape):
 *   2024-01-15T10:22:31+0000 SUBDEBUG Upgrade: curl-7.76.1-26.el9_3.2.x86_64
 *   2024-01-15T10:22:32+0000 SUBDEBUG Upgraded: curl-7.76.1-26.el9_3.1.x86_64
 * dnf.rpm.log's SUBDEBUG lines are the package changes (dnf's FILE_ACTIONS). An upgrade's two
 * lines are joined into one event: the "Upgrade" line's, with the version from "Upgraded" as the
 * previous one. dnf.log has no such lines but the transaction table of each run, with the
 * repository of every package: its rows are the changes once the run completes (dnfRun.ts).
 * Everything else is debug output and skipped. dnf.rpm.log and dnf.log describe the same
 * transactions; the graph writes a change both report once (cypher/ingest/package.cypher).
 */
export const dnfLogAdapter: TextAdapter = {
  format: FORMAT,
  detect: (firstLines) => firstLines.length > 0 && LINE.test(firstLines[0]!),
  createParser: (context) => new DnfParser(context),
};

// dnf logs some messages that begin with a line break (the post-transaction list): no text after the level.
const LINE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?) (SUBDEBUG|DDEBUG|DEBUG|INFO|WARNING|ERROR|CRITICAL|TRACE)(?: (.*))?$/;
const ACTION = /^([A-Z][a-z]+): (.*)$/;

/** The first line of a pair (Upgrade, Downgrade) waits for its second (Upgraded, Downgraded). */
const PAIRS: Record<string, string> = { Upgraded: 'Upgrade', Downgraded: 'Downgrade' };

const SINGLE: Record<string, PackageChange['op']> = {
  Installed: 'install',
  Reinstall: 'install',
  Erase: 'remove',
  // Obsolete installs the package that replaces an obsoleted one, which is removed.
  Obsolete: 'install',
  Obsoleted: 'remove',
};

const NOT_CHANGES: Record<string, string> = {
  Reinstalled: 'dnf Reinstalled line: the replaced copy of a reinstall logged on its own line',
  Cleanup: 'dnf Cleanup line: removal of files of a package change logged on its own line',
  Verified: 'dnf Verified line: a check, not a package change',
};

interface Pending {
  line: number;
  text: string;
  ts: number;
  pkg: RpmPackage;
}

class DnfParser implements TextParser {
  private readonly pending = new Map<string, Pending>();
  private readonly run: DnfRun;
  private sawLogLine = false;

  constructor(private readonly context: TextContext) {
    this.run = new DnfRun(context);
  }

  line(text: string, lineNo: number): LineOutcome[] {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    const m = LINE.exec(trimmed);
    // The columns of a transaction table line up by leading spaces: it gets the line untrimmed.
    if (!m) return this.run.continuation(text, lineNo) ?? [this.notALogLine(trimmed, lineNo)];
    this.sawLogLine = true;
    const [, time, level, message = ''] = m as unknown as [string, string, string, string?];
    const closed = this.run.closeMessage();
    // A new dnf run: upgrades still waiting for their second line will not get one, nor a table its result.
    const flushed = message.startsWith('--- logging initialized ---') ? [...this.flush(), ...this.run.end()] : [];
    const action = level === 'SUBDEBUG' ? ACTION.exec(message) : null;
    if (!action) return [...closed, ...flushed, ...this.run.logLine(time, level, message, trimmed, lineNo)];
    return [...closed, ...flushed, ...this.action(action[1]!, action[2]!, time, trimmed, lineNo)];
  }

  end(): LineOutcome[] {
    return [...this.flush(), ...this.run.end()];
  }

  private action(verb: string, target: string, time: string, text: string, lineNo: number): LineOutcome[] {
    if (verb === 'Upgrade' || verb === 'Downgrade') {
      return this.guarded(lineNo, () => {
        const pending = { line: lineNo, text, ts: parseLogTime(time, 'timestamp'), pkg: rpmPackage(target) };
        const replaced = this.pending.get(keyOf(pending.pkg));
        this.pending.set(keyOf(pending.pkg), pending);
        return replaced ? [this.upgradeOf(replaced)] : [];
      });
    }
    const first = PAIRS[verb];
    if (first) return this.guarded(lineNo, () => this.completePair(first, rpmPackage(target), lineNo));
    const op = SINGLE[verb];
    if (!op) return [{ ...skipped(NOT_CHANGES[verb] ?? `dnf ${verb} line is not a package change`), line: lineNo }];
    return [atLine(lineNo, () => this.eventOf(text, parseLogTime(time, 'timestamp'), op, rpmPackage(target)))];
  }

  private completePair(first: string, old: RpmPackage, lineNo: number): LineOutcome[] {
    const pending = this.pending.get(keyOf(old));
    if (!pending) return [{ ...skipped(`dnf ${first}d line without its ${first} line`), line: lineNo }];
    this.pending.delete(keyOf(old));
    return [this.upgradeOf(pending, old.version)];
  }

  private upgradeOf(pending: Pending, previousVersion?: string): LineOutcome {
    return atLine(pending.line, () => this.eventOf(pending.text, pending.ts, 'upgrade', pending.pkg, previousVersion));
  }

  private eventOf(text: string, ts: number, op: PackageChange['op'], pkg: RpmPackage, previousVersion?: string): ParseOutcome {
    const change = { op, name: pkg.name, version: pkg.version, arch: pkg.arch, previousVersion };
    return eventsOf(packageEvent({ format: FORMAT, manager: 'dnf', host: hostOf(this.context, 'linux'), ts, text }, change));
  }

  private flush(): LineOutcome[] {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    return waiting.map((p) => this.upgradeOf(p));
  }

  /** Messages can span lines (scriptlet output); only text before any log line is not dnf's. */
  private notALogLine(text: string, lineNo: number): LineOutcome {
    if (this.sawLogLine) return { ...skipped('continuation of a multi-line dnf log message'), line: lineNo };
    return { outcome: 'rejected', line: lineNo, reason: `not a dnf log line (expected "<ISO time> <LEVEL> <message>"): ${shown(text)}` };
  }

  private guarded(lineNo: number, run: () => LineOutcome[]): LineOutcome[] {
    try {
      return run();
    } catch (err) {
      if (err instanceof FieldError) return [{ outcome: 'rejected', line: lineNo, field: err.field, reason: err.message }];
      throw err;
    }
  }
}

const keyOf = (pkg: RpmPackage): string => `${pkg.name}.${pkg.arch ?? ''}`;

function rpmPackage(target: string): RpmPackage {
  const pkg = parseRpmPackage(target);
  if (!pkg) throw new FieldError('package', `is not an rpm name-version-release.arch: ${shown(target)}`);
  return pkg;
}
