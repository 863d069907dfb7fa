/**
 * Writing and verifying a model version directory (`models/<name>/<version>/`). Each file goes to a
 * temporary name and is renamed, the version is staged beside the target and renamed last: a crash
 * leaves no version or a complete one, never a half-written model.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ExitCode, UserError } from '../../diagnostics/user-error.ts';
import { sha256, sha256File } from './checksum.ts';

export type ArtifactContent = Uint8Array | string;

/** Writes `data` to `path` through a temporary file in the same directory and a rename. */
export async function writeFileAtomic(path: string, data: ArtifactContent): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Creates `dir` holding exactly `files`, returning their sha256; refuses an existing `dir` (immutable). */
export async function writeArtifactFiles(dir: string, files: Readonly<Record<string, ArtifactContent>>): Promise<Record<string, string>> {
  for (const name of Object.keys(files)) {
    if (name === '' || name !== basename(name) || name.startsWith('.')) throw new Error(`artifact file name "${name}" must be a plain file name`);
  }
  if (existsSync(dir)) throw new UserError(`model version directory ${dir} already exists; choose a new version`);
  await mkdir(dirname(dir), { recursive: true });
  const staging = join(dirname(dir), `.${basename(dir)}.${randomUUID()}.staging`);
  await mkdir(staging);
  try {
    const checksums: Record<string, string> = {};
    for (const [name, content] of Object.entries(files)) {
      await writeFileAtomic(join(staging, name), content);
      checksums[name] = sha256(content);
    }
    await rename(staging, dir);
    return checksums;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Checks every listed file's sha256; a `UserError` (exit 4) names the first missing or altered one. */
export async function verifyArtifactFiles(dir: string, checksums: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, expected] of Object.entries(checksums)) {
    const path = join(dir, name);
    if (!existsSync(path)) throw new UserError(`model file ${path} is missing`, ExitCode.modelMismatch);
    const actual = await sha256File(path);
    if (actual !== expected) {
      throw new UserError(`model file ${path} fails its checksum (sha256 ${actual}, manifest records ${expected})`, ExitCode.modelMismatch);
    }
  }
}
