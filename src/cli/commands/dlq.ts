import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { deadLetterQueue, enqueueBatch, ingestQueue } from '../../queue/queues.js';
import { resolveConnections } from '../../stack/stack.js';

/** The dead-letter queue: batches that failed every retry, kept with their reason until replayed. */
export function registerDlq(program: Command): void {
  const dlq = program.command('dlq').description('list or replay batches that failed every retry');

  dlq
    .command('list')
    .description('one JSON line per dead-lettered batch: id, origin, first line, events, reason')
    .action(() =>
      withQueues(async ({ dead }) => {
        const jobs = await dead.getJobs(['waiting', 'delayed', 'prioritized']);
        if (jobs.length === 0) process.stderr.write('no dead-lettered batches\n'); // stdout stays JSON lines only
        for (const job of jobs) {
          const { job: batch, reason, failedAt, attempts } = job.data;
          process.stdout.write(`${JSON.stringify({ id: job.id, origin: batch.origin, firstLine: batch.firstLine, events: batch.events.length, reason, failedAt, attempts })}\n`);
        }
      }),
    );

  dlq
    .command('replay')
    .description('put dead-lettered batches back on the ingest queue (all, or the ids given)')
    .argument('[ids...]', 'batch ids from `provhunt dlq list`')
    .action((ids: string[]) =>
      withQueues(async ({ dead, ingest }) => {
        const jobs = await dead.getJobs(['waiting', 'delayed', 'prioritized']);
        let replayed = 0;
        for (const job of jobs) {
          if (ids.length > 0 && !ids.includes(job.id ?? '')) continue;
          // A fresh job id: the failed original may still sit in the ingest queue's failed set.
          await enqueueBatch(ingest, job.data.job, `${job.data.job.batchId}-replay-${Date.now()}`);
          await job.remove();
          replayed++;
        }
        process.stderr.write(`replayed ${replayed} batch(es)\n`);
      }),
    );
}

async function withQueues(run: (q: { dead: ReturnType<typeof deadLetterQueue>; ingest: ReturnType<typeof ingestQueue> }) => Promise<void>) {
  const config = loadConfig();
  const { redis } = resolveConnections(config);
  const dead = deadLetterQueue(redis.url, config.queuePrefix);
  const ingest = ingestQueue(redis.url, config.queuePrefix);
  try {
    await run({ dead, ingest });
  } finally {
    await Promise.all([dead.close(), ingest.close()]);
  }
}
