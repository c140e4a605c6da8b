import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { ingestFiles } from '../../src/ingest/ingestFiles.js';
import type { Reject } from '../../src/ingest/submit.js';
import { graphCounts, stack } from '../support/graph.js';
import { withGraphAndWorker } from '../support/workers.js';

const dnfLog = path.join(projectRoot, 'test', 'fixtures', 'packages', 'dnf.log');

/** dnf.log through auto-detection, the queue and a real worker into Neo4j. */
describe('dnf.log transaction tables, end to end', () => {
  const ctx = withGraphAndWorker('dnflog');

  const ingest = async () => {
    const rejects: Reject[] = [];
    const result = await ingestFiles([dnfLog], { redisUrl: stack().redisUrl, prefix: ctx.prefix, batchSize: 4, wait: true, hostName: 'build-12', onReject: (r) => rejects.push(r) });
    expect(result.failedBatches).toBe(0);
    return { result, rejects };
  };

  it('records the completed runs\' packages with their repositories, and reports the run that was cut off', async () => {
    const { result, rejects } = await ingest();
    expect(result.accepted).toBe(9);
    expect(rejects.map((r) => [path.basename(r.file), r.line, r.field])).toEqual([['dnf.log', 263, 'Complete!']]);
    const { records } = await ctx.driver.executeQuery(
      "MATCH (:Host {id: 'build-12'})-[i:INSTALLED]->(p:Package) WHERE i.op <> 'remove' RETURN p.key AS key, i.op AS op, i.version AS version, i.repository AS repository ORDER BY i.ts, key",
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { key: 'dnf|example-agent', op: 'install', version: '2.4.1-1.el9', repository: 'example-vendor' },
      { key: 'dnf|libsodium', op: 'install', version: '1.0.18-8.el9', repository: 'epel' },
      { key: 'dnf|python3-example-agent-telemetry-exporter', op: 'install', version: '2.4.1-1.el9', repository: 'example-vendor' },
      { key: 'dnf|example-agent', op: 'upgrade', version: '2.5.0-1.el9', repository: 'example-vendor' },
      { key: 'dnf|kernel', op: 'install', version: '5.14.0-362.24.1.el9_3', repository: 'baseos' },
      { key: 'dnf|kernel-core', op: 'install', version: '5.14.0-362.24.1.el9_3', repository: 'baseos' },
      { key: 'dnf|nodejs', op: 'upgrade', version: '1:18.19.0-1.module+el9.3.0+21053+3cf6bd52', repository: 'appstream' },
      { key: 'dnf|python3-example-agent-telemetry-exporter', op: 'upgrade', version: '2.5.0-1.el9', repository: 'example-vendor' },
    ]);
    const never = await ctx.driver.executeQuery("MATCH (p:Package) WHERE p.name IN ['example-debug-tools', 'example-agent-libs', 'curl', 'example-agent-plugins'] RETURN count(p) AS n");
    expect(never.records[0]!.get('n')).toBe(0);
  });

  it('changes nothing when the same log is ingested again', async () => {
    const before = await graphCounts(ctx.driver);
    await ingest();
    expect(await graphCounts(ctx.driver)).toEqual(before);
  });

  it("takes dnf.rpm.log's record of the same transaction as the same changes, not as second installs", async () => {
    // What dnf.rpm.log says of the first run above (rpm applied the packages two to four seconds after the table).
    const rpmLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-dnf-')), 'dnf.rpm.log');
    fs.writeFileSync(rpmLog, [
      '2024-03-05T14:02:14+0000 INFO --- logging initialized ---',
      '2024-03-05T14:02:15+0000 SUBDEBUG Installed: libsodium-1.0.18-8.el9.x86_64',
      '2024-03-05T14:02:15+0000 SUBDEBUG Installed: example-agent-2.4.1-1.el9.x86_64',
      '2024-03-05T14:02:16+0000 SUBDEBUG Installed: python3-example-agent-telemetry-exporter-2.4.1-1.el9.noarch',
      // A later reinstall of the same version is a change of its own.
      '2024-03-05T18:30:00+0000 SUBDEBUG Installed: libsodium-1.0.18-8.el9.x86_64',
      '',
    ].join('\n'));
    const installs = async () =>
      (await ctx.driver.executeQuery("MATCH (:Host {id: 'build-12'})-[i:INSTALLED]->(p:Package) WHERE p.name IN ['libsodium', 'example-agent'] AND i.op = 'install' RETURN p.name AS name, i.repository AS repository, i.absorbed IS NOT NULL AS twinned ORDER BY i.ts, name")).records.map((r) => r.toObject());
    const once = async () => {
      const result = await ingestFiles([rpmLog], { redisUrl: stack().redisUrl, prefix: ctx.prefix, batchSize: 4, wait: true, hostName: 'build-12', format: 'dnf', onReject: (r) => { throw new Error(JSON.stringify(r)); } });
      expect(result.failedBatches).toBe(0);
      expect(result.accepted).toBe(4);
    };
    await once();
    expect(await installs()).toEqual([
      { name: 'example-agent', repository: 'example-vendor', twinned: true },
      { name: 'libsodium', repository: 'epel', twinned: true },
      { name: 'libsodium', repository: null, twinned: false },
    ]);
    const before = await graphCounts(ctx.driver);
    await once();
    await ingest();
    expect(await graphCounts(ctx.driver)).toEqual(before);
  });

  it('pairs them the same way when dnf.rpm.log comes first, and keeps replays of either log idempotent', async () => {
    const rpmLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-dnf-')), 'dnf.rpm.log');
    fs.writeFileSync(rpmLog, '2024-03-05T14:02:15+0000 SUBDEBUG Installed: example-agent-2.4.1-1.el9.x86_64\n');
    const host = 'build-13';
    const run = async (file: string) => {
      const result = await ingestFiles([file], { redisUrl: stack().redisUrl, prefix: ctx.prefix, batchSize: 4, wait: true, hostName: host, format: 'dnf', onReject: () => {} });
      expect(result.failedBatches).toBe(0);
    };
    const installs = async () =>
      (await ctx.driver.executeQuery("MATCH (:Host {id: $host})-[i:INSTALLED]->(:Package {name: 'example-agent'}) WHERE i.op = 'install' RETURN i.repository AS repository, size(coalesce(i.absorbed, [])) AS absorbed", { host })).records.map((r) => r.toObject());
    await run(rpmLog);
    await run(dnfLog);
    expect(await installs()).toEqual([{ repository: 'example-vendor', absorbed: 1 }]);
    await run(dnfLog);
    await run(rpmLog);
    expect(await installs()).toEqual([{ repository: 'example-vendor', absorbed: 1 }]);
  });
});
