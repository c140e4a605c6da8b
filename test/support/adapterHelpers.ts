import { expect } from 'vitest';
import type { SourceAdapter } from '../../src/adapters/adapter.js';
import type { NormalizedEvent } from '../../src/model/event.js';

/** Shared by the adapter tests: parse and insist on events, index safely, patch nested records. */
export type Rec = Record<string, unknown>;

export const at = <T>(list: T[], i: number): T => {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
};

export function eventsFrom(adapter: SourceAdapter, record: unknown): NormalizedEvent[] {
  const outcome = adapter.parse(record as Rec);
  if (outcome.outcome !== 'events') throw new Error(`expected events, got ${JSON.stringify(outcome)}`);
  return outcome.events;
}

export function onlyEventFrom(adapter: SourceAdapter, record: unknown): NormalizedEvent {
  const events = eventsFrom(adapter, record);
  expect(events).toHaveLength(1);
  return at(events, 0);
}

/** A deep copy with `patch` applied at dotted paths of the nested record (undefined deletes). */
export function withNestedFields(record: Rec, patch: Record<string, unknown>): Rec {
  const copy = structuredClone(record);
  for (const [dotted, value] of Object.entries(patch)) {
    const parts = dotted.split('.');
    let node = copy;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Rec;
    const last = parts[parts.length - 1]!;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy;
}
