import neo4j, { type Driver } from 'neo4j-driver';
import { shortHash } from '../src/adapters/identity.js';
import { severityOf, type EvidenceStep, type Finding } from '../src/analytics/findings.js';
import { FindingsService } from '../src/services/findingsService.js';
import { DROP_PREFIX } from './apiGraph.js';

/** Analytics by share of findings, most frequent first (AN0862 is the main write-then-run chain). */
const ANALYTICS: Array<[string, number]> = [['AN0862', 0.5], ['AN0864', 0.2], ['AN0863', 0.1], ['AN0940', 0.1], ['AN0445', 0.1]];
const SIGNALS = ['unsigned-first-run', 'temp-path', 'new-destination', 'shell-child', 'rare-binary'];

/** The drop chains: writer → dropped executable ← its first run → destination. */
const DROP_CHAINS = `
MATCH (f:File) WHERE f.name STARTS WITH $prefix
MATCH (installer:Process)-[w:WROTE]->(f)<-[:EXECUTED]-(run:Process)-[c:CONNECTED]->(ip:IP)
WITH installer, w, f, run, c, ip ORDER BY rand() LIMIT $limit
RETURN installer {.uid, .hostId, .imageName, .commandLine, .startTs, .source} AS installer, w {.ts, .source} AS write,
       f {.uid, .path} AS file, run {.uid, .commandLine, .startTs, .source} AS run, c {.ts, .dstPort, .source} AS connection, ip.address AS ip`;

interface Chain {
  installer: { uid: string; hostId: string; imageName: string; commandLine: string; startTs: number; source: string };
  write: { ts: number; source: string };
  file: { uid: string; path: string };
  run: { uid: string; commandLine: string; startTs: number; source: string };
  connection: { ts: number; dstPort: number; source: string };
  ip: string;
}

/** Stores `count` findings (at most one per drop chain) through FindingsService.upsert, the analytics' path. */
export async function createFindings(driver: Driver, count: number, database?: string): Promise<number> {
  const { records } = await driver.executeQuery(DROP_CHAINS, { prefix: DROP_PREFIX, limit: neo4j.int(count) }, { database, routing: 'READ' });
  const findings = records.map((r, i) => findingOf(r.toObject() as unknown as Chain, i));
  const service = new FindingsService(driver, database);
  for (let i = 0; i < findings.length; i += 500) await service.upsert(findings.slice(i, i + 500));
  return findings.length;
}

function findingOf(chain: Chain, i: number): Finding {
  const analytic = pickAnalytic((i * 0.618034) % 1);
  const signals = SIGNALS.filter((_, s) => (i >> s) & 1);
  const score = Math.min(100, 30 + 12 * signals.length);
  const evidence: EvidenceStep[] = [
    { stage: 1, role: 'installer', kind: 'Process', key: chain.installer.uid, label: chain.installer.commandLine, ts: chain.installer.startTs, source: chain.installer.source },
    { stage: 2, role: 'written-binary', kind: 'File', key: chain.file.uid, label: chain.file.path, ts: chain.write.ts, source: chain.write.source },
    { stage: 3, role: 'first-run', kind: 'Process', key: chain.run.uid, label: chain.run.commandLine, ts: chain.run.startTs, source: chain.run.source },
    { stage: 4, role: 'connection', kind: 'IP', key: chain.ip, label: `${chain.ip}:${chain.connection.dstPort}`, ts: chain.connection.ts, source: chain.connection.source },
  ];
  const times = evidence.map((e) => e.ts!);
  return {
    id: `${analytic}-${shortHash([analytic, chain.installer.hostId, chain.run.uid].join('|'))}`,
    analytic,
    hostId: chain.installer.hostId,
    hostName: chain.installer.hostId,
    severity: severityOf(score),
    score,
    reasons: signals.map((s) => `${s}: ${chain.file.path}`),
    signals,
    firstSeen: Math.min(...times),
    lastSeen: Math.max(...times),
    evidence,
    facts: { installer: chain.installer.imageName, signer: null, destinations: [chain.ip] },
  };
}

function pickAnalytic(roll: number): string {
  let sum = 0;
  for (const [id, share] of ANALYTICS) if (roll < (sum += share)) return id;
  return ANALYTICS[0]![0];
}
