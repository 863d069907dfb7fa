import { describe, expect, it } from 'vitest';
import { parseOverrides, parseOverridesCsv, parseOverridesJson } from '../../src/score/overrides-file.ts';

describe('parseOverridesCsv', () => {
  it('reads points and tier overrides, blank cells as empty', () => {
    const text = 'customer_id,points,tier,reason,author,expires\nc1,10,,renewal signed,ana,2026-03-31\nc2,,watch,escalation,bo,2026-04-15\n';
    const r = parseOverridesCsv(text, 'overrides.csv');
    expect(r).toEqual({
      ok: true,
      overrides: [
        { customer_id: 'c1', points: 10, tier: null, reason: 'renewal signed', author: 'ana', expires: '2026-03-31' },
        { customer_id: 'c2', points: null, tier: 'watch', reason: 'escalation', author: 'bo', expires: '2026-04-15' },
      ],
    });
  });

  it('names the file, row and column of every mistake', () => {
    const text = 'customer_id,points,tier,reason,author,expires\nc1,ten,,r,ana,2026-03-31\nc2,,great,r,bo,2026-04-15\nc3,5,,r,,31/03/2026\n';
    const r = parseOverridesCsv(text, 'overrides.csv');
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.some((p) => p.startsWith('overrides.csv row 2, column points:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('overrides.csv row 3, column tier:'))).toBe(true);
    expect(problems).toContain('overrides.csv row 4, column author: an author is required');
    expect(problems).toContain('overrides.csv row 4, column expires: expected a date YYYY-MM-DD');
  });

  it('reports a missing column in the header as row 1', () => {
    const r = parseOverridesCsv('customer_id,points,reason,expires\n', 'o.csv');
    expect(r).toEqual({ ok: false, problems: ['o.csv row 1: missing column author (expected customer_id,points,tier,reason,author,expires)'] });
  });

  it('rejects two overrides of one customer, naming both rows', () => {
    const text = 'customer_id,points,tier,reason,author,expires\nc1,10,,r,ana,2026-03-31\nc1,-5,,r,bo,2026-03-31\n';
    expect(parseOverridesCsv(text, 'o.csv')).toEqual({ ok: false, problems: ['o.csv row 3, column customer_id: customer c1 already has an override (row 2)'] });
  });
});

describe('parseOverridesJson', () => {
  it('counts JSON rows from 1 and rejects unknown keys', () => {
    const text = JSON.stringify([{ customer_id: 'c1', points: 5, reason: 'r', author: 'a', expires: '2026-03-31', note: 'x' }]);
    const r = parseOverridesJson(text, 'o.json');
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^o\.json row 1, column \(row\): /)]);
  });

  it('is chosen for a .json file by parseOverrides', () => {
    expect(parseOverrides('[]', 'o.json')).toEqual({ ok: true, overrides: [] });
  });
});
