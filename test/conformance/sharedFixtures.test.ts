import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/adapters/registry.js';
import { projectRoot } from '../../src/config/paths.js';
import { jsonRecords } from '../../src/ingest/jsonRecords.js';
import { inputsOf } from '../../src/ingest/openInput.js';

/**
 * Real public telemetry recorded by others (../shared/fixtures, not in the repository: licences).
 * A user's clone has no shared/, so these skip with a message there.
 */
const fixtures = path.resolve(projectRoot, '..', 'shared', 'fixtures');
const present = fs.existsSync(fixtures);
if (!present) console.warn(`conformance: ${fixtures} is absent; real-telemetry tests are skipped`);

function findFiles(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(suffix))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

async function tally(input: Readable) {
  const tallies = { records: 0, events: 0, skipped: 0, rejected: [] as string[], kinds: {} as Record<string, number> };
  for await (const item of jsonRecords(input)) {
    if (item.kind === 'error') {
      tallies.rejected.push(`line ${item.line}: ${item.reason}`);
      continue;
    }
    tallies.records++;
    const outcome = parseRecord(item.value);
    if (outcome.outcome === 'rejected') tallies.rejected.push(`line ${item.line}: ${outcome.field ?? ''} ${outcome.reason}`);
    else if (outcome.outcome === 'skipped') tallies.skipped++;
    else
      for (const e of outcome.events) {
        tallies.events++;
        tallies.kinds[e.kind] = (tallies.kinds[e.kind] ?? 0) + 1;
      }
  }
  return tallies;
}

describe.skipIf(!present)('real telemetry: SigmaHQ regression data (evtx-to-JSON rendering)', () => {
  const files = present ? findFiles(path.join(fixtures, 'sigmahq-regression'), '.json') : [];

  it.each(files.map((f) => [path.relative(fixtures, f), f]))('%s parses; Sysmon events become normalized events', async (_name, file) => {
    const stream = fs.createReadStream(file, 'utf8');
    const result = await tally(stream);
    expect(result.rejected).toEqual([]);
    expect(result.records).toBe(1);
    const isSysmon = fs.readFileSync(file, 'utf8').includes('"Microsoft-Windows-Sysmon"');
    expect(result.events).toBe(isSysmon ? 1 : 0);
  });
});

describe.skipIf(!present)('real telemetry: Security-Datasets covenant DCOM DLL hijack (flat NXLog rendering)', () => {
  it('parses all of its 37,814 records with no rejects, read from the zip as published, and models the Sysmon ones', async () => {
    const zip = path.join(fixtures, 'otrf-security-datasets', 'datasets', 'atomic', 'windows', 'lateral_movement', 'host', 'covenant_dcom_iertutil_dll_hijack.zip');
    const inputs = await inputsOf(zip);
    expect(inputs).toHaveLength(1);
    const result = await tally(await inputs[0]!.open());
    expect(result.rejected).toEqual([]);
    expect(result.records).toBe(37_814);
    expect(result.kinds).toEqual({ 'process.start': 78, 'process.end': 71, file: 2015, 'module.load': 4840, 'network.connect': 184, 'dns.query': 50 });
  });
});
