import DataLoader from 'dataloader';
import type { AuditEntry, FindingsService } from '../services/findingsService.js';

/**
 * Per-request batch loaders: a field asked of every item of a page (a finding's history) costs
 * one query for the page, not one per item. New per request, so nothing is cached across callers.
 */
export interface ApiLoaders {
  findingHistory: DataLoader<string, AuditEntry[]>;
}

export function createLoaders(findings: FindingsService): ApiLoaders {
  return {
    findingHistory: new DataLoader((ids: readonly string[]) => findings.historyOfMany(ids), { maxBatchSize: 500 }),
  };
}
