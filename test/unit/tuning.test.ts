import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyticById } from '../../src/analytics/catalog.js';
import { analyticParams, effectiveTunables } from '../../src/analytics/evaluate.js';
import { loadTuningFile, setConfiguredTuning } from '../../src/analytics/tuning.js';
import { catalogValues, vendorCatalog } from '../../src/analytics/vendorCatalog.js';

function tuningFile(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tuning-')), 'provhunt.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('tuning file (PROVHUNT_CONFIG)', () => {
  afterEach(() => setConfiguredTuning(undefined));

  it('reads tunables by analytic id and the seeds names', () => {
    const file = tuningFile('AN0862:\n  TimeWindow: 2h\n  ApprovedUpdateHosts: [updates.corp.example]\n');
    expect(loadTuningFile(file)).toEqual({ AN0862: { TimeWindow: '2h', ApprovedUpdateHosts: ['updates.corp.example'] } });
  });

  it('names the file and line of an unknown analytic, an unknown tunable and a bad value', () => {
    expect(() => loadTuningFile(tuningFile('AN9999:\n  TimeWindow: 2h\n'))).toThrow(/provhunt\.yaml:1: unknown analytic 'AN9999'/);
    expect(() => loadTuningFile(tuningFile('AN0862:\n  TimeWindow: 2h\n  Window: 3h\n'))).toThrow(/provhunt\.yaml:3: AN0862 has no tunable 'Window'/);
    expect(() => loadTuningFile(tuningFile('AN0862:\n  TimeWindow: soon\n'))).toThrow(/provhunt\.yaml:2: AN0862\.TimeWindow: 'soon' is not a duration/);
    expect(() => loadTuningFile(tuningFile('AN0862:\n  ApprovedSigners: Microsoft\n'))).toThrow(/provhunt\.yaml:2: AN0862\.ApprovedSigners: tunable ApprovedSigners must be a list/);
  });

  it('applies hunt overrides over the file, and the file over defaults and the vendor catalog', () => {
    const an0862 = analyticById('AN0862');
    const defaults = effectiveTunables(an0862);
    expect(defaults.ApprovedUpdateHosts).toEqual(expect.arrayContaining(['windowsupdate.com', 'dl.google.com', 'ardownload.adobe.com']));
    expect(defaults.ApprovedUpdateHosts).not.toContain('deb.debian.org'); // a Linux-only vendor
    setConfiguredTuning({ AN0862: { TimeWindow: '2h', ApprovedUpdateHosts: ['updates.corp.example'] } });
    expect(effectiveTunables(an0862)).toMatchObject({ TimeWindow: '2h', ApprovedUpdateHosts: ['updates.corp.example'] });
    expect(String(analyticParams(an0862, { TimeWindow: '14d' }).windowMs)).toBe(String(14 * 86_400_000));
  });
});

describe('vendor updater catalog', () => {
  it('lists each vendor with a source and keeps hosts narrow', () => {
    for (const vendor of vendorCatalog()) {
      expect(vendor.source.length).toBeGreaterThan(5);
      for (const host of vendor.updateHosts) expect(['github.com', 'githubusercontent.com', 'amazonaws.com', 'cloudfront.net']).not.toContain(host);
    }
    expect(catalogValues('teamIds', ['macos'])).toContain('EQHXZ8M8AV');
  });
});
