import fs from 'node:fs';
import os from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { startThrowawayStack, type ThrowawayStack } from '../src/stack/throwawayStack.js';

/**
 * A throwaway Neo4j and Redis for a benchmark run (or NEO4J_URI / REDIS_URL when set). `stop` may
 * be called more than once; SIGINT and SIGTERM stop the stack and the spawned children too (Neo4j
 * stops by itself when this process dies, a redis-server would be left running).
 */
export async function benchStack(opts: { heap: string; pageCacheMb: number; neo4jDir?: string }): Promise<ThrowawayStack> {
  const stack = await startThrowawayStack({ name: 'provhunt-bench', ...opts });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stack.stop());
  onSignalStop(stop);
  return { ...stack, stop };
}

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void>> = [];
let handlingSignals = false;

/** Runs `cleanup` (after killing spawned children) when the bench is interrupted, then exits. */
export function onSignalStop(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
  if (handlingSignals) return;
  handlingSignals = true;
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const code = signal === 'SIGINT' ? 130 : 143;
      if (interrupted) process.exit(code); // a second signal: stop waiting
      interrupted = true;
      process.stderr.write(`\n${signal}: stopping the benchmark's processes\n`);
      for (const child of children) child.kill('SIGTERM');
      void Promise.allSettled(cleanups.map((c) => c())).finally(() => process.exit(code));
    });
  }
}

/** Samples a process's resident memory every 100 ms; `peakMb()` is the highest seen. */
export function rssSampler(pid: number): { peakMb(): number; stop(): void } {
  let peak = 0;
  const sample = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // the process has exited; keep the last peak
    }
  };
  const timer = setInterval(sample, 100);
  timer.unref(); // never what keeps the benchmark alive
  sample();
  return { peakMb: () => (sample(), Math.round(peak)), stop: () => clearInterval(timer) };
}

/** A Node child process, killed with the stack when the bench is interrupted. */
export function spawnNode(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
