import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { ingestFiles } from '../../src/ingest/ingestFiles.js';
import type { Reject } from '../../src/ingest/submit.js';
import { graphCounts, stack } from '../support/graph.js';
import { withGraphAndWorker } from '../support/workers.js';

const fixture = (...parts: string[]) => path.join(projectRoot, 'test', 'fixtures', ...parts);

/** Every adapter's fixture through the real queue and worker into Neo4j: what parses lands in the graph. */
describe('every telemetry format, end to end through the queue', () => {
  const ctx = withGraphAndWorker('formats');

  const ingest = async (files: string[], extra: { hostName?: string; format?: string } = {}) => {
    const rejects: Reject[] = [];
    const result = await ingestFiles(files, { redisUrl: stack().redisUrl, prefix: ctx.prefix, batchSize: 50, wait: true, onReject: (r) => rejects.push(r), ...extra });
    expect(result.failedBatches).toBe(0);
    return { result, rejects };
  };

  it('writes ECS, OCSF, Zeek, eslogger and Linux Sysmon XML events, every accepted event as a graph element', async () => {
    const files = [
      fixture('ecs', 'windows-elastic-defend.json'),
      fixture('ecs', 'linux-auditbeat.json'),
      fixture('ocsf', 'windows-endpoint.json'),
      fixture('ocsf', 'network-without-device.json'),
      fixture('zeek', 'conn.log'),
      fixture('zeek', 'dns.log'),
      fixture('eslogger', 'tampered-update.jsonl'),
      fixture('sysmon-linux', 'process-create.json'),
      fixture('sysmon-linux', 'network-connect.json'),
    ];
    const { result, rejects } = await ingest(files);
    expect(rejects).toEqual([]);
    expect(result.accepted).toBeGreaterThan(40);
    const counts = await graphCounts(ctx.driver);
    const perEvent = ['WROTE', 'DELETED', 'LOADED', 'CONNECTED', 'QUERIED', 'INSTALLED', 'VERIFIED'].reduce((n, t) => n + (counts[t] ?? 0), 0);
    expect(perEvent).toBeGreaterThan(10);
    const teams = await ctx.driver.executeQuery('MATCH (p:Process) WHERE p.teamId IS NOT NULL RETURN count(p) AS n');
    expect(teams.records[0]!.get('n')).toBeGreaterThan(0);
    const linux = await ctx.driver.executeQuery("MATCH (h:Host {os: 'linux'}) RETURN count(h) AS n");
    expect(linux.records[0]!.get('n')).toBeGreaterThan(0);
  });

  it('writes package installs from dpkg and apt logs for the host given with --host, and rejects them without it', async () => {
    const { rejects } = await ingest([fixture('packages', 'dpkg.log'), fixture('packages', 'history.log')], { hostName: 'build-01' });
    // The fixture's last apt block is cut off before End-Date: reported, not claimed.
    expect(rejects.map((r) => [path.basename(r.file), r.line, r.field])).toEqual([['history.log', 29, 'End-Date']]);
    const { records } = await ctx.driver.executeQuery("MATCH (:Host {id: 'build-01'})-[i:INSTALLED]->(p:Package) RETURN count(i) AS n, collect(DISTINCT p.manager) AS managers");
    expect(records[0]!.get('n')).toBeGreaterThan(0);
    expect((records[0]!.get('managers') as string[]).sort()).toEqual(['apt', 'dpkg']);

    const without = await ingest([fixture('packages', 'dpkg.log')]);
    expect(without.result.accepted).toBe(0);
    expect(without.rejects[0]).toMatchObject({ field: 'host' });
  });
});
