import { describe, expect, it } from 'vitest';
import { SLOW_ANALYTIC_MS, slowAnalyticsOf } from '../../src/ingest/ingestProcessor.js';

describe('slow analytics of a batch (the worker warns, bench/ingest lists them with their plan generation)', () => {
  it('names the analytics over the threshold, never the write or neighbourhood stages', () => {
    const stagesMs = { write: 9_000, neighbourhood: 2_500, AN0862: SLOW_ANALYTIC_MS + 1, AN0940: SLOW_ANALYTIC_MS, AN0445: 12 };
    expect(slowAnalyticsOf({ written: 5_000, findings: 0, stagesMs, planGeneration: 3 })).toEqual([{ analytic: 'AN0862', ms: SLOW_ANALYTIC_MS + 1 }]);
    expect(slowAnalyticsOf({ written: 5_000, findings: 0 })).toEqual([]);
    expect(slowAnalyticsOf(undefined)).toEqual([]);
  });
});
