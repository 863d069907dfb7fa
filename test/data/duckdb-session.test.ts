import { describe, expect, it } from 'vitest';
import { sqlIdent, sqlString } from '../../src/data/duckdb-session.ts';

describe('sqlString and sqlIdent', () => {
  it('double the quote character', () => {
    expect(sqlString("O'Brien")).toBe("'O''Brien'");
    expect(sqlIdent('say "hi"')).toBe('"say ""hi"""');
  });
});
