/**
 * Crash-safe output for writers that need a path (a stream, DuckDB's COPY, a score-history folder):
 * written under a temporary name in the target's directory (a rename across file systems is a copy),
 * fsynced (so a power cut cannot expose an empty file), then renamed over the target, which rename(2)
 * does atomically: a reader or a rerun sees the whole previous output or the whole new one.
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

/** Removes the temporaries a killed writer of `path` left behind (their process is gone); returns their names. */
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
 * Runs `write(temporary)`, which must create that file, then makes it the file at `path`. If `write`
 * throws, the temporary is removed, the previous file at `path` is untouched and the error propagates.
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
 * The same for a directory. Replacing one takes two renames (old aside, new in), so `path` is briefly
 * absent; a reader takes an absent partition as not yet written, and the next run finishes the swap.
 */
export async function writeDirectoryAtomically<T>(path: string, write: (temporary: string) => Promise<T>): Promise<T> {
  const temporary = temporaryPath(path);
  const previous = `${temporary}.previous`;
  try {
    const result = await write(temporary);
    await fsyncTree(temporary);
    if (await stat(path).catch(() => null)) await rename(path, previous);
    await rename(temporary, path);
    await fsyncPath(dirname(path));
    await rm(previous, { recursive: true, force: true });
    return result;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
