import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

describe('config', () => {
  it('has loopback and local defaults', () => {
    const config = loadConfig({});
    expect(config.api).toMatchObject({ host: '127.0.0.1', port: 4000 });
    expect(config.neo4j).toMatchObject({ uri: undefined, localPort: 7687, user: 'neo4j' });
    expect(config.redis).toMatchObject({ url: undefined, localPort: 6380 });
    expect(config.workers.processes).toBe(2);
    expect(config.workers.metrics).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(config.ingest).toMatchObject({ batchSize: 2000, partitions: 4, lingerMs: 1000 });
  });

  it('takes 0 as "no linger" and refuses a negative or fractional linger', () => {
    expect(loadConfig({ PROVHUNT_BATCH_LINGER_MS: '0' }).ingest.lingerMs).toBe(0);
    expect(() => loadConfig({ PROVHUNT_BATCH_LINGER_MS: '-5' })).toThrow('PROVHUNT_BATCH_LINGER_MS: Too small');
    expect(() => loadConfig({ PROVHUNT_BATCH_LINGER_MS: '1.5' })).toThrow('PROVHUNT_BATCH_LINGER_MS');
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://x', PROVHUNT_API_PORT: 'eighty', PROVHUNT_NEO4J_PASSWORD: 'x' })).toThrow(
      'invalid configuration: NEO4J_URI: must be a bolt:// or neo4j:// URI; PROVHUNT_API_PORT: Invalid input: expected number, received NaN',
    );
    expect(() => loadConfig({ NEO4J_PASSWORD: 'short' })).toThrow('NEO4J_PASSWORD: must be at least 8 characters');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', REDIS_URL: ' ' }).neo4j.uri).toBeUndefined();
  });

  it('accepts a remote Neo4j (routing) and Redis', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'secret-pass', REDIS_URL: 'rediss://cache:6380' });
    expect(config.neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(config.redis.url).toBe('rediss://cache:6380');
  });
});
