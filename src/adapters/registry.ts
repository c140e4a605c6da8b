import type { InputContext, ParseOutcome, SourceAdapter, TextAdapter } from './adapter.js';
import { ecsAdapter } from './ecs/ecs.js';
import { esloggerAdapter } from './eslogger/eslogger.js';
import { ocsfAdapter } from './ocsf/ocsf.js';
import { packageLogAdapters } from './packages/index.js';
import { zeekAdapter } from './zeek/zeek.js';
import { sysmonLinuxXmlAdapter } from './sysmon/linuxXml.js';
import { sysmonAdapter } from './sysmon/sysmon.js';
import { windowsEventChannel } from './sysmon/envelope.js';

/** Every JSON adapter, in the order auto-detection asks them (most specific first). */
export const adapters: SourceAdapter[] = [sysmonAdapter, sysmonLinuxXmlAdapter, ocsfAdapter, zeekAdapter, esloggerAdapter, ecsAdapter];

/** Line-oriented text adapters (package-manager logs), detected per input. */
export const textAdapters: TextAdapter[] = packageLogAdapters;

export const knownFormats = () => [...adapters, ...textAdapters].map((a) => a.format);

export function adapterByFormat(format: string): SourceAdapter | TextAdapter {
  const adapter = [...adapters, ...textAdapters].find((a) => a.format === format);
  if (!adapter) throw new Error(`unknown format '${format}' (known: ${knownFormats().join(', ')})`);
  return adapter;
}

export function detectTextAdapter(firstLines: string[], fileName: string): TextAdapter | undefined {
  return textAdapters.find((a) => a.detect(firstLines, fileName));
}

/**
 * Parses one decoded record, auto-detecting its format unless one is forced. Windows events from
 * channels no adapter models (Security, PowerShell...) are skipped with a reason, not rejected.
 */
export function parseRecord(record: unknown, forced?: SourceAdapter, input?: InputContext): ParseOutcome {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { outcome: 'rejected', reason: 'record is not a JSON object' };
  }
  const obj = record as Record<string, unknown>;
  const adapter = forced ?? adapters.find((a) => a.recognizes(obj));
  if (adapter) return adapter.parse(obj, input);
  const channel = windowsEventChannel(obj);
  if (channel) return { outcome: 'skipped', reason: `windows channel '${channel}' is not modelled` };
  return { outcome: 'rejected', reason: 'no adapter recognizes this record' };
}
