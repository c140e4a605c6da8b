import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
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
    expect(ingest.stderr).toContain('accepted 13 events, skipped 0, rejected 0, batches 1, failed batches 0');
    expect(ingest.code).toBe(0);

    const findings = await runCli(['findings', '--json'], env, cwd);
    expect(findings.code).toBe(0);
    const lines = findings.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ analytic: 'AN0862', host: 'WS-FIN-042.corp.example', severity: 'critical', score: 100, firstSeen: '2023-03-29T10:00:00.000Z', lastSeen: '2023-03-29T10:06:00.000Z' });
    expect(Object.keys(lines[0]!)).toEqual(expect.arrayContaining(['id', 'analytic', 'host', 'severity', 'score', 'firstSeen', 'lastSeen', 'reasons', 'evidence']));
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
    const rejects = fs.readFileSync(rejectsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rejects.map((r) => [r.line, r.field ?? null])).toEqual([[2, null], [3, 'ProcessId'], [4, null]]);
    expect(rejects[1]).toEqual({ file, line: 3, field: 'ProcessId', reason: 'must be an integer, got "seven"' });
  });

  it('says how to start a stack when none is running', async () => {
    const result = await runCli(['findings'], { PROVHUNT_HOME: cwd, NEO4J_URI: '', REDIS_URL: '' }, cwd);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('provhunt: no running stack found: start one with `npm start` (or set NEO4J_URI and REDIS_URL)');
  });
});
