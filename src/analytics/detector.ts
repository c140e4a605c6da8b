import type { Driver } from 'neo4j-driver';
import { hostOfUid } from '../adapters/identity.js';
import { planWrites, type WritePlan } from '../graph/eventRows.js';
import { detectionCypher } from './planGenerations.js';
import type { NormalizedEvent } from '../model/event.js';
import { StageClock } from '../stageClock.js';
import { FindingsService } from '../services/findingsService.js';
import { TuningService } from '../services/tuningService.js';
import { touchedBy, type BatchTouch } from './candidates.js';
import { loadCatalog, type Analytic } from './catalog.js';
import { analyticParams, anchorsInWindow, evaluateAnchors, reachMs } from './evaluate.js';
import type { Finding } from './findings.js';

const tuningServices = new WeakMap<Driver, TuningService>();

/** One tuning reader per driver, so its refresh interval holds across batches. */
function tuningOf(driver: Driver, database?: string): TuningService {
  let service = tuningServices.get(driver);
  if (!service) tuningServices.set(driver, (service = new TuningService(driver, database)));
  return service;
}

interface Neighbourhood {
  processes: Array<{ uid: string; imageName: string | null }>;
  /** Files some process wrote: the only possible anchors of file-anchored analytics. */
  fileUids: string[];
  windowHostIds: string[];
}

/**
 * Continuous detection after an ingest batch: only the anchors the batch can have changed are
 * re-evaluated (the files and processes it touched, their ancestors and images), so cost follows
 * the new data rather than the size of the graph. Host-level telemetry (Zeek, package logs)
 * re-scans its hosts' window, since it names no process.
 */
export async function detectAfterBatch(
  driver: Driver,
  events: NormalizedEvent[],
  database?: string,
  plan: WritePlan = planWrites(events),
  clock = new StageClock(),
): Promise<number> {
  if (events.length === 0) return 0;
  await clock.time('tuning', () => tuningOf(driver, database).refresh());
  const touch = touchedBy(plan);
  const hood = await clock.time('neighbourhood', () => neighbourhoodOf(driver, touch, database));
  const oses = new Set(events.map((e) => e.host.os));
  const osByHost = new Map(events.map((e) => [e.host.id, e.host.os]));
  const findings: Finding[] = [];
  for (const analytic of loadCatalog()) {
    if (!analytic.platforms.some((p) => oses.has(p) || oses.has('unknown'))) continue;
    const params = analyticParams(analytic);
    const scope = { since: touch.minTs - reachMs(params), until: touch.maxTs + reachMs(params) };
    await clock.time(analytic.id, async () => {
      const anchorUids = (await anchorsFor(driver, analytic, hood, scope, database)).filter((uid) => onPlatformOf(analytic, osByHost, uid));
      if (anchorUids.length > 0) findings.push(...(await evaluateAnchors(driver, analytic, params, scope, anchorUids, database)));
    });
  }
  // One upsert per batch: one transaction and one look at the suppressions, whatever the analytics found.
  await clock.time('upsert', () => new FindingsService(driver, database).upsert(findings));
  return findings.length;
}

async function neighbourhoodOf(driver: Driver, touch: BatchTouch, database?: string): Promise<Neighbourhood> {
  const { records } = await driver.executeQuery(
    detectionCypher('analytics/_shared/neighbourhood'),
    // Lists inside a map: one plan whatever their sizes (see evaluate.ts).
    { touched: { processUids: touch.processUids, startedUids: touch.startedUids, fileUids: touch.fileUids, hostIps: touch.windowHostIps } },
    { database, routing: 'READ' },
  );
  const row = records[0];
  return {
    processes: (row?.get('processes') as Neighbourhood['processes']) ?? [],
    fileUids: (row?.get('writtenFileUids') as string[]) ?? [],
    windowHostIds: [...new Set([...touch.windowHostIds, ...((row?.get('ipHostIds') as string[]) ?? [])])],
  };
}

async function anchorsFor(driver: Driver, analytic: Analytic, hood: Neighbourhood, scope: { since: number; until: number }, database?: string): Promise<string[]> {
  const seeds = analytic.anchor.kind === 'file' ? hood.fileUids : processSeeds(analytic, hood);
  if (hood.windowHostIds.length === 0) return seeds;
  const scanned = await anchorsInWindow(driver, analytic, { ...scope, hostIds: hood.windowHostIds }, database);
  return [...new Set([...seeds, ...scanned])];
}

/** Processes of the neighbourhood that a process-anchored analytic anchors on (by image name, when it names some). */
function processSeeds(analytic: Analytic, hood: Neighbourhood): string[] {
  const names = new Set(analytic.anchor.imageNames.map((n) => n.toLowerCase()));
  return hood.processes.filter((p) => names.size === 0 || (p.imageName !== null && names.has(p.imageName))).map((p) => p.uid);
}

/** Anchors on hosts of another platform are not this analytic's. */
function onPlatformOf(analytic: Analytic, osByHost: Map<string, string>, uid: string): boolean {
  const os = osByHost.get(hostOfUid(uid));
  return os === undefined || os === 'unknown' || (analytic.platforms as string[]).includes(os);
}
