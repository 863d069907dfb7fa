/**
 * Crash-safe output for scoring jobs: a file (CSV or Parquet, however large, written by a stream
 * or by DuckDB's COPY) or a whole directory (a score-history partition) is written under a
 * temporary name in the same directory, flushed to disk, then renamed over the target.
 *
 * rename(2) within one file system replaces the target atomically, so a reader — or a rerun after
 * the job was killed — sees either the complete previous output or the complete new one, never a
 * half-written file. The temporary name is in the target's own directory because a rename across
 * file systems is a copy, not atomic. The fsync before the rename keeps a power cut from
 * exposing a renamed but empty file; the fsync of the directory makes the rename itself durable.
 * (`writeFileAtomic` in src/learn/artifacts covers small in-memory artifacts; this module is for
 * writers that need a path.)
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A sibling temporary name: hidden, unique per process and call, recognisable for clean-up. */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files that a killed writer of `path` left behind (their process is gone), so
 * that rerunning an interrupted job leaves a clean folder. Returns the names removed.
 */
export async function removeStaleTemporaries(path: string): Promise<string[]> {
  const prefix = `.${basename(path)}.`;
  const removed: string[] = [];
  for (const name of await readdir(dirname(path))) {
    const m = name.startsWith(prefix) ? /\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length - 1)) : null;
    if (m === null || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    await rm(join(dirname(path), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncTree(path: string): Promise<void> {
  if ((await stat(path)).isDirectory()) {
    for (const entry of await readdir(path)) await fsyncTree(join(path, entry));
  }
  await fsyncPath(path);
}

/**
 * Runs `write(temporary)`, which must create the file at the path it is given, then makes it the
 * file at `path`. If `write` throws, the temporary file is removed, the previous file at `path`
 * is untouched, and the error propagates.
 *
 * @example await writeAtomically('scores.csv', (tmp) => writeFile(tmp, text));
 */
export async function writeAtomically<T>(path: string, write: (temporary: string) => Promise<T>): Promise<T> {
  const temporary = temporaryPath(path);
  try {
    const result = await write(temporary);
    await fsyncPath(temporary);
    await rename(temporary, path);
    await fsyncPath(dirname(path));
    return result;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The same for a directory: `write(temporary)` fills a fresh directory, which then replaces the
 * one at `path`. Replacing a directory takes two renames (the old one aside, the new one in), so
 * there is an instant where `path` is absent; a reader treats an absent partition as not yet
 * written, never as a half-written one, and the next run finishes the swap.
 */
export async function writeDirectoryAtomically<T>(path: string, write: (temporary: string) => Promise<T>): Promise<T> {
  const temporary = temporaryPath(path);
  const previous = `${temporary}.previous`;
  try {
    const result = await write(temporary);
    await fsyncTree(temporary);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (exists) await rename(path, previous);
    await rename(temporary, path);
    await fsyncPath(dirname(path));
    await rm(previous, { recursive: true, force: true });
    return result;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
