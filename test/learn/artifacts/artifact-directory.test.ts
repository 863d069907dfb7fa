import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyArtifactFiles, writeArtifactFiles, writeFileAtomic } from '../../../src/learn/artifacts/artifact-directory.ts';
import { sha256 } from '../../../src/learn/artifacts/checksum.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'hs-art-'));

describe('writeArtifactFiles', () => {
  it('writes every file and returns their sha256', async () => {
    const dir = join(fresh(), 'm', 'v1');
    const sums = await writeArtifactFiles(dir, { 'a.json': '{"x":1}', 'b.bin': Uint8Array.of(1, 2, 3) });
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"x":1}');
    expect(sums).toEqual({ 'a.json': sha256('{"x":1}'), 'b.bin': sha256(Uint8Array.of(1, 2, 3)) });
  });

  it('leaves no staging or temporary files behind', async () => {
    const root = fresh();
    await writeArtifactFiles(join(root, 'v1'), { 'a.txt': 'a' });
    expect(readdirSync(root)).toEqual(['v1']);
    expect(readdirSync(join(root, 'v1'))).toEqual(['a.txt']);
  });

  it('refuses to overwrite an existing version', async () => {
    const dir = join(fresh(), 'v1');
    await writeArtifactFiles(dir, { 'a.txt': 'a' });
    await expect(writeArtifactFiles(dir, { 'a.txt': 'b' })).rejects.toThrow(/already exists/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('a');
  });

  it('refuses file names that would leave the directory', async () => {
    await expect(writeArtifactFiles(join(fresh(), 'v1'), { '../x': 'a' })).rejects.toThrow(/plain file name/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file in one step', async () => {
    const path = join(fresh(), 'f.txt');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
  });
});

describe('verifyArtifactFiles', () => {
  it('accepts untouched files', async () => {
    const dir = join(fresh(), 'v1');
    const sums = await writeArtifactFiles(dir, { 'a.txt': 'a' });
    await expect(verifyArtifactFiles(dir, sums)).resolves.toBeUndefined();
  });

  it('stops on an altered file with a message naming it', async () => {
    const dir = join(fresh(), 'v1');
    const sums = await writeArtifactFiles(dir, { 'a.txt': 'a', 'b.txt': 'b' });
    writeFileSync(join(dir, 'b.txt'), 'tampered');
    await expect(verifyArtifactFiles(dir, sums)).rejects.toThrow(/b\.txt fails its checksum/);
  });

  it('stops on a missing file with a message naming it', async () => {
    const dir = join(fresh(), 'v1');
    await writeArtifactFiles(dir, { 'a.txt': 'a' });
    await expect(verifyArtifactFiles(dir, { 'gone.txt': sha256('x') })).rejects.toThrow(/gone\.txt is missing/);
  });
});
