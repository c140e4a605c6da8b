import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { IngestJob, IngestResult } from '../queue/queues.js';
import type { Reject, SubmitCounts } from './submit.js';

/** What an HTTP client needs to follow its submission: counts, first rejects, and its batches. */
export interface Submission {
  id: string;
  receivedAt: string;
  counts: SubmitCounts;
  rejects: Reject[];
  jobIds: string[];
}

export interface SubmissionStatus extends Omit<Submission, 'jobIds'> {
  state: 'queued' | 'done' | 'failed';
  batches: { total: number; completed: number; failed: number; pending: number };
}

const TTL_SECONDS = 24 * 3600;
export const MAX_REPORTED_REJECTS = 100;

/** Submissions kept in Redis for a day, so any API process can answer a status request. */
export class SubmissionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly queue: Queue<IngestJob, IngestResult>,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:submission:${id}`;
  }

  async save(submission: Submission): Promise<void> {
    await this.redis.set(this.key(submission.id), JSON.stringify(submission), 'EX', TTL_SECONDS);
  }

  async status(id: string): Promise<SubmissionStatus | undefined> {
    const raw = await this.redis.get(this.key(id));
    if (!raw) return undefined;
    const { jobIds, ...submission } = JSON.parse(raw) as Submission;
    let completed = 0;
    let failed = 0;
    for (const jobId of jobIds) {
      // The state alone (a status request must not read every batch of the upload back whole).
      // Completed jobs are trimmed from Redis after an hour ('unknown' then); failed ones are kept for a week.
      const state = await this.queue.getJobState(jobId);
      if (state === 'completed' || state === 'unknown') completed++;
      else if (state === 'failed') failed++;
    }
    const pending = jobIds.length - completed - failed;
    const state = pending > 0 ? 'queued' : failed > 0 ? 'failed' : 'done';
    return { ...submission, state, batches: { total: jobIds.length, completed, failed, pending } };
  }
}
