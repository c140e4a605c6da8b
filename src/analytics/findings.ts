import { shortHash } from '../adapters/identity.js';
import type { Analytic } from './catalog.js';

/** The standard row every analytic's chain query returns. */
export interface AnalyticMatch {
  hostId: string;
  hostName: string;
  anchor: string[];
  evidence: EvidenceStep[];
  signals: Signal[];
  /** Optional: context that lowers the score (never below the base). */
  mitigations?: Mitigation[] | null;
  /** Optional: what suppressions are scoped by. */
  facts?: Partial<FindingFacts> | null;
}

/** The scope facts of a finding: the installer's image name, the first run's signer, its destinations. */
export interface FindingFacts {
  installer: string | null;
  signer: string | null;
  destinations: string[];
}

export interface EvidenceStep {
  stage: number;
  role: string;
  /** Graph label of the entity: Process, File, IP. */
  kind: string;
  /** The entity's key (Process.uid, File.uid, IP.address). */
  key: string;
  label: string;
  ts: number | null;
  source: string | null;
}

export interface Mitigation {
  mitigation: string;
  reason: string;
}

export interface Signal {
  signal: string;
  reason: string;
  ts: number | null;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface Finding {
  id: string;
  analytic: string;
  hostId: string;
  hostName: string;
  severity: Severity;
  score: number;
  reasons: string[];
  signals: string[];
  firstSeen: number;
  lastSeen: number;
  evidence: EvidenceStep[];
  facts: FindingFacts;
}

export function severityOf(score: number): Severity {
  if (score >= 80) return 'critical';
  if (score >= 60) return 'high';
  if (score >= 40) return 'medium';
  return 'low';
}

/**
 * Scores a match: the chain itself is worth the analytic's base, and each distinct kind of signal
 * adds its weight once (ten unsigned DLLs are one independent signal, not ten).
 */
export function toFinding(analytic: Analytic, match: AnalyticMatch): Finding {
  const kinds = [...new Set(match.signals.map((s) => s.signal))].sort();
  const raw = kinds.reduce((sum, kind) => sum + (analytic.scoring.signals[kind] ?? 0), analytic.scoring.base);
  const mitigations = match.mitigations ?? [];
  const lowered = mitigations.reduce((sum, m) => sum - (analytic.scoring.mitigations[m.mitigation] ?? 0), raw);
  const score = Math.min(100, Math.max(analytic.scoring.base, lowered));
  const evidence = [...match.evidence].sort((a, b) => a.stage - b.stage || (a.ts ?? 0) - (b.ts ?? 0));
  const times = evidence.map((e) => e.ts).filter((t): t is number => typeof t === 'number');
  return {
    id: `${analytic.id}-${shortHash([analytic.id, match.hostId, ...match.anchor].join('|'))}`,
    analytic: analytic.id,
    hostId: match.hostId,
    hostName: match.hostName,
    severity: severityOf(score),
    score,
    reasons: [...new Set([...match.signals.map((s) => s.reason), ...mitigations.map((m) => `lowered: ${m.reason}`)])],
    signals: kinds,
    firstSeen: Math.min(...times),
    lastSeen: Math.max(...times),
    evidence,
    facts: { installer: match.facts?.installer ?? null, signer: match.facts?.signer ?? null, destinations: [...new Set(match.facts?.destinations ?? [])] },
  };
}
