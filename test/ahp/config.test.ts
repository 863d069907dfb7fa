import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AhpConfig, ahpConfigJsonSchema } from '../../src/ahp/config.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

const dir = join(REPO_ROOT, 'models', 'ahp');
const schemaPath = join(dir, 'ahp-config.schema.json');

describe('AhpConfig', () => {
  it('has its committed JSON Schema up to date (regenerate: UPDATE_AHP_SCHEMA=1 npx vitest run test/ahp/config.test.ts)', () => {
    const current = `${JSON.stringify(ahpConfigJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_AHP_SCHEMA === '1') writeFileSync(schemaPath, current);
    expect(readFileSync(schemaPath, 'utf8')).toBe(current);
  });

  it.each(readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')))(
    'accepts the example %s, which points editors at the schema',
    (file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { $schema?: string };
      expect(AhpConfig.safeParse(json).success).toBe(true);
      expect(json.$schema).toBe('./ahp-config.schema.json');
    },
  );

  it('rejects an unknown key, so a typo is not silently ignored', () => {
    const r = AhpConfig.safeParse({
      name: 'x',
      dimensions: [{ name: 'a', indicators: [{ feature: 'f', direktion: 'riskier' }] }],
      judgments: { method: 'percentages', weights: { a: 100 } },
    });
    expect(r.success).toBe(false);
  });

  it('accepts fractions written as strings and null cells', () => {
    const r = AhpConfig.safeParse({
      name: 'x',
      dimensions: [
        { name: 'a', indicators: [{ feature: 'f' }] },
        { name: 'b', indicators: [{ feature: 'g' }] },
      ],
      judgments: { method: 'pairwise', judges: [{ judge: 'j', matrix: [[1, '1/3'], [null, 1]] }] },
    });
    expect(r.success).toBe(true);
  });
});

describe('indicatorLevels', () => {
  it('collects the ordinal levels of categorical indicators by feature', async () => {
    const { indicatorLevels } = await import('../../src/ahp/config.ts');
    const levels = indicatorLevels({
      dimensions: [
        { indicators: [{ feature: 'Contract', levels: ['Month-to-month', 'One year', 'Two year'] }, { feature: 'tenure' }] },
        { indicators: [{ feature: 'TechSupport', levels: ['No', 'Yes'] }] },
      ],
    });
    expect([...levels.keys()]).toEqual(['Contract', 'TechSupport']);
    expect(levels.get('Contract')).toEqual(['Month-to-month', 'One year', 'Two year']);
  });
});
