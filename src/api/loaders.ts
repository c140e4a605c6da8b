import DataLoader from 'dataloader';
import type { EvidenceGraph } from '../services/evidenceGraph.js';
import type { AuditEntry, FindingsService, StoredFinding } from '../services/findingsService.js';
import type { InvestigationService } from '../services/investigationService.js';

/**
 * Per-request batch loaders: a field asked of every item of a page (a finding's history) costs
 * one query for the page, not one per item. New per request, so nothing is cached across callers.
 */
export interface ApiLoaders {
  findingHistory: DataLoader<string, AuditEntry[]>;
  evidenceGraph: DataLoader<StoredFinding, EvidenceGraph, string>;
}

export function createLoaders(findings: FindingsService, investigation: InvestigationService): ApiLoaders {
  return {
    findingHistory: new DataLoader((ids: readonly string[]) => findings.historyOfMany(ids), { maxBatchSize: 500 }),
    evidenceGraph: new DataLoader((page: readonly StoredFinding[]) => investigation.evidenceGraphs(page), { maxBatchSize: 100, cacheKeyFn: (f) => f.id }),
  };
}
