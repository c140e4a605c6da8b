import { FieldError, type LineOutcome, type TextAdapter, type TextContext, type TextParser } from '../adapter.js';
import { atLine, baseName, eventsOf, hostOf, packageEvent, shown } from './common.js';

const FORMAT = 'brew-receipt';

/**
 * Homebrew install receipts: the INSTALL_RECEIPT.json Homebrew writes into every keg
 * (`Cellar/<formula>/<version>/`) and cask (`Caskroom/<cask>/.metadata/`) it installs (Tab#write
 * in Library/Homebrew/tab.rb). Homebrew keeps no install log; the receipt is its machine-readable
 * record, with the install time (epoch seconds, UTC), the tap and the arch. It does not name its
 * package: the name (and a formula's version) come from the receipt's path. Several receipts
 * are read as `tail -n +1 <receipt files>` prints them, each after a "==> <path> <==" header.
 * A single receipt is read with `--format brew-receipt`, its path taken from the input's name.
 */
export const brewAdapter: TextAdapter = {
  format: FORMAT,
  detect: (firstLines, fileName) => (firstLines.length > 0 && HEADER.test(firstLines[0]!)) || baseName(fileName) === 'INSTALL_RECEIPT.json',
  createParser: (context) => new ReceiptParser(context),
};

const HEADER = /^==> (.*INSTALL_RECEIPT\.json) <==$/;
const FORMULA_KEG = /(?:^|\/)Cellar\/([^/]+)\/([^/]+)\/INSTALL_RECEIPT\.json$/;
const CASK_METADATA = /(?:^|\/)Caskroom\/([^/]+)\/\.metadata\/INSTALL_RECEIPT\.json$/;

interface Receipt {
  path: string;
  line: number;
  text: string[];
}

class ReceiptParser implements TextParser {
  private receipt: Receipt | undefined;

  constructor(private readonly context: TextContext) {}

  line(text: string, lineNo: number): LineOutcome[] {
    const header = HEADER.exec(text.trim());
    if (header) {
      const done = this.finish();
      this.receipt = { path: header[1]!, line: lineNo, text: [] };
      return done;
    }
    if (text.trim() === '') return [];
    this.receipt ??= { path: this.context.fileName, line: lineNo, text: [] };
    this.receipt.text.push(text);
    return [];
  }

  end(): LineOutcome[] {
    return this.finish();
  }

  private finish(): LineOutcome[] {
    const receipt = this.receipt;
    this.receipt = undefined;
    if (!receipt) return [];
    return [atLine(receipt.line, () => eventsOf(this.eventOf(receipt)))];
  }

  private eventOf(receipt: Receipt) {
    const tab = parseReceipt(receipt);
    const pkg = packageOf(receipt.path, tab);
    const ts = installTime(tab);
    const source = isObj(tab.source) ? tab.source : {};
    const host = hostOf(this.context, isLinuxbrew(receipt.path, tab) ? 'linux' : 'macos');
    return packageEvent(
      { format: FORMAT, manager: 'brew', host, ts, text: `${receipt.path}|${ts}` },
      // Without a tap the formula came from a local file or URL: where it came from is that path.
      { op: 'install', name: pkg.name, version: pkg.version, arch: optionalText(tab, 'arch'), repository: optionalText(source, 'tap', 'source') ?? optionalText(source, 'path', 'source') },
    );
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseReceipt(receipt: Receipt): Obj {
  const text = receipt.text.join('\n');
  if (text.trim() === '') throw new FieldError('INSTALL_RECEIPT.json', `is empty: ${receipt.path}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FieldError('INSTALL_RECEIPT.json', `is not valid JSON (${(err as Error).message}): ${receipt.path}`);
  }
  if (!isObj(value)) throw new FieldError('INSTALL_RECEIPT.json', `is not a JSON object: ${receipt.path}`);
  return value;
}

/** A formula's version is its keg directory (pkg_version, "7.88.1_1"); a cask's is in the receipt. */
function packageOf(path: string, tab: Obj): { name: string; version?: string } {
  const keg = FORMULA_KEG.exec(path);
  if (keg) return { name: keg[1]!, version: keg[2] };
  const cask = CASK_METADATA.exec(path);
  if (cask) return { name: cask[1]!, version: optionalText(isObj(tab.source) ? tab.source : {}, 'version', 'source') };
  throw new FieldError('path', `must be …/Cellar/<formula>/<version>/INSTALL_RECEIPT.json or …/Caskroom/<cask>/.metadata/INSTALL_RECEIPT.json, since the receipt does not name its package: ${shown(path)}`);
}

function installTime(tab: Obj): number {
  const time = tab.time;
  if (time === undefined || time === null) throw new FieldError('time', 'is missing');
  if (typeof time !== 'number' || !Number.isSafeInteger(time) || time <= 0) throw new FieldError('time', `must be epoch seconds, got ${shown(JSON.stringify(time))}`);
  return time * 1000;
}

function optionalText(o: Obj, key: string, base?: string): string | undefined {
  const value = o[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new FieldError(base ? `${base}.${key}` : key, `must be a string, got ${shown(JSON.stringify(value))}`);
  return value;
}

/** Homebrew on Linux keeps its prefix under /home/linuxbrew and records the build OS. */
function isLinuxbrew(path: string, tab: Obj): boolean {
  const builtOn = isObj(tab.built_on) ? tab.built_on.os : undefined;
  return path.includes('/home/linuxbrew/') || builtOn === 'Linux';
}
