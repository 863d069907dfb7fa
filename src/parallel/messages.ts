/** What the pool and its workers say to each other (structured-cloned; shared memory stays shared). */
export type WorkerMessage =
  | { type: 'share'; id: number; value: unknown }
  | { type: 'release'; id: number }
  | { type: 'job'; job: number; module: string; name: string; args: unknown; ctrl: Int32Array; chunks: number; reply: boolean };

export interface JobDone {
  type: 'done';
  job: number;
  ok: boolean;
}
