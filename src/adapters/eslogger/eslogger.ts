import { guard, type InputContext, type ParseOutcome, type SourceAdapter } from '../adapter.js';
import type { NormalizedEvent } from '../../model/event.js';
import { bodyNameOf, contextOf, eventTypeOf, FORMAT, looksLikeEslogger, type Context } from './envelope.js';
import { closeEvent, createEvent, renameEvent, unlinkEvent, writeEvent } from './fileEvents.js';
import { execEvent, exitEvent, forkEvent } from './processEvents.js';
import { codeSigningInvalidatedEvent, gatekeeperOverrideEvent, malwareDetectedEvent, malwareRemediatedEvent } from './verdictEvents.js';

/**
 * Apple's Endpoint Security as JSON lines from `eslogger` (macOS 13+): one `es_message_t` per line,
 * `event_type` the numeric `es_event_type_t` and the body under `event.<name>`. eslogger only
 * subscribes to NOTIFY events, so every record is an observation, never an authorization request.
 */
export const esloggerAdapter: SourceAdapter = {
  format: FORMAT,
  recognizes: looksLikeEslogger,
  parse: (record, input) => guard(() => parseEslogger(record, input)),
};

type Builder = (ctx: Context) => NormalizedEvent | undefined;

interface Mapping {
  name: string;
  build: Builder;
  /** Why a record of this type can carry nothing to map (the builder returned undefined). */
  empty?: string;
}

/** ES_EVENT_TYPE_NOTIFY_* values from ESTypes.h that provhunt models. */
const MAPPINGS: Record<number, Mapping> = {
  9: { name: 'exec', build: execEvent },
  11: { name: 'fork', build: forkEvent },
  12: { name: 'close', build: closeEvent, empty: 'eslogger close of a file that was not modified' },
  13: { name: 'create', build: createEvent },
  15: { name: 'exit', build: exitEvent },
  25: { name: 'rename', build: renameEvent },
  32: { name: 'unlink', build: unlinkEvent },
  33: { name: 'write', build: writeEvent },
  94: { name: 'cs_invalidated', build: codeSigningInvalidatedEvent },
  112: { name: 'xp_malware_detected', build: malwareDetectedEvent },
  113: { name: 'xp_malware_remediated', build: malwareRemediatedEvent, empty: 'eslogger xp_malware_remediated without a remediated_path' },
  146: { name: 'gatekeeper_user_override', build: gatekeeperOverrideEvent, empty: 'eslogger gatekeeper_user_override without a file path' },
};

function parseEslogger(record: Record<string, unknown>, input?: InputContext): ParseOutcome {
  const eventType = eventTypeOf(record);
  const mapping = MAPPINGS[eventType];
  if (!mapping) {
    // Checked before the rest of the record: unmodelled types (open, mmap...) are most of a capture.
    return { outcome: 'skipped', reason: `eslogger event_type ${eventType} (${bodyNameOf(record) ?? 'no event body'}) is not modelled` };
  }
  const event = mapping.build(contextOf(record, eventType, mapping.name, input));
  if (!event) return { outcome: 'skipped', reason: mapping.empty ?? `eslogger ${mapping.name} carries nothing to map` };
  return { outcome: 'events', events: [event] };
}
