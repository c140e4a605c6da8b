import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { eventsPerMinute, readIngestTotals, type IngestTotals } from '../ingest/ingestStats.js';

export interface QueueDepth {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  prioritized: number;
  failed: number;
  completed: number;
}

const states = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

/** The pipeline's state from Redis: queue depths (BullMQ) and the workers' counters (src/ingest/ingestStats.ts). */
export class OperationsService {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly queues: Queue[],
  ) {}

  async queueDepths(): Promise<QueueDepth[]> {
    return Promise.all(
      this.queues.map(async (queue) => {
        const counts = await queue.getJobCounts(...states);
        return { queue: queue.name, ...Object.fromEntries(states.map((s) => [s, counts[s] ?? 0])) } as QueueDepth;
      }),
    );
  }

  ingestRate(minutes: number, now = Date.now()): Promise<Array<{ minute: number; events: number }>> {
    return eventsPerMinute(this.redis, this.prefix, minutes, now);
  }

  totals(): Promise<IngestTotals> {
    return readIngestTotals(this.redis, this.prefix);
  }
}
