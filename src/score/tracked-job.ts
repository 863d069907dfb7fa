/**
 * A pool job's promise with whether it has settled: the batch job's helpers do a chunk's work on
 * their own thread rather than wait for a pool that is busy.
 */
export interface TrackedJob {
  /** Rejects as the job did: the caller awaits it where it needs the job's output. */
  readonly job: Promise<void>;
  readonly settled: boolean;
}

export function trackJob(job: Promise<void>): TrackedJob {
  const tracked = { job, settled: false };
  const settle = (): void => {
    tracked.settled = true;
  };
  // This branch also keeps a failure from counting as unhandled before the caller awaits the job.
  job.then(settle, settle);
  return tracked;
}
