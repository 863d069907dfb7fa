import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { removeStaleTemporaries, writeAtomically, writeDirectoryAtomically } from '../../src/data/atomic-output.ts';
import { sqlString } from '../../src/data/duckdb-session.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = join(REPO_ROOT, 'test/data/atomic-writer-child.ts');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

/** Runs the writer child; resolves with its exit code (null when killed) and whether it was killed mid-write. */
function runChild(target: string, rows: number, tag: string, killWhenStarted: boolean): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CHILD, target, String(rows), tag], { stdio: ['ignore', 'pipe', 'inherit'] });
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (killWhenStarted && chunk.toString().includes('started') && !killed) {
        killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, killed }));
  });
}

describe('writeAtomically', () => {
  it('replaces the file with the new content', async () => {
    const target = join(dir, 'scores.csv');
    writeFileSync(target, 'old');
    await writeAtomically(target, (tmp) => writeFile(tmp, 'new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['scores.csv']);
  });

  it('leaves the previous file and no temporary file when the writer fails', async () => {
    const target = join(dir, 'scores.csv');
    writeFileSync(target, 'old');
    await expect(
      writeAtomically(target, async (tmp) => {
        await writeFile(tmp, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['scores.csv']);
  });

  it('takes a Parquet file written by DuckDB COPY at the temporary path', async () => {
    const target = join(dir, 'scores.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await writeAtomically(target, (tmp) => conn.run(`COPY (SELECT range AS id FROM range(1000)) TO ${sqlString(tmp)} (FORMAT parquet)`));
      const n = (await conn.runAndReadAll(`SELECT COUNT(*) AS n FROM read_parquet(${sqlString(target)})`)).getRowObjectsJS()[0].n;
      expect(Number(n)).toBe(1000);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    expect(readdirSync(dir)).toEqual(['scores.parquet']);
  });

  it('keeps the previous output intact when the job is killed half-way, and a rerun succeeds', async () => {
    const target = join(dir, 'scores.csv');
    const rows = 200_000;
    const previous = 'customer_id,health_score,run\nc0,0,previous\n';
    writeFileSync(target, previous);

    const crashed = await runChild(target, rows, 'crashed', true);
    expect(crashed.killed).toBe(true);
    expect(crashed.code).toBeNull();
    expect(readFileSync(target, 'utf8')).toBe(previous);
    // The killed job leaves its temporary file behind: proof it was stopped mid-write.
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);

    expect((await runChild(target, rows, 'rerun', false)).code).toBe(0);
    const lines = readFileSync(target, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(rows + 1);
    expect(lines[rows]).toBe(`c${rows - 1},${(rows - 1) % 101},rerun`);
  }, 60_000);
});

describe('writeDirectoryAtomically', () => {
  it('replaces a whole directory, dropping files the new one does not have', async () => {
    const target = join(dir, 'as_of=2026-01-01');
    mkdirSync(target);
    writeFileSync(join(target, 'stale.parquet'), 'x');
    await writeDirectoryAtomically(target, async (tmp) => {
      mkdirSync(tmp);
      await writeFile(join(tmp, 'scores.parquet'), 'y');
    });
    expect(readdirSync(target)).toEqual(['scores.parquet']);
    expect(readdirSync(dir)).toEqual(['as_of=2026-01-01']);
  });

  it('leaves the previous directory when the writer fails', async () => {
    const target = join(dir, 'part');
    mkdirSync(target);
    writeFileSync(join(target, 'a'), 'old');
    await expect(
      writeDirectoryAtomically(target, async (tmp) => {
        mkdirSync(tmp);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readFileSync(join(target, 'a'), 'utf8')).toBe('old');
    expect(existsSync(join(dir, 'part'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['part']);
  });
});

describe('removeStaleTemporaries', () => {
  it('removes the temporary file of a writer that is gone and keeps a live one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-stale-'));
    // pid 2^22 + 1 is above Linux's pid_max default, so no such process exists.
    writeFileSync(join(dir, `.scores.csv.${2 ** 22 + 1}.0a1b2c3d.tmp`), 'partial');
    writeFileSync(join(dir, `.scores.csv.${process.pid}.0a1b2c3d.tmp`), 'mine');
    writeFileSync(join(dir, 'scores.csv'), 'previous');
    expect(await removeStaleTemporaries(join(dir, 'scores.csv'))).toEqual([`.scores.csv.${2 ** 22 + 1}.0a1b2c3d.tmp`]);
    expect(readdirSync(dir).sort()).toEqual([`.scores.csv.${process.pid}.0a1b2c3d.tmp`, 'scores.csv']);
  });
});
