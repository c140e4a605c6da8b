import { percentile } from './support.js';

/**
 * A closed-loop GraphQL load generator: N clients, each sending its next request when the last
 * one's body has arrived (after a think time, when given), for a fixed time. Node's fetch (undici)
 * keeps connections alive.
 */
export interface Request {
  query: string;
  variables: Record<string, unknown>;
  /** Sub-class of the request for a latency split (e.g. popular vs rare hash). */
  tag?: string;
  /** What a correct answer's data must satisfy; a message when it does not. */
  check(data: Record<string, unknown>): string | undefined;
}

export interface Target {
  url: string;
  token: string;
}

export interface LatencyStats {
  requests: number;
  errors: number;
  /** Completed requests per second. */
  throughput: number;
  ms: { p50: number; p95: number; p99: number; max: number };
  byTag?: Record<string, { requests: number; p50: number; p95: number }>;
  firstErrors?: string[];
}

interface Outcome {
  ms: number;
  tag?: string;
  error?: string;
}

/** One request, timed from send to the whole body read; errors are HTTP, GraphQL or check failures. */
export async function send(target: Target, req: Pick<Request, 'query' | 'variables'>): Promise<{ ms: number; body?: { data?: Record<string, unknown>; errors?: Array<{ message: string }> }; error?: string }> {
  const t0 = performance.now();
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: JSON.stringify({ query: req.query, variables: req.variables }),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) return { ms, error: `HTTP ${res.status}: ${text.slice(0, 200)}` };
    return { ms, body: JSON.parse(text) };
  } catch (err) {
    return { ms: performance.now() - t0, error: (err as Error).message };
  }
}

async function attempt(target: Target, req: Request): Promise<Outcome> {
  const { ms, body, error } = await send(target, req);
  if (error) return { ms, tag: req.tag, error };
  if (body?.errors?.length) return { ms, tag: req.tag, error: `GraphQL: ${body.errors.map((e) => e.message).join('; ').slice(0, 200)}` };
  const bad = body?.data ? req.check(body.data) : 'no data';
  return { ms, tag: req.tag, error: bad };
}

/**
 * Runs `clients` loops for `seconds`, each drawing its next request from `next`. With `thinkMs`, a
 * client pauses between a response and its next request for a random time (exponential, that mean;
 * the first pause too, so clients do not start in step): people reading a page before the next
 * click. Without it, every client sends back to back: the server's saturation point.
 */
export async function closedLoop(target: Target, next: () => Request, clients: number, seconds: number, thinkMs = 0): Promise<LatencyStats> {
  const outcomes: Outcome[] = [];
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const think = () => (thinkMs > 0 ? new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * thinkMs)) : undefined);
  const client = async () => {
    await think();
    while (performance.now() < deadline) {
      outcomes.push(await attempt(target, next()));
      await think();
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return summarize(outcomes, (performance.now() - t0) / 1000);
}

function summarize(outcomes: Outcome[], seconds: number): LatencyStats {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const errors = outcomes.filter((o) => o.error);
  const round = (x: number) => +x.toFixed(1);
  const tags = [...new Set(outcomes.map((o) => o.tag).filter((t): t is string => !!t))];
  const byTag = Object.fromEntries(
    tags.map((tag) => {
      const sorted = outcomes.filter((o) => o.tag === tag).map((o) => o.ms).sort((a, b) => a - b);
      return [tag, { requests: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) }];
    }),
  );
  return {
    requests: outcomes.length,
    errors: errors.length,
    throughput: round(outcomes.length / seconds),
    ms: { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(ms.at(-1) ?? NaN) },
    ...(tags.length > 0 ? { byTag } : {}),
    ...(errors.length > 0 ? { firstErrors: [...new Set(errors.map((e) => e.error!))].slice(0, 3) } : {}),
  };
}
