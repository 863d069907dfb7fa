import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonText, readJsonFile, schemaProblems } from '../../src/data/json-file.ts';
import { ExitCode } from '../../src/diagnostics/user-error.ts';
import { thrownUserError } from '../support/thrown-user-error.ts';

const Point = z.object({ x: z.number(), y: z.number().default(0) });

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hs-json-')), 'p.json');
  writeFileSync(path, text);
  return path;
}

describe('parseJsonText', () => {
  it('returns the schema output, defaults filled in', () => {
    expect(parseJsonText('{"x": 1}', 'p.json', Point)).toEqual({ x: 1, y: 0 });
  });

  it('names the file and the parser message for text that is not JSON, exit code 3', () => {
    const err = thrownUserError(() => parseJsonText('{"x": ', 'p.json', Point));
    expect(err.message).toMatch(/^p\.json: not valid JSON \(.+\)$/);
    expect(err.exitCode).toBe(ExitCode.badInput);
  });

  it('names the file and the path inside it of a schema problem', () => {
    const err = thrownUserError(() => parseJsonText('{"x": "1"}', 'p.json', Point));
    expect(err.message).toBe('p.json: x: Invalid input: expected number, received string');
  });

  it('calls the document itself (root)', () => {
    expect(thrownUserError(() => parseJsonText('[]', 'p.json', Point)).message).toBe('p.json: (root): Invalid input: expected object, received array');
  });

  it('lists the first three problems on one line and counts the rest', () => {
    const Five = z.object({ a: z.number(), b: z.number(), c: z.number(), d: z.number(), e: z.number() });
    const message = thrownUserError(() => parseJsonText('{}', 'p.json', Five)).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^p\.json: a: .+; b: .+; c: .+; and 2 more$/);
  });

  it('carries the exit code the caller gives, for every kind of problem', () => {
    expect(thrownUserError(() => parseJsonText('nope', 'm.json', Point, { exitCode: ExitCode.modelMismatch })).exitCode).toBe(ExitCode.modelMismatch);
    expect(thrownUserError(() => parseJsonText('{}', 'm.json', Point, { exitCode: ExitCode.modelMismatch })).exitCode).toBe(ExitCode.modelMismatch);
  });
});

describe('readJsonFile', () => {
  it('reads, parses and checks a file', () => {
    expect(readJsonFile(file('{"x": 2, "y": 3}'), Point)).toEqual({ x: 2, y: 3 });
  });

  it('says what could not be read, and why, for a missing file', () => {
    const path = join(tmpdir(), 'hs-json-none', 'none.json');
    const err = thrownUserError(() => readJsonFile(path, Point, { what: 'the point' }));
    expect(err.message).toBe(`${path}: cannot read the point (ENOENT)`);
    expect(err.exitCode).toBe(ExitCode.badInput);
    expect(thrownUserError(() => readJsonFile(path, Point)).message).toBe(`${path}: cannot read the file (ENOENT)`);
  });

  it('names the file for a schema problem', () => {
    const path = file('{"y": 1}');
    expect(thrownUserError(() => readJsonFile(path, Point)).message).toBe(`${path}: x: Invalid input: expected number, received undefined`);
  });
});

describe('schemaProblems', () => {
  it('gives one line per issue, each naming the source and the path', () => {
    const r = Point.safeParse({ x: 'a', y: 'b' });
    expect(r.success ? [] : schemaProblems(r.error, 'w.json')).toEqual([
      'w.json: x: Invalid input: expected number, received string',
      'w.json: y: Invalid input: expected number, received string',
    ]);
  });
});
