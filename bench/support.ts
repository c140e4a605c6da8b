import fs from 'node:fs';
import os from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { startThrowawayStack } from '../src/stack/throwawayStack.js';

/** A throwaway Neo4j and Redis for a benchmark run (or NEO4J_URI / REDIS_URL when set). */
export const benchStack = (opts: { heap: string; pageCacheMb: number }) => startThrowawayStack({ name: 'provhunt-bench', ...opts });

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

export function spawnNode(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
