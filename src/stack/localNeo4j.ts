import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../config/paths.js';
import { portInUse, requireTool } from './processes.js';

/** A server process this project started and must stop. */
export interface LocalService {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  dataDir: string;
  port: number;
  password: string;
  heap: string;
  pageCacheMb: number;
  startTimeoutMs?: number;
}

const launcherDir = path.join(projectRoot, 'scripts', 'neo4j');
const classesDir = path.join(launcherDir, 'target', 'classes');
const classpathFile = path.join(launcherDir, 'target', 'classpath.txt');
const launcherSource = path.join(launcherDir, 'src', 'main', 'java', 'dev', 'provhunt', 'neo4j', 'Launcher.java');
// Maven leaves outputs untouched when they are current, so freshness is judged by our own stamp.
const buildStamp = path.join(launcherDir, 'target', 'provhunt-build.stamp');

/** Flags Neo4j's own neo4j.conf passes on Java 17+; without them startup fails with a LinkageError. */
const requiredJvmFlags = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Compiles the launcher and resolves Neo4j from Maven Central, only when the build is missing or stale. */
export function ensureLauncherBuilt(log: (msg: string) => void = () => {}): void {
  const built = fs.existsSync(classpathFile) ? mtime(buildStamp) : 0;
  const sources = Math.max(mtime(launcherSource), mtime(path.join(launcherDir, 'pom.xml')));
  if (built > 0 && built >= sources) return;
  requireTool('mvn');
  requireTool('java');
  const unlock = lockBuild();
  try {
    // Another process may have built it while this one waited for the lock.
    if (fs.existsSync(classpathFile) && mtime(buildStamp) >= sources) return;
    buildLauncher(log);
  } finally {
    unlock();
  }
}

const buildLock = path.join(launcherDir, 'target', 'build.lock');
const STALE_LOCK_MS = 15 * 60_000;

/**
 * One build at a time: two stacks starting together (a test run beside `npm start`) would
 * otherwise compile into the same folder and resolve into the same Maven repository at once.
 * mkdir is atomic; a lock older than any build is left by a killed process and taken over.
 */
function lockBuild(): () => void {
  fs.mkdirSync(path.dirname(buildLock), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fs.mkdirSync(buildLock);
      return () => fs.rmSync(buildLock, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (Date.now() - mtime(buildLock) > STALE_LOCK_MS) fs.rmSync(buildLock, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 500);
    }
  }
}

function buildLauncher(log: (msg: string) => void): void {
  log('building the Neo4j launcher (the first run downloads Neo4j Community from Maven Central)');
  const result = spawnSync('mvn', ['-B', '-q', '-f', path.join(launcherDir, 'pom.xml'), 'compile'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`provhunt: building the Neo4j launcher failed (mvn exit ${result.status}):\n${output}`);
  }
  fs.writeFileSync(buildStamp, new Date().toISOString());
}

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalService> {
  requireTool('java');
  ensureLauncherBuilt((m) => process.stderr.write(`provhunt: ${m}\n`));
  if (await portInUse(opts.port)) {
    throw new Error(`provhunt: 127.0.0.1:${opts.port} is already in use; set PROVHUNT_NEO4J_PORT to a free port, or NEO4J_URI to use that server`);
  }
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const classpath = `${classesDir}${path.delimiter}${fs.readFileSync(classpathFile, 'utf8').trim()}`;
  const logFile = path.join(opts.dataDir, 'launcher.log');
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(
    'java',
    [`-Xmx${opts.heap}`, ...requiredJvmFlags, '-cp', classpath, 'dev.provhunt.neo4j.Launcher', opts.dataDir, '127.0.0.1', String(opts.port)],
    {
      // stdin stays open as a pipe: when this process dies the pipe closes and Neo4j shuts down.
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NEO4J_PASSWORD: opts.password, NEO4J_PAGECACHE_MB: String(opts.pageCacheMb) },
    },
  );
  child.stderr.pipe(logStream);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const ready = new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      logStream.write(`${line}\n`);
      const match = /^PROVHUNT_NEO4J_READY (\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`provhunt: Neo4j exited with code ${code} before it was ready; see ${logFile}`)));
  });
  const timeoutMs = opts.startTimeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`provhunt: Neo4j did not start within ${timeoutMs} ms; see ${logFile}`)), timeoutMs);
  });
  let url: string;
  try {
    url = await Promise.race([ready, timeout]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    clearTimeout(timer);
  }

  return {
    url,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM'); // the JVM shutdown hook checkpoints and closes the store
      const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(killer);
      logStream.end();
    },
  };
}
