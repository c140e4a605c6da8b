import type { Driver } from 'neo4j-driver';
import { loadCatalog } from '../src/analytics/catalog.js';
import { cypher } from '../src/graph/cypher.js';

/**
 * Neo4j's own query collection (`db.stats`, in Community too): for each query text it keeps the
 * plan it ran with (operators, estimated rows) and per invocation the compile and execution time.
 * The benchmarks use it to name the plan of a slow detection query, which no EXPLAIN afterwards can
 * do: EXPLAIN has a plan-cache key of its own and plans again on the statistics of that moment.
 */
export async function startQueryCollection(driver: Driver): Promise<void> {
  await driver.executeQuery("CALL db.stats.stop('QUERIES')");
  await driver.executeQuery("CALL db.stats.clear('QUERIES')");
  await driver.executeQuery("CALL db.stats.collect('QUERIES', {durationSeconds: 86400, numInvocations: 10000})");
}

interface PlanNode {
  operator: string;
  lhs?: PlanNode;
  rhs?: PlanNode;
}

interface CollectedQuery {
  query: string;
  queryExecutionPlan: PlanNode;
  estimatedRows: number[];
  invocationSummary: { invocationCount: number; compileTimeInUs: { max: number }; executionTimeInUs: { avg: number; max: number } };
  invocations: Array<{ elapsedCompileTimeInUs: number; elapsedExecutionTimeInUs: number }>;
}

export interface DetectionQueryPlan {
  query: string;
  generation: number;
  invocations: number;
  executionMs: { avg: number; max: number; total: number };
  compileMsMax: number;
  /** Invocations that compiled (planned) for over 100 ms: a plan made inside a batch. */
  replannedInside: number;
  /** The operator tree, `Op(lhs, rhs)`, for plans that ran over `slowMs` once. */
  plan?: string;
}

/** The detection queries' entries (neighbourhood, anchors in window, chains) by name, generation and plan. */
export async function detectionQueryPlans(driver: Driver, slowMs = 1_000): Promise<DetectionQueryPlan[]> {
  const names = detectionQueryNames();
  const { records } = await driver.executeQuery("CALL db.stats.retrieve('QUERIES') YIELD data RETURN data");
  const plans: DetectionQueryPlan[] = [];
  for (const record of records) {
    // Plain numbers: the driver is made with disableLosslessIntegers (src/graph/driver.ts).
    const data = record.get('data') as CollectedQuery;
    const generationMatch = /^\/\/ plan generation (\d+)\n/.exec(data.query);
    const base = generationMatch ? data.query.slice(generationMatch[0].length) : data.query;
    // The collection keeps a long query's first 10,000 characters only.
    const name = names.find(([text]) => text.startsWith(base))?.[1];
    if (!name) continue;
    const execUs = data.invocations.map((i) => i.elapsedExecutionTimeInUs);
    const summary = data.invocationSummary;
    plans.push({
      query: name,
      generation: generationMatch ? Number(generationMatch[1]) : 0,
      invocations: summary.invocationCount,
      executionMs: { avg: ms(summary.executionTimeInUs.avg), max: ms(summary.executionTimeInUs.max), total: ms(execUs.reduce((a, b) => a + b, 0)) },
      compileMsMax: ms(summary.compileTimeInUs.max),
      replannedInside: data.invocations.filter((i) => i.elapsedCompileTimeInUs > 100_000).length,
      plan: ms(summary.executionTimeInUs.max) > slowMs ? operatorTree(data.queryExecutionPlan) : undefined,
    });
  }
  return plans.sort((a, b) => a.query.localeCompare(b.query) || a.generation - b.generation);
}

function detectionQueryNames(): Array<[string, string]> {
  const names = ['analytics/_shared/neighbourhood', 'analytics/_shared/file-anchors-in-window', 'analytics/_shared/process-anchors-in-window'];
  for (const analytic of loadCatalog()) names.push(`analytics/${analytic.dir}/${analytic.queries.chain}`);
  return names.map((name) => [cypher(name), name]);
}

export function operatorTree(node: PlanNode): string {
  const children = [node.lhs, node.rhs].filter((c): c is PlanNode => c !== undefined).map(operatorTree);
  return children.length > 0 ? `${node.operator}(${children.join(', ')})` : node.operator;
}

const ms = (us: number) => +(us / 1000).toFixed(1);

