import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';

describe('a CLI whose reader closes the pipe (provhunt findings | head -3)', () => {
  it('exits 0 without a stack trace', async () => {
    const module = path.join(projectRoot, 'dist', 'src', 'cli', 'closedStdout.js');
    // Writes far more than a pipe holds, as a long findings listing does.
    const script = `const { exitQuietlyWhenStdoutCloses } = await import(${JSON.stringify(module)}); exitQuietlyWhenStdoutCloses();
      const line = 'x'.repeat(1000) + '\\n'; for (let i = 0; i < 5000; i++) process.stdout.write(line); await new Promise((r) => setTimeout(r, 2000));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.once('data', () => child.stdout.destroy()); // `head` has read its lines
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
