import { guard, type ParseOutcome, type SourceAdapter } from '../adapter.js';
import { contextOf, type Context } from './context.js';
import { categoriesOf, familyOf, looksLikeEcs, notAnObservation, unwrapHit, type Category } from './envelope.js';
import { fileEvents, libraryEvents } from './file.js';
import type { Obj } from './fields.js';
import { dnsEvents, networkEvents } from './network.js';
import { processEvents } from './process.js';

/**
 * Elastic Common Schema endpoint events: Elastic Defend / Elastic Endpoint (7.x included),
 * Winlogbeat with ECS fields (channels other than Sysmon) and Auditbeat (system process / socket,
 * file_integrity), as documents or as Elasticsearch hits.
 */
export const ecsAdapter: SourceAdapter = {
  format: 'ecs',
  recognizes: looksLikeEcs,
  parse: (record) => guard(() => parseEcs(unwrapHit(record))),
};

const BUILDERS: Record<Category, (ctx: Context) => ParseOutcome> = {
  process: processEvents,
  library: libraryEvents,
  file: fileEvents,
  network: networkEvents,
  dns: dnsEvents,
};

function parseEcs(record: Obj): ParseOutcome {
  // Time and host first: a record without them is malformed whatever it describes.
  const ctx = contextOf(record);
  const notObserved = notAnObservation(record);
  if (notObserved) return { outcome: 'skipped', reason: notObserved };
  const categories = categoriesOf(record);
  const family = familyOf(record, categories);
  if (!family) {
    const named = categories.length > 0 ? `event.category '${categories.join(',')}'` : 'event without event.category';
    return { outcome: 'skipped', reason: `ecs ${named} is not modelled` };
  }
  return BUILDERS[family](ctx);
}
