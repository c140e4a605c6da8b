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

/**
 * Samples a process every 100 ms: `peakMb()` is the highest resident memory seen (VmHWM),
 * `cpuSeconds()` its user + system CPU time at the last sample (what it cost on a shared machine,
 * where wall time alone cannot tell which process used the cores).
 */
export function rssSampler(pid: number): { peakMb(): number; cpuSeconds(): number; stop(): void } {
  let peak = 0;
  let cpuMs = 0;
  const sample = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      cpuMs = Math.max(cpuMs, processCpuMs(pid));
    } catch {
      // the process has exited; keep the last sample
    }
  };
  const timer = setInterval(sample, 100);
  timer.unref(); // never what keeps the benchmark alive
  sample();
  return { peakMb: () => (sample(), Math.round(peak)), cpuSeconds: () => (sample(), +(cpuMs / 1000).toFixed(1)), stop: () => clearInterval(timer) };
}

/**
 * CPU seconds of a JVM's threads by what they do (thread names, digits folded), sampled every
 * 100 ms from /proc: Bolt workers run the queries; compiler threads are the JIT warming up; GC.
 * A thread that ends between samples loses at most its last 100 ms.
 */
export function jvmThreadCpuSampler(pid: number): { secondsByKind(): Record<string, number>; stop(): void } {
  const threads = new Map<string, { kind: string; first: number; last: number }>();
  let baseline = true;
  const sample = () => {
    let tids: string[];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return; // the process has exited
    }
    for (const tid of tids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cpu = (Number(fields[11]) + Number(fields[12])) / 100;
        const known = threads.get(tid);
        if (known) known.last = cpu;
        else threads.set(tid, { kind: threadKind(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))), first: baseline ? cpu : 0, last: cpu });
      } catch {
        // the thread ended
      }
    }
    baseline = false;
  };
  sample();
  const timer = setInterval(sample, 100);
  timer.unref();
  return {
    secondsByKind() {
      sample();
      const out: Record<string, number> = {};
      for (const t of threads.values()) out[t.kind] = +((out[t.kind] ?? 0) + t.last - t.first).toFixed(2);
      return out;
    },
    stop: () => clearInterval(timer),
  };
}

function threadKind(name: string): string {
  if (/BoltWork/.test(name)) return 'queries';
  if (/Compiler|Sweeper/.test(name)) return 'jit';
  if (/GC|G1/.test(name)) return 'gc';
  if (/BoltNetw/.test(name)) return 'network';
  return 'other';
}

/** utime + stime from /proc/<pid>/stat, in ms (clock ticks are 10 ms on Linux); throws once the process is gone. */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
