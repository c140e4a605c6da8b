import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { freshGraph } from '../support/graph.js';
import { runHunt, runScenario, scenariosRoot, type Scenario } from '../scenarios/scenarioRunner.js';

/** One scenario folder, read on its own (a folder another change is still writing cannot fail these tests). */
function scenario(name: string): Scenario {
  const dir = path.join(scenariosRoot, name);
  const spec = parseYaml(fs.readFileSync(path.join(dir, 'scenario.yaml'), 'utf8')) as Partial<Scenario>;
  return { references: [], inputs: {}, expect: [], absent: [], hunts: [], ...spec, delivery: { order: 'as-is', batchSize: 1000, ...spec.delivery }, name, dir } as Scenario;
}

/**
 * What the scenario files cannot say: which hosts a finding must be absent from (an expectation
 * cannot ask for zero findings), and how the msiexec analytics link an install's processes.
 */
describe('msiexec analytics (AN0940, AN0445) against the real Neo4j', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
  });
  afterAll(async () => driver.close());

  it('counts fleet prevalence only from other hosts, earlier: without approved signers the first five installs are flagged, later ones not', async () => {
    await driver.executeQuery('MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
    await runScenario(driver, scenario('sccm-daily-msiexec'));
    const hunted = await runHunt(driver, 'AN0940', { ApprovedSigners: [] });
    expect(hunted.map((f) => f.hostName).sort()).toEqual(['101', '102', '103', '104', '105'].map((n) => `WS-OPS-${n}.corp.example`));
    // One finding per install, whichever of its msiexec processes the hunt started from.
    expect(new Set(hunted.map((f) => f.id)).size).toBe(hunted.length);
  });

  it('links a DCOM-started custom-action server to the client msiexec: the finding hangs on the client', async () => {
    await driver.executeQuery('MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
    const findings = await runScenario(driver, scenario('msiexec-custom-action-temp-dll'));
    const finding = findings.find((f) => f.analytic === 'AN0940');
    expect(finding).toBeDefined();
    const roles = (role: string) => finding!.evidence.filter((e) => e.role === role).map((e) => e.label);
    expect(roles('installer')).toEqual(['"C:\\Windows\\System32\\msiexec.exe" /i "C:\\Users\\dave\\Downloads\\ZoomInstallerFull.msi"']);
    expect(roles('linked-server-side').some((l) => l.includes('-Embedding'))).toBe(true);
    expect(roles('proxy-loader').every((l) => l.startsWith('rundll32.exe'))).toBe(true);
    expect(roles('custom-action-dll')).toEqual(['C:\\Windows\\Installer\\MSI1A2B.tmp']);
  });

  it("attributes System's SMB session to the host a UNC command line names", async () => {
    await driver.executeQuery('MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
    const findings = await runScenario(driver, scenario('msiexec-unc-share'));
    const finding = findings.find((f) => f.analytic === 'AN0445');
    expect(finding?.evidence.find((e) => e.role === 'unseen-destination')?.label).toBe('198.51.100.7 by system');
  });
});
