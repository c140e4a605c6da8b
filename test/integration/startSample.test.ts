import { describe, expect, it } from 'vitest';
import { holdsTelemetry } from '../../src/cli/commands/start.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { useFreshGraph } from '../support/graph.js';

describe('provhunt start --sample (npm start)', () => {
  const graph = useFreshGraph();

  it('loads the bundled sample into an empty graph only, not beside telemetry already there', async () => {
    expect(await holdsTelemetry(graph.driver)).toBe(false);
    await writeEvents(graph.driver, [{ v: 1, id: 'first-real-event', ts: Date.parse('2024-01-01T00:00:00Z'), host: { id: 'prod-01', name: 'prod-01', os: 'linux' }, source: { format: 'test', recordId: '1' }, kind: 'host.info', ips: ['10.0.0.1'] }]);
    expect(await holdsTelemetry(graph.driver)).toBe(true);
  });
});
