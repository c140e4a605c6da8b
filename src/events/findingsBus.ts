import type { Redis } from 'ioredis';
import type { Severity } from '../analytics/findings.js';
import type { Logger } from '../log.js';

export type FindingChangeKind = 'created' | 'updated';

/** What the process that upserted a finding announces: enough to filter without reading the graph. */
export interface FindingChange {
  id: string;
  kind: FindingChangeKind;
  analytic: string;
  severity: Severity;
  status: string;
  /** When the upsert committed (epoch ms, by the upserting process's clock). */
  at: number;
}

/** The pub/sub topic; its Redis channel is `<queue prefix>:findings:changed`. */
export const FINDING_CHANGED = 'findings:changed';
export type FindingChangeTopics = { [FINDING_CHANGED]: [FindingChange] };

export const topicChannel = (prefix: string, topic: string) => `${prefix}:${topic}`;

type Announcer = (changes: FindingChange[]) => void;
const announcers = new Set<Announcer>();

/**
 * Every upsert of findings, in whichever process it runs, is announced to the announcers that
 * process installed (a worker's or an API's Redis publisher). Returns the uninstaller.
 */
export function addFindingsAnnouncer(announcer: Announcer): () => void {
  announcers.add(announcer);
  return () => announcers.delete(announcer);
}

/** Called by FindingsService.upsert; never throws, never waits: detection must not depend on Redis. */
export function announceFindingChanges(changes: FindingChange[]): void {
  if (changes.length === 0) return;
  for (const announce of announcers) announce(changes);
}

/** An announcer that publishes each change on the prefix's Redis channel, one pipeline per upsert. */
export function redisAnnouncer(redis: Redis, prefix: string, log: Logger): Announcer {
  const channel = topicChannel(prefix, FINDING_CHANGED);
  return (changes) => {
    const pipeline = redis.pipeline();
    for (const change of changes) pipeline.publish(channel, JSON.stringify(change));
    pipeline.exec().catch((err: Error) => log.warn({ err: err.message, changes: changes.length }, 'could not publish finding changes'));
  };
}
