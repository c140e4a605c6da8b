import net from 'node:net';
import { spawnSync } from 'node:child_process';

/** Asks the OS for a free loopback port (small race window; tests retry on bind failure). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const installHints: Record<string, string> = {
  java: 'install a JDK 17 or 21 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless)',
  mvn: 'install Apache Maven (Debian/Ubuntu: apt-get install maven)',
  'redis-server': 'install Redis (Debian/Ubuntu: apt-get install redis-server), or set REDIS_URL',
};

/** Fails with a one-line hint when a tool the local stack needs is missing. */
export function requireTool(name: keyof typeof installHints | string): void {
  const found = spawnSync('sh', ['-c', `command -v ${JSON.stringify(name)}`], { stdio: 'ignore' }).status === 0;
  if (!found) {
    const hint = installHints[name] ?? `install ${name}`;
    throw new Error(`provhunt: '${name}' was not found on PATH: ${hint}`);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`provhunt: timed out after ${timeoutMs} ms waiting for ${what}`);
}
