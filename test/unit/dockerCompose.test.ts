import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { envSchema, loadConfig } from '../../src/config/config.js';
import { projectRoot } from '../../src/config/paths.js';

// No Docker engine runs here, so the compose file is checked against the config module instead.
interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const known = Object.keys(envSchema.shape);

describe('docker-compose.yml', () => {
  it('has neo4j 5.26 community, redis, the API and the workers', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'neo4j', 'redis', 'workers']);
    expect(compose.services.neo4j!.image).toBe('neo4j:5.26-community');
    expect(compose.services.redis!.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
  });

  it('gives the API and workers only variables the config module knows, with values it accepts', () => {
    for (const name of ['api', 'workers']) {
      const env = compose.services[name]!.environment!;
      expect(Object.keys(env).filter((k) => !known.includes(k)), `${name} has unknown variables`).toEqual([]);
      const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace(/\$\{[^}]+\}/, 'compose-substituted-secret')]));
      expect(() => loadConfig(resolved)).not.toThrow();
      expect(env.NEO4J_URI).toBe('bolt://neo4j:7687');
      expect(env.REDIS_URL).toBe('redis://redis:6379');
    }
  });

  it('runs the real entry points: the API command and the worker script', () => {
    expect(compose.services.api!.command).toEqual(['node', 'dist/src/cli/main.js', 'api']);
    expect(compose.services.workers!.command).toEqual(['node', 'dist/workers/ingest.js']);
    expect(fs.existsSync(path.join(projectRoot, 'workers', 'ingest.ts'))).toBe(true);
  });

  it('publishes ports on the host loopback only and waits for healthy dependencies', () => {
    for (const service of Object.values(compose.services)) {
      for (const port of service.ports ?? []) expect(port.startsWith('127.0.0.1:')).toBe(true);
    }
    expect(compose.services.api!.depends_on).toEqual({ neo4j: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });
});
