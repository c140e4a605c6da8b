#!/usr/bin/env node
/**
 * Repeated-event benchmark: one process repeating the same events between the same two nodes
 * (an implant beaconing to one address, resolving one name, appending to one log, loading one
 * DLL) written batch after batch through the ingest writes. Each per-event relationship is looked
 * up by its eventId, so a batch should cost the same however many of the pair's events came
 * before; this measures whether it does (first against last batch), and that a replayed batch
 * adds nothing.
 *
 *   npm run build && node dist/bench/repeatedEvents.js --batches 10 --batch 5000
 */
import { parseArgs } from 'node:util';
import { detectAfterBatch } from '../src/analytics/detector.js';
import { createDriver } from '../src/graph/driver.js';
import { migrate } from '../src/graph/migrate.js';
import { writeEvents } from '../src/graph/writeEvents.js';
import type { NormalizedEvent } from '../src/model/event.js';
import { StageClock } from '../src/stageClock.js';
import { benchStack, machineLine, percentile, rssSampler } from './support.js';

const { values } = parseArgs({
  options: {
    batches: { type: 'string', default: '10' },
    batch: { type: 'string', default: '5000' },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '1024' },
    detect: { type: 'boolean', default: false },
    // Time between two events of the implant: 100 ms keeps 50,000 of them inside AN0862's 90-minute window.
    'interval-ms': { type: 'string', default: '1000' },
    os: { type: 'string', default: 'windows' },
  },
});
const batches = Number(values.batches);
const batchSize = Number(values.batch);

/**
 * Where the implant lives on each platform, the installer that put it there (each chain's defaults),
 * and what starts it: on Linux and macOS a run under the installer is part of the install, not a first run.
 */
const platforms = {
  windows: { installer: 'C:\\Windows\\System32\\msiexec.exe', commandLine: 'msiexec.exe /i vendor.msi /qn', implant: 'C:\\Program Files\\Vendor\\update.exe', log: 'C:\\ProgramData\\Vendor\\update.log', module: 'C:\\Windows\\System32\\winhttp.dll', starter: undefined },
  linux: { installer: '/usr/bin/dpkg', commandLine: 'dpkg -i vendor-agent.deb', implant: '/usr/bin/vendor-agent', log: '/var/log/vendor-agent.log', module: '/usr/lib/x86_64-linux-gnu/libcurl.so.4', starter: '/usr/lib/systemd/systemd' },
  macos: { installer: '/usr/sbin/installer', commandLine: 'installer -pkg Vendor.pkg -target /', implant: '/Applications/Vendor.app/Contents/MacOS/Vendor', log: '/Library/Logs/Vendor.log', module: '/usr/lib/libcurl.4.dylib', starter: '/sbin/launchd' },
} as const;
const os = values.os as keyof typeof platforms;
if (!(os in platforms)) throw new Error(`--os: expected windows, linux or macos, got "${values.os}"`);
const paths = platforms[os];
const host = { id: 'beacon-bench', name: 'beacon-bench', os };
const installer = { uid: 'beacon-bench|{installer}', pid: 4000, image: paths.installer };
const actor = { uid: 'beacon-bench|{implant}', pid: 4242, image: paths.implant };
const t0 = Date.parse('2024-05-01T00:00:00Z');

/** The n-th event of the implant: four kinds in turn, each always between the same two nodes. */
function repeatedEvent(n: number): NormalizedEvent {
  const base = { v: 1 as const, id: `beacon-${n}`, ts: t0 + n * Number(values['interval-ms']), host, source: { format: 'bench', recordId: `beacon-${n}` } };
  switch (n % 4) {
    case 0: return { ...base, kind: 'dns.query', actor, query: 'cdn.beacon.example', answers: ['203.0.113.7'] };
    case 1: return { ...base, kind: 'network.connect', actor, direction: 'outbound', protocol: 'tcp', dstIp: '203.0.113.7', dstPort: 443 };
    case 2: return { ...base, kind: 'file', op: 'modify', actor, path: paths.log };
    default: return { ...base, kind: 'module.load', actor, path: paths.module };
  }
}
const batchOf = (index: number) => Array.from({ length: batchSize }, (_, i) => repeatedEvent(index * batchSize + i));

/** An installer writes the implant's binary and starts it: the chain the analytics look for. */
function installedImplant(): NormalizedEvent[] {
  const base = (id: string, ts: number) => ({ v: 1 as const, id, ts, host, source: { format: 'bench', recordId: id } });
  return [
    { ...base('install-start', t0 - 60_000), kind: 'process.start', process: { ...installer, commandLine: paths.commandLine } },
    { ...base('install-write', t0 - 30_000), kind: 'file', op: 'create', actor: installer, path: actor.image, hashes: { sha256: 'b'.repeat(64) } },
    { ...base('implant-start', t0 - 10_000), kind: 'process.start', process: { ...actor, commandLine: `"${actor.image}"`, hashes: { sha256: 'b'.repeat(64) } }, parent: paths.starter ? { uid: 'beacon-bench|{starter}', pid: 1, image: paths.starter } : installer },
  ];
}

const stack = await benchStack({ heap: values.heap!, pageCacheMb: Number(values.pagecache) });
const driver = createDriver(stack.connections.neo4j);
const neo4jMemory = stack.neo4jPid ? rssSampler(stack.neo4jPid) : undefined;
try {
  await migrate(driver);
  const batchMs: number[] = [];
  const detectMs: number[] = [];
  const detectStages: Record<string, number>[] = [];
  const started = performance.now();
  if (values.detect) await writeEvents(driver, installedImplant());
  for (let b = 0; b < batches; b++) {
    const events = batchOf(b);
    const b0 = performance.now();
    const plan = await writeEvents(driver, events);
    batchMs.push(Math.round(performance.now() - b0));
    if (values.detect) {
      const d0 = performance.now();
      const clock = new StageClock();
      await detectAfterBatch(driver, events, undefined, plan, clock);
      detectMs.push(Math.round(performance.now() - d0));
      detectStages.push(clock.stagesMs);
    }
    process.stderr.write(`batch ${b + 1}/${batches}: write ${batchMs.at(-1)} ms${values.detect ? `, detect ${detectMs.at(-1)} ms ${JSON.stringify(detectStages.at(-1))}` : ''}\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  const r0 = performance.now();
  await writeEvents(driver, batchOf(0));
  const replayMs = Math.round(performance.now() - r0);
  const { records } = await driver.executeQuery('MATCH (:Process {uid: $uid})-[r]->() WHERE r.eventId STARTS WITH "beacon-" RETURN count(r) AS n', { uid: actor.uid });
  const sorted = [...batchMs].sort((a, b) => a - b);
  const result = {
    machine: machineLine(),
    events: batches * batchSize,
    batchSize,
    relationshipsOfThePairs: Number(records[0]!.get('n')),
    eventsPerSecond: Math.round((batches * batchSize) / seconds),
    batchMs: { first: batchMs[0], last: batchMs.at(-1), p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) },
    everyBatchMs: batchMs,
    detectMsPerBatch: values.detect ? detectMs : undefined,
    detectStagesMsPerBatch: values.detect ? detectStages : undefined,
    findings: values.detect ? await findingsOfTheImplant() : undefined,
    replayOfFirstBatchMs: replayMs,
    peakMb: { bench: Math.round(process.resourceUsage().maxRSS / 1024), neo4j: neo4jMemory?.peakMb() },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (result.relationshipsOfThePairs !== batches * batchSize) throw new Error(`expected ${batches * batchSize} relationships, found ${result.relationshipsOfThePairs}`);
} finally {
  neo4jMemory?.stop();
  await driver.close();
  await stack.stop();
}

/** Findings on the bench host, by analytic (the chain is found once, however many batches touch it). */
async function findingsOfTheImplant(): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery("MATCH (f:Finding) WHERE f.hostName = $host RETURN f.analytic AS analytic, count(*) AS n", { host: host.name });
  return Object.fromEntries(records.map((r) => [r.get('analytic') as string, Number(r.get('n'))]));
}
