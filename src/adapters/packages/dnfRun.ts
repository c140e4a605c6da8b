import type { LineOutcome, TextContext } from '../adapter.js';
import { atLine, eventsOf, hostOf, packageEvent, skipped } from './common.js';
import { TransactionTable } from './dnfTable.js';
import { parseLogTime } from './time.js';

const notAChange = (line: number): LineOutcome => ({ ...skipped('dnf log line is not a package change'), line });

/** The table ended and the run has not said yet how it went. */
interface Pending {
  table: TransactionTable;
  /** When the RPM transaction started ("Running transaction"): the packages are written from then on. */
  ranAt?: number;
  /** Why the run installs nothing even if it completes (--downloadonly, tsflags=test). */
  installsNothing?: string;
}

/**
 * What dnf.log says about the transaction of a dnf run: the table of what it planned, then how
 * the run ended. After the table dnf downloads, checks and runs the transaction, and its last word
 * is "Complete!" (dnf/cli/main.py), an error ("Error: Transaction test error: ...", "Operation
 * aborted."), or nothing at all when it was killed. Only a completed run's table is claimed; with
 * --downloadonly or tsflags=test dnf says "Complete!" too, having installed nothing.
 */
export class DnfRun {
  private commandLine: string | undefined;
  private table: TransactionTable | undefined;
  private pending: Pending | undefined;

  constructor(private readonly context: TextContext) {}

  /** A line without a log prefix: part of the table message, when one is open. */
  continuation(text: string, lineNo: number): LineOutcome[] | undefined {
    return this.table?.add(text, lineNo);
  }

  /** A log line ends the table message, if one is open; a row cut short by it is rejected. */
  closeMessage(): LineOutcome[] {
    const table = this.table;
    if (!table) return [];
    this.table = undefined;
    const closed = table.close();
    // A translated table was rejected at its header; a rule without a header was no table at all.
    if (!table.readable) return [...closed, { ...skipped('dnf log line that starts no readable transaction table'), line: table.line }];
    this.pending = { table };
    return closed;
  }

  /** The outcomes of a log line that is not a package change: none yet for a table's first line, which waits for the run's result. */
  logLine(time: string, level: string, message: string, text: string, lineNo: number): LineOutcome[] {
    if (/^Command: /.test(message)) this.commandLine = message.slice('Command: '.length).trim();
    if (/^=+$/.test(message)) {
      const cut = this.cutOff();
      this.table = new TransactionTable(lineNo, text);
      return cut;
    }
    return [notAChange(lineNo), ...(this.pending ? this.progress(time, level, message, lineNo) : [])];
  }

  /** A new run (or the end of the log): a transaction still without a result is cut off. */
  end(): LineOutcome[] {
    const closed = this.closeMessage();
    this.commandLine = undefined;
    return [...closed, ...this.cutOff()];
  }

  /** What a line after the table says about the pending transaction. */
  private progress(time: string, level: string, message: string, lineNo: number): LineOutcome[] {
    const pending = this.pending!;
    if (message === 'Complete!') return pending.installsNothing ? this.notInstalled(pending.installsNothing) : this.complete(time, lineNo);
    if (level === 'CRITICAL' || /^Error:/.test(message) || message === 'Operation aborted.') return this.notInstalled(`the dnf transaction failed (${message})`);
    if (/will only download packages/.test(message)) pending.installsNothing = `dnf only downloaded the packages (${message})`;
    if (message !== 'Running transaction') return [];
    const started = atLine(lineNo, () => {
      pending.ranAt = parseLogTime(time, 'timestamp');
      return eventsOf();
    });
    return started.outcome === 'rejected' ? [started] : [];
  }

  /** The run completed: each planned row is a package change, at the time the transaction ran. */
  private complete(time: string, lineNo: number): LineOutcome[] {
    const { table, ranAt } = this.pending!;
    this.pending = undefined;
    const rows = table.planned.map((row) =>
      atLine(row.line, () => {
        const record = { format: 'dnf', manager: 'dnf' as const, ts: ranAt ?? parseLogTime(time, 'timestamp'), host: hostOf(this.context, 'linux'), text: `${table.text}|${row.text}` };
        return eventsOf(packageEvent(record, { ...row.change, commandLine: this.commandLine }));
      }),
    );
    return [{ ...skipped(`dnf transaction table: its rows are the package changes, completed at line ${lineNo}`), line: table.line }, ...rows];
  }

  private notInstalled(reason: string): LineOutcome[] {
    const { table } = this.pending!;
    this.pending = undefined;
    const why = `${reason}: the table's planned changes are not claimed`;
    return [table.line, ...table.planned.map((row) => row.line)].map((line) => ({ ...skipped(why), line }));
  }

  /**
   * A table whose run never said "Complete!" nor failed: dnf was killed, is still running, or the
   * log copy ends mid-run. Like an apt history block without End-Date, its changes are not claimed.
   */
  private cutOff(): LineOutcome[] {
    const table = this.pending?.table;
    if (!table) return [];
    this.pending = undefined;
    const rows = table.planned.map((row) => ({ ...skipped(`planned in the dnf transaction at line ${table.line}, which never completed`), line: row.line }));
    return [{ outcome: 'rejected', line: table.line, field: 'Complete!', reason: 'is missing: the dnf run was cut off (killed, still running, or the log copy ends mid-run), so its planned changes are not claimed' }, ...rows];
  }
}
