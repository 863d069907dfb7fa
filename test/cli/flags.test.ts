import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flag, flagName, parseFlags } from '../../src/cli/flags.ts';
import { ExitCode } from '../../src/diagnostics/user-error.ts';
import { thrownUserError } from '../support/thrown-user-error.ts';

describe('parseFlags', () => {
  it('converts commander’s text into typed values and drops keys the schema does not name', () => {
    const shape = { seedSplit: flag.wholeNumber, quiet: flag.on, keep: flag.list, model: flag.oneOf(['logistic', 'gbdt']) };
    expect(parseFlags(shape, { seedSplit: '7', keep: ' id, region ,', model: 'gbdt', extra: 'x' })).toEqual({
      seedSplit: 7,
      quiet: false,
      keep: ['id', 'region'],
      model: 'gbdt',
    });
  });

  it('names the flag as it is typed, --kebab-case, with exit code 1', () => {
    const err = thrownUserError(() => parseFlags({ seedSplit: flag.wholeNumber }, { seedSplit: '-1' }));
    expect(err.message).toBe('--seed-split: "-1" is not a whole number ≥ 0');
    expect(err.exitCode).toBe(ExitCode.usage);
  });

  it('takes a whole schema too, and reports its first problem the same way', () => {
    const Options = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD') });
    expect(thrownUserError(() => parseFlags(Options, { asOf: 'soon' })).message).toBe('--as-of: expected a date YYYY-MM-DD');
  });

  it('gives a problem of the flags as a whole without a flag name', () => {
    const Either = z.object({ a: z.string().optional(), b: z.string().optional() }).refine((o) => (o.a === undefined) !== (o.b === undefined), 'give exactly one of --a and --b');
    expect(thrownUserError(() => parseFlags(Either, {})).message).toBe('give exactly one of --a and --b');
  });
});

describe('flag', () => {
  const read = <T>(schema: z.ZodType<T>, value: unknown) => parseFlags({ x: schema }, { x: value }).x;
  const problem = (schema: z.ZodType, value: unknown) => thrownUserError(() => parseFlags({ x: schema }, { x: value })).message;

  it('reads whole numbers from text or from a number default, and refuses fractions, blanks and words', () => {
    expect(read(flag.wholeNumber, '0')).toBe(0);
    expect(read(flag.positiveWholeNumber, 5000)).toBe(5000);
    expect(problem(flag.positiveWholeNumber, '0')).toBe('--x: "0" is not a positive whole number');
    expect(problem(flag.wholeNumber, '1.5')).toBe('--x: "1.5" is not a whole number ≥ 0');
    expect(problem(flag.wholeNumber, ' ')).toBe('--x: " " is not a whole number ≥ 0');
    expect(problem(flag.wholeNumber, 'soon')).toBe('--x: "soon" is not a whole number ≥ 0');
  });

  it('reads numbers with their bounds', () => {
    expect(read(flag.nonNegativeNumber, '0')).toBe(0);
    expect(read(flag.positiveNumber, '0.5')).toBe(0.5);
    expect(problem(flag.positiveNumber, '0')).toBe('--x: "0" is not a number > 0');
    expect(problem(flag.nonNegativeNumber, 'Infinity')).toBe('--x: "Infinity" is not a number ≥ 0');
  });

  it('allows only path-safe folder names', () => {
    expect(read(flag.folderName, 'v1.2_b-3')).toBe('v1.2_b-3');
    expect(problem(flag.folderName, '../x')).toBe('--x: "../x" may hold only letters, digits, dot, dash or underscore');
  });

  it('reads a list of known values', () => {
    const kinds = flag.listOf(['logistic', 'gbdt']);
    expect(read(kinds, 'gbdt, logistic')).toEqual(['gbdt', 'logistic']);
    expect(problem(kinds, 'logistic,forest')).toBe('--x: "logistic,forest" is not a comma-separated list of logistic, gbdt');
  });

  it('reads text with a function of the command’s own', () => {
    const even = flag.read((t) => (Number(t) % 2 === 0 ? Number(t) : null), 'an even number');
    expect(read(even, '4')).toBe(4);
    expect(problem(even, '3')).toBe('--x: "3" is not an even number');
  });
});

describe('flagName', () => {
  it('turns commander’s camel-cased key back into the flag', () => {
    expect(flagName('horizonDays')).toBe('--horizon-days');
    expect(flagName('out')).toBe('--out');
  });
});
