import type { ParseOutcome, SourceAdapter } from './adapter.js';
import { sysmonAdapter } from './sysmon/sysmon.js';
import { windowsEventChannel } from './sysmon/envelope.js';

/** Every adapter, in the order auto-detection asks them. */
export const adapters: SourceAdapter[] = [sysmonAdapter];

export function adapterByFormat(format: string): SourceAdapter {
  const adapter = adapters.find((a) => a.format === format);
  if (!adapter) throw new Error(`unknown format '${format}' (known: ${adapters.map((a) => a.format).join(', ')})`);
  return adapter;
}

/**
 * Parses one decoded record, auto-detecting its format unless one is forced. Windows events from
 * channels no adapter models (Security, PowerShell...) are skipped with a reason, not rejected.
 */
export function parseRecord(record: unknown, forced?: SourceAdapter): ParseOutcome {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { outcome: 'rejected', reason: 'record is not a JSON object' };
  }
  const obj = record as Record<string, unknown>;
  const adapter = forced ?? adapters.find((a) => a.recognizes(obj));
  if (adapter) return adapter.parse(obj);
  const channel = windowsEventChannel(obj);
  if (channel) return { outcome: 'skipped', reason: `windows channel '${channel}' is not modelled` };
  return { outcome: 'rejected', reason: 'no adapter recognizes this record' };
}
