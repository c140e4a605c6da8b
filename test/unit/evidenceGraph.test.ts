import { describe, expect, it } from 'vitest';
import type { EvidenceStep } from '../../src/analytics/findings.js';
import { assembleEvidenceGraph, evidenceKeys } from '../../src/services/evidenceGraph.js';

const step = (stage: number, role: string, kind: string, key: string, ts: number | null, label = key): EvidenceStep => ({ stage, role, kind, key, label, ts, source: null });

describe('evidence graph assembly', () => {
  const evidence = [
    step(1, 'installer', 'Process', 'h|inst', 1_000, 'msiexec.exe /i app.msi'),
    step(2, 'written-binary', 'File', 'h|c:\\app\\app.exe', 2_000),
    step(4, 'connection', 'IP', '203.0.113.5', 5_000),
    step(4, 'connection', 'IP', '203.0.113.5', 4_000),
  ];

  it('folds the steps of one entity into one node and keeps evidence the graph no longer has', () => {
    const rows = {
      nodes: [
        { kind: 'Process', key: 'h|inst', properties: { image: 'C:\\Windows\\System32\\msiexec.exe', user: 'amy', startTs: 900, source: 'sysmon:1' } },
        { kind: 'Process', key: 'h|helper', properties: { image: 'C:\\Windows\\System32\\msiexec.exe', startTs: 950 } },
        { kind: 'IP', key: '203.0.113.5', properties: { address: '203.0.113.5' } },
      ],
      linkUids: ['h|helper'],
      edges: [{ fromKind: 'Process', fromKey: 'h|inst', toKind: 'Process', toKey: 'h|helper', type: 'SPAWNED', ts: 950, lastTs: 950, count: 1, labels: [] }],
    };
    const graph = assembleEvidenceGraph(evidence, rows);
    expect(graph.nodes.map((n) => [n.id, n.name, n.roles, n.stage, n.ts, n.inGraph])).toEqual([
      ['Process:h|inst', 'msiexec.exe', ['installer'], 1, 1_000, true],
      ['File:h|c:\\app\\app.exe', 'h|c:\\app\\app.exe', ['written-binary'], 2, 2_000, false],
      ['IP:203.0.113.5', '203.0.113.5', ['connection'], 4, 4_000, true],
      ['Process:h|helper', 'msiexec.exe', ['link'], null, 950, true],
    ]);
    // Only facts worth a tooltip, times as ISO strings; internal properties (source) stay out.
    expect(graph.nodes[0]!.properties).toEqual([
      { name: 'image', value: 'C:\\Windows\\System32\\msiexec.exe' },
      { name: 'user', value: 'amy' },
      { name: 'startTs', value: new Date(900).toISOString() },
    ]);
    expect(graph.edges).toEqual([{ from: 'Process:h|inst', to: 'Process:h|helper', type: 'SPAWNED', ts: 950, lastTs: 950, count: 1, label: null }]);
  });

  it('collects the distinct keys of each kind for the graph query', () => {
    expect(evidenceKeys(evidence)).toEqual({ Process: ['h|inst'], File: ['h|c:\\app\\app.exe'], IP: ['203.0.113.5'], Package: [] });
  });
});
