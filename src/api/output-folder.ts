/**
 * Where a reader writes its clean store and quarantine files: the caller's folder, kept, or a
 * temporary one, removed once the tables are in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `use` on `out`, or on a new temporary folder (named from `prefix`) removed afterwards. */
export async function inOutputFolder<T>(out: string | undefined, prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  if (out !== undefined) return use(out);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
