import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { ApiKeysService } from '../../src/services/apiKeysService.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { runCli } from '../support/cli.js';
import { startWorkerProcess, stopProcess } from '../support/workers.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');


describe('the provhunt CLI against the real stack', () => {
  const prefix = uniquePrefix('cli');
  let driver: Driver;
  let worker: ChildProcess;
  let cwd: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    driver = await freshGraph();
    worker = startWorkerProcess(stack(), prefix);
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-cli-'));
    env = { NEO4J_URI: stack().neo4j.uri, NEO4J_PASSWORD: stack().neo4j.password, REDIS_URL: stack().redisUrl, PROVHUNT_QUEUE_PREFIX: prefix, PROVHUNT_HOME: cwd };
  });
  afterAll(async () => {
    await stopProcess(worker);
    await driver.close();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('ingest --wait returns with the findings readable by findings --json', async () => {
    const ingest = await runCli(['ingest', '--wait', sample], env, cwd);
    // The sample's two hosts fall in different host partitions (PROVHUNT_BATCH_PARTITIONS, 4): a batch each.
    expect(ingest.stderr).toContain('accepted 13 events, skipped 0, rejected 0, batches 2, failed batches 0');
    expect(ingest.code).toBe(0);

    const findings = await runCli(['findings', '--json'], env, cwd);
    expect(findings.code).toBe(0);
    const lines = findings.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ analytic: 'AN0862', host: 'WS-FIN-042.corp.example', severity: 'critical', score: 100, firstSeen: '2023-03-29T10:00:00.000Z', lastSeen: '2023-03-29T10:06:00.000Z' });
    expect(Object.keys(lines[0]!)).toEqual(expect.arrayContaining(['id', 'analytic', 'host', 'severity', 'score', 'firstSeen', 'lastSeen', 'reasons', 'evidence']));

    // Text, time range and order filters, as the API's.
    const ids = async (...args: string[]) => (await runCli(['findings', '--json', ...args], env, cwd)).stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(await ids('--text', '3CXDESKTOPAPP', '--order', 'score:asc')).toEqual([lines[0]!.id]);
    expect(await ids('--text', 'not-in-any-finding')).toEqual([]);
    expect(await ids('--since', '2023-03-29T10:06:00Z', '--until', '2023-03-29T10:06:00Z')).toEqual([lines[0]!.id]);
    expect(await ids('--since', '2023-03-29T10:06:01Z')).toEqual([]);
    const badOrder = await runCli(['findings', '--order', 'severity'], env, cwd);
    expect(badOrder.code).toBe(1);
    expect(badOrder.stderr).toContain("--order must be lastSeen, firstSeen or score, optionally with :asc or :desc, got 'severity'");
    const badPartitions = await runCli(['ingest', '--partitions', '2.5', sample], env, cwd);
    expect(badPartitions.code).toBe(1);
    expect(badPartitions.stderr).toContain('--partitions: expected a whole number from 1 to 64, got "2.5"');
  });

  it('hunt prints findings in the findings --json format without storing them, and honours --set', async () => {
    const hunted = await runCli(['hunt', 'AN0862', '--set', 'TimeWindow=14d', '--json'], env, cwd);
    expect(hunted.stderr).toBe('');
    const lines = hunted.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ analytic: 'AN0862', host: 'WS-FIN-042.corp.example', status: 'hunt', score: 100 })]);
    const narrow = await runCli(['hunt', 'all', '--set', 'TimeWindow=10s', '--json'], env, cwd);
    expect(narrow.stdout).toBe('');
    const bad = await runCli(['hunt', 'AN0862', '--set', 'TimeWindow=soon'], env, cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("'soon' is not a duration");
  });

  it('triage sets a status with a note and shows the audit trail', async () => {
    const [finding] = (await runCli(['findings', '--json'], env, cwd)).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    const result = await runCli(['triage', finding!.id, '--status', 'false-positive', '--note', 'vendor confirmed', '--json'], env, cwd);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { status: string; history: Array<Record<string, unknown>> };
    expect(body.status).toBe('false_positive');
    expect(body.history).toEqual([expect.objectContaining({ actor: `cli:${os.userInfo().username}`, from: 'new', to: 'false_positive', note: 'vendor confirmed' })]);
    const missing = await runCli(['triage', 'AN0862-nope', '--status', 'resolved'], env, cwd);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no finding with id 'AN0862-nope'");
  });

  it('rejects bad lines with file, line and field, keeps the good ones, and exits non-zero', async () => {
    const good = fs.readFileSync(sample, 'utf8').split('\n')[0]!;
    const badType = JSON.stringify({ ...JSON.parse(good), ProcessId: 'seven' });
    const file = path.join(cwd, 'mixed.jsonl');
    fs.writeFileSync(file, `${good}\n{"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational"\n${badType}\n\u0000\u0007\n`);
    const rejectsFile = path.join(cwd, 'rejects.ndjson');
    const result = await runCli(['ingest', '--wait', '--rejects', rejectsFile, file], env, cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('accepted 1 events, skipped 0, rejected 3');
    expect(result.stderr).toContain(`rejected 1: ProcessId: must be an integer, got "seven" (first at ${file}:3)`);
    const rejects = fs.readFileSync(rejectsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rejects.map((r) => [r.line, r.field ?? null])).toEqual([[2, null], [3, 'ProcessId'], [4, null]]);
    expect(rejects[1]).toEqual({ file, line: 3, field: 'ProcessId', reason: 'must be an integer, got "seven"' });
  });

  it('keys create prints a working token once; list never shows it or its hash; revoke takes an id or a name', async () => {
    const created = await runCli(['keys', 'create', '--name', 'cli-reader', '--role', 'Viewer'], env, cwd);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^ph_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/^created key [0-9a-f]{12} 'cli-reader' \(viewer\); the token below is shown only now/);
    expect(created.stderr).not.toContain(token);
    const keys = new ApiKeysService(driver, stack().neo4j.database);
    expect(await keys.verify(token)).toMatchObject({ name: 'cli-reader', role: 'viewer' });
    expect((await runCli(['keys', 'create', '--name', 'cli-admin', '--role', 'admin'], env, cwd)).code).toBe(0);

    const listed = await runCli(['keys', 'list', '--json'], env, cwd);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((k) => [k.name, k.role, k.createdBy, k.revokedAt])).toEqual([
      ['cli-reader', 'viewer', `cli:${os.userInfo().username}`, null],
      ['cli-admin', 'admin', `cli:${os.userInfo().username}`, null],
    ]);
    const { records } = await driver.executeQuery("MATCH (k:ApiKey {name: 'cli-reader'}) RETURN k.hash AS hash");
    const text = (await runCli(['keys', 'list'], env, cwd)).stdout;
    for (const output of [listed.stdout, text]) {
      expect(output).not.toContain(token);
      expect(output).not.toContain(records[0]!.get('hash') as string);
      expect(output).not.toMatch(/hash/i);
    }

    const revoked = await runCli(['keys', 'revoke', 'cli-reader'], env, cwd);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/^revoked [0-9a-f]{12} 'cli-reader' at .*; APIs refuse it within 30 s/);
    expect(await keys.verify(token)).toBeUndefined();
    const adminId = lines[1]!.id as string;
    expect((await runCli(['keys', 'revoke', adminId], env, cwd)).stdout).toContain(`revoked ${adminId} 'cli-admin'`);
    const after = (await runCli(['keys', 'list', '--json'], env, cwd)).stdout.trim().split('\n').map((l) => JSON.parse(l) as { revokedAt: string | null });
    expect(after.every((k) => typeof k.revokedAt === 'string')).toBe(true);
  });

  it('keys refuses a bad role, a taken name, and an unknown key, each with one clear line', async () => {
    const badRole = await runCli(['keys', 'create', '--name', 'x', '--role', 'root'], env, cwd);
    expect([badRole.code, badRole.stderr.trim()]).toEqual([1, "role must be one of viewer, analyst, admin, got 'root'"]);
    const taken = await runCli(['keys', 'create', '--name', 'cli-reader', '--role', 'viewer'], env, cwd);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("a key named 'cli-reader' already exists");
    expect(taken.stdout).toBe('');
    const unknown = await runCli(['keys', 'revoke', 'nobody'], env, cwd);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, "no key with id or name 'nobody' (provhunt keys list shows them)"]);
    const bootstrap = await runCli(['keys', 'revoke', 'bootstrap'], env, cwd);
    expect(bootstrap.code).toBe(1);
    expect(bootstrap.stderr).toContain('the bootstrap key is not stored in the graph');
  });

  it('ingest - queues a live stream\'s events while the stream stays open (linger), then reports on end', async () => {
    const [first, second] = fs.readFileSync(sample, 'utf8').split('\n').slice(0, 2).map((l) => JSON.parse(l) as Record<string, unknown>);
    const live = [first, second].map((r) => JSON.stringify({ ...r, Hostname: 'LIVE-TAIL-01.corp.example' }));
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'src', 'cli', 'main.js'), 'ingest', '--linger-ms', '300', '-'], { env: { ...process.env, ...env }, cwd });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.write(`${live[0]}\n${live[1]}\n`); // two lines of a batch of 2,000, and the pipe stays open
    const processes = async () => (await driver.executeQuery("MATCH (p:Process {hostId: 'live-tail-01.corp.example'}) RETURN count(p) AS n")).records[0]!.get('n') as number;
    const deadline = Date.now() + 30_000;
    while ((await processes()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await processes()).toBeGreaterThan(0);
    expect(child.exitCode).toBeNull();
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(stderr).toContain('accepted 2 events, skipped 0, rejected 0, batches 1');
    const badLinger = await runCli(['ingest', '--linger-ms', 'soon', sample], env, cwd);
    expect([badLinger.code, badLinger.stderr]).toEqual([1, expect.stringContaining('--linger-ms: expected a whole number of milliseconds from 0 to 600000, got "soon"')]);
  });

  it('ingest - gunzips a gzip stream by its first bytes, and refuses a zip archive on a stream by name', async () => {
    const pipeIn = async (bytes: Buffer) => {
      const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'src', 'cli', 'main.js'), 'ingest', '-'], { env: { ...process.env, ...env }, cwd });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.stdin.end(bytes);
      return { code: await exited, stderr };
    };
    const lines = fs.readFileSync(sample, 'utf8').split('\n').slice(0, 3).join('\n');
    const gzipped = await pipeIn(gzipSync(lines));
    expect([gzipped.code, gzipped.stderr]).toEqual([0, expect.stringContaining('accepted 3 events, skipped 0, rejected 0')]);
    const zipped = await pipeIn(fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'zip', 'telemetry.zip')));
    expect(zipped.code).not.toBe(0);
    expect(zipped.stderr).toContain('standard input: a zip archive cannot be read from a stream; give its path instead');
  });

  it('says how to start a stack when none is running', async () => {
    const result = await runCli(['findings'], { PROVHUNT_HOME: cwd, NEO4J_URI: '', REDIS_URL: '' }, cwd);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('provhunt: no running stack found: start one with `npm start` (or set NEO4J_URI and REDIS_URL)');
  });
});
