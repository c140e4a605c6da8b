import { FieldError, type LineOutcome } from '../adapter.js';
import { atLine, eventsOf, shown, skipped, type PackageChange } from './common.js';
import { isRpmName } from './rpmName.js';

/**
 * The transaction table dnf 4 prints (dnf/cli/output.py list_transaction) and logs to dnf.log as
 * one multi-line INFO message, after "Dependencies resolved.":
 *   2024-03-05T14:02:12+0000 INFO ================================================================
 *    Package                 Arch      Version              Repository                   Size
 *   ================================================================
 *   Installing:
 *    example-agent           x86_64    2.4.1-1.el9          example-vendor              4.1 M
 *   Upgrading:
 *    python3-some-package-whose-name-is-longer-than-its-column
 *                            noarch    1.2-3.el9            appstream                    47 k
 *        replacing  python3-old-name.noarch 1.1-1.el9
 *
 *   Transaction Summary
 * A row starts with one space. A value wider than its column ends its line and the row goes on
 * below, indented to the next column; the size (a number and a unit) always ends a row. A table
 * lists what dnf plans: its rows are claimed only when the run logs "Complete!" (dnfRun.ts).
 */

/** A package change a table plans, with the line it was logged on. */
export interface PlannedChange {
  line: number;
  /** The row as logged, wrapped parts joined: with the table's first line, its identity on replay. */
  text: string;
  change: PackageChange;
}

/** Section titles whose rows are package changes. Others (module streams, groups, "Skipping packages ...") list none. */
const SECTION_OPS: Record<string, PackageChange['op']> = {
  Installing: 'install',
  'Installing dependencies': 'install',
  'Installing weak dependencies': 'install',
  'Installing group/module packages': 'install',
  Reinstalling: 'install',
  Upgrading: 'upgrade',
  // The model has no downgrade: it is a version change, as in the apt and dnf.rpm.log adapters.
  Downgrading: 'upgrade',
  Removing: 'remove',
  'Removing dependent packages': 'remove',
  'Removing unused dependencies': 'remove',
};

const RULE = /^=+$/;
const HEADER = /^\s*Package\s+Arch\s+Version\s+Repository\s+Size\s*$/;
const SECTION = /^(\S[^:]*):$/;
/** The hint under a "Skipping packages ..." title: "(add '--best' to command line ...)". */
const SECTION_NOTE = /^\(.*\)$/;
const SUMMARY = /^Transaction Summary$/;
const ROW_START = /^ \S/;
const REPLACING = /^\s+replacing\s+(\S+)\s+(\S+)$/;
const COLUMNS = ['Package', 'Arch', 'Version', 'Repository', 'Size'] as const;

const layout = (line: number): LineOutcome => ({ ...skipped('dnf transaction table layout line'), line });

interface OpenRow {
  line: number;
  tokens: string[];
}

export class TransactionTable {
  readonly planned: PlannedChange[] = [];
  private state: 'header' | 'rows' | 'summary' | 'unreadable' = 'header';
  private section: string | undefined;
  private row: OpenRow | undefined;

  /** `text` is the table's first log line: with each row, the identity of its event. */
  constructor(
    readonly line: number,
    readonly text: string,
  ) {}

  /** Whether the message was a table provhunt could read: a header in English, then rows. */
  get readable(): boolean {
    return this.state === 'rows' || this.state === 'summary';
  }

  /** One line of the table message: its outcome now, or none while its row waits for the run's result. */
  add(text: string, lineNo: number): LineOutcome[] {
    const line = text.replace(/\s+$/, '');
    if (line === '') return [];
    if (this.state === 'header') return [this.header(line, lineNo)];
    if (this.state !== 'rows') return [{ ...skipped(this.state === 'summary' ? 'dnf transaction summary line' : 'line of an unreadable dnf transaction table'), line: lineNo }];
    if (this.row && /^\s{2,}\S/.test(line)) return this.continueRow(line, lineNo);
    return [...this.close(), ...this.tableLine(line, lineNo)];
  }

  /** The message ended: a row still waiting for the rest of its columns was cut short. */
  close(): LineOutcome[] {
    const row = this.row;
    this.row = undefined;
    return row ? [{ outcome: 'rejected', line: row.line, field: COLUMNS[row.tokens.length]!, reason: `is missing: the table row ${shown(row.tokens.join(' '))} ends before its ${COLUMNS.slice(row.tokens.length).join(', ')}` }] : [];
  }

  private header(line: string, lineNo: number): LineOutcome {
    if (HEADER.test(line)) {
      this.state = 'rows';
      return layout(lineNo);
    }
    this.state = 'unreadable';
    // dnf writes the table in the system's language; a translated one cannot be read column by column.
    return { outcome: 'rejected', line: lineNo, field: 'table', reason: `dnf transaction table header is not "Package Arch Version Repository Size" (only English tables are read): ${shown(line.trim())}` };
  }

  private tableLine(line: string, lineNo: number): LineOutcome[] {
    if (RULE.test(line) || SECTION_NOTE.test(line)) return [layout(lineNo)];
    if (SUMMARY.test(line)) {
      this.state = 'summary';
      return [layout(lineNo)];
    }
    const section = SECTION.exec(line);
    if (section) {
      this.section = section[1];
      return [layout(lineNo)];
    }
    if (/^\s/.test(line) && this.section !== undefined && !SECTION_OPS[this.section]) {
      return [{ ...skipped(`dnf transaction table section '${this.section}' lists no package changes`), line: lineNo }];
    }
    if (ROW_START.test(line)) return this.startRow(line, lineNo);
    const replacing = REPLACING.exec(line);
    if (replacing) return this.replacing(replacing[1]!, replacing[2]!, line, lineNo);
    return [{ outcome: 'rejected', line: lineNo, reason: `not a line of a dnf transaction table (a section title, a package row or its wrapped rest): ${shown(line.trim())}` }];
  }

  private startRow(line: string, lineNo: number): LineOutcome[] {
    if (this.section === undefined) return [{ outcome: 'rejected', line: lineNo, field: 'section', reason: `is missing: a package row before any section title ("Installing:", "Upgrading:", ...): ${shown(line.trim())}` }];
    this.row = { line: lineNo, tokens: [] };
    return this.continueRow(line, lineNo);
  }

  /** The size ends a row; until it is read, the next lines are the row's wrapped rest. */
  private continueRow(line: string, lineNo: number): LineOutcome[] {
    const row = this.row!;
    row.tokens.push(...line.trim().split(/\s+/));
    const continued: LineOutcome[] = lineNo === row.line ? [] : [{ ...skipped('wrapped rest of a dnf transaction table row'), line: lineNo }];
    if (row.tokens.length < COLUMNS.length) return continued;
    this.row = undefined;
    const read = atLine(row.line, () => {
      this.planned.push({ line: row.line, text: row.tokens.join(' '), change: this.changeOf(row.tokens) });
      return eventsOf();
    });
    return read.outcome === 'rejected' ? [read, ...continued] : continued;
  }

  private changeOf(tokens: string[]): PackageChange {
    const [name, arch, version, repository, ...size] = tokens as [string, string, string, string, ...string[]];
    if (!isRpmName(name)) throw new FieldError('Package', `is not an rpm package name: ${shown(name)}`);
    if (!/^[A-Za-z0-9_]+$/.test(arch)) throw new FieldError('Arch', `is not an rpm architecture: ${shown(arch)}`);
    if (!/^(\d+:)?[A-Za-z0-9._+~^]+-[A-Za-z0-9._+~^]+$/.test(version)) throw new FieldError('Version', `is not an rpm [epoch:]version-release: ${shown(version)}`);
    if (!/^\d+(\.\d+)?( [kMGTP])?$/.test(size.join(' '))) throw new FieldError('Size', `is not a size such as "47 k" (too many columns?): ${shown(size.join(' '))}`);
    return { op: SECTION_OPS[this.section!]!, name, arch, version, repository };
  }

  /** "replacing name.arch version" under a row: the package it obsoletes is removed. */
  private replacing(nameArch: string, version: string, line: string, lineNo: number): LineOutcome[] {
    const dot = nameArch.lastIndexOf('.');
    const [name, arch] = dot > 0 ? [nameArch.slice(0, dot), nameArch.slice(dot + 1)] : [nameArch, undefined];
    if (!isRpmName(name)) return [{ outcome: 'rejected', line: lineNo, field: 'replacing', reason: `is not an rpm name.arch: ${shown(nameArch)}` }];
    this.planned.push({ line: lineNo, text: line.trim(), change: { op: 'remove', name, arch, version } });
    return [];
  }
}
