import { describe, expect, it } from 'vitest';
import { analyticById, loadCatalog } from '../../src/analytics/catalog.js';
import { analyticParams, effectiveTunables } from '../../src/analytics/evaluate.js';
import { severityOf, toFinding, type AnalyticMatch } from '../../src/analytics/findings.js';
import { globToRegex, parseDuration } from '../../src/analytics/tunables.js';

describe('tunables', () => {
  it('parses durations', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('14d')).toBe(14 * 86_400_000);
    expect(parseDuration('2h30m')).toBe(150 * 60_000);
    expect(() => parseDuration('soon')).toThrow("'soon' is not a duration (examples: 90m, 14d, 2h30m)");
  });

  it('turns globs into anchored case-insensitive regexes with dots escaped', () => {
    const re = new RegExp(`^${globToRegex('*setup*.exe').replace('(?i)', '')}$`, 'i');
    expect(re.test('ChromeSetup.exe')).toBe(true);
    expect(re.test('setupXexe')).toBe(false);
  });
});

describe('analytic catalog', () => {
  it('loads AN0862 with the seeds\' mutable elements as tunables', () => {
    const an0862 = analyticById('an0862');
    expect(an0862).toMatchObject({ id: 'AN0862', strategy: 'DET0309', technique: 'T1195.002', platforms: ['windows'] });
    expect(Object.keys(an0862.tunables)).toEqual(expect.arrayContaining(['TimeWindow', 'ApprovedUpdateHosts', 'ApprovedSigners', 'ProgramPaths']));
    expect(loadCatalog().map((a) => a.id)).toContain('AN0862');
  });

  it('applies overrides and refuses unknown tunables', () => {
    const an0862 = analyticById('AN0862');
    expect(Number(analyticParams(an0862, { TimeWindow: '14d' }).windowMs)).toBe(14 * 86_400_000);
    expect(Number(analyticParams(an0862).windowMs)).toBe(90 * 60_000);
    expect(() => analyticParams(an0862, { Nope: 1 })).toThrow("AN0862 has no tunable 'Nope'");
  });
});

describe('default approved lists', () => {
  // How AN0863 matches them is checked against the real chain in test/integration/an0863Chain.test.ts.
  it('approve the distributions\' own repositories by the ids dnf.log names, not EPEL, a vendor\'s or a local file', () => {
    const approved = effectiveTunables(analyticById('AN0863')).ApprovedRepos as string[];
    expect(approved).toEqual(expect.arrayContaining(['baseos', 'appstream', 'crb', 'rhel-', 'fedora', 'updates', 'deb.debian.org']));
    for (const repo of ['epel', 'example-vendor', '@commandline']) expect(approved, repo).not.toContain(repo);
  });
});

describe('finding scoring', () => {
  const match = (signals: string[]): AnalyticMatch => ({
    hostId: 'h',
    hostName: 'H',
    anchor: ['file', 'run'],
    evidence: [
      { stage: 2, role: 'written-binary', kind: 'File', key: 'file', label: 'w', ts: 2000, source: null },
      { stage: 1, role: 'installer', kind: 'Process', key: 'p', label: 'i', ts: 1000, source: null },
    ],
    signals: signals.map((signal, i) => ({ signal, reason: `${signal} ${i}`, ts: 3000 + i })),
  });

  it('adds each distinct signal kind once to the base and orders evidence by stage', () => {
    const an0862 = analyticById('AN0862');
    const one = toFinding(an0862, match(['unsignedModule', 'unsignedModule']));
    expect(one.score).toBe(an0862.scoring.base + an0862.scoring.signals.unsignedModule!);
    expect(one.evidence.map((e) => e.stage)).toEqual([1, 2]);
    expect(one.firstSeen).toBe(1000);
    const all = toFinding(an0862, match(['shellChild', 'unsignedModule', 'unapprovedHost']));
    expect(all.score).toBe(100);
    expect(all.severity).toBe('critical');
    expect(all.id).toBe(one.id);
  });

  it('maps scores to severities', () => {
    expect([10, 45, 65, 85].map(severityOf)).toEqual(['low', 'medium', 'high', 'critical']);
  });
});
