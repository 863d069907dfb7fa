/**
 * Executes every notebook in notebooks/ headless, top to bottom, with the tslab kernel
 * (`jupyter nbconvert --execute`), as a reader would run it; see docs/notebooks.md. Skips with one
 * line where jupyter-nbconvert or the tslab kernelspec is absent (`.ci/run` installs both). The
 * notebooks load the built package (dist/), which the global setup test/support/build-dist.ts
 * brings up to date before any test runs.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT } from '../support/shared-data.ts';

const NOTEBOOKS_DIR = join(REPO_ROOT, 'notebooks');
/** Tens of seconds each on an idle machine; generous, because the CI machine may be shared. */
const NOTEBOOK_TIMEOUT_MS = 600_000;

const KERNELSPEC_DIRS = [
  '/usr/local/share/jupyter/kernels/tslab',
  '/usr/share/jupyter/kernels/tslab',
  join(homedir(), '.local', 'share', 'jupyter', 'kernels', 'tslab'),
];

/** The parts of an executed notebook (nbformat 4) this test reads. */
const ExecutedNotebook = z.object({
  metadata: z.object({ kernelspec: z.object({ name: z.string() }) }),
  cells: z.array(
    z.object({
      cell_type: z.string(),
      outputs: z
        .array(z.object({ output_type: z.string(), ename: z.string().optional(), evalue: z.string().optional(), data: z.record(z.string(), z.unknown()).optional() }))
        .optional(),
    }),
  ),
});

/** Jupyter stores text outputs as one string or as a list of lines. */
const htmlOf = (data: unknown): string => (Array.isArray(data) ? data.join('') : typeof data === 'string' ? data : '');

/** The parts of a stored notebook the public-API check reads: each cell's source. */
const StoredNotebook = z.object({ cells: z.array(z.object({ cell_type: z.string(), source: z.union([z.string(), z.array(z.string())]) })) });

/** The code of every code cell of a stored notebook. */
function codeCells(file: string): string[] {
  const { cells } = StoredNotebook.parse(JSON.parse(readFileSync(file, 'utf8')));
  return cells.filter((c) => c.cell_type === 'code').map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
}

function missingTool(): string | null {
  const nbconvert = spawnSync('jupyter-nbconvert', ['--version'], { encoding: 'utf8' });
  if (nbconvert.error !== undefined || nbconvert.status !== 0) return 'jupyter-nbconvert is not installed';
  if (!KERNELSPEC_DIRS.some((d) => existsSync(join(d, 'kernel.json')))) {
    return 'the tslab kernelspec is not installed (npx tslab install --python=/usr/bin/python3)';
  }
  return null;
}

interface Finished {
  status: number | null;
  stderr: string;
}

/** Runs jupyter-nbconvert; resolves with its exit status (null when killed) and stderr. */
async function runNbconvert(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout: number; maxBuffer: number }): Promise<Finished> {
  try {
    const { stderr } = await promisify(execFile)('jupyter-nbconvert', args, { ...options, encoding: 'utf8' });
    return { status: 0, stderr };
  } catch (e) {
    const failed = e as { code?: number | string; stderr?: string };
    return { status: typeof failed.code === 'number' ? failed.code : null, stderr: `${String(e)}\n${failed.stderr ?? ''}` };
  }
}

const notebooks = readdirSync(NOTEBOOKS_DIR).filter((f) => f.endsWith('.ipynb')).sort();

/** What a notebook may load: the package's public entries, the kernel, Node's built-ins, and Vega for charts. */
const ALLOWED_MODULES = new Set(['healthscore', 'healthscore/ahp', 'healthscore/value', 'tslab', 'vega', 'vega-lite']);

describe('notebooks use the public API', () => {
  for (const name of notebooks) {
    it(`${name} loads only the package's public entries, never a path into the repository`, () => {
      const code = codeCells(join(NOTEBOOKS_DIR, name)).join('\n');
      const specifiers = [...code.matchAll(/(?:from|require\(|importModule\()\s*'([^']+)'/g)].map((m) => m[1]);
      expect(specifiers).toContain('healthscore');
      expect(specifiers.filter((s) => !ALLOWED_MODULES.has(s) && !s.startsWith('node:'))).toEqual([]);
    });
  }
});

const missing = missingTool();
const suite = missing === null ? describe : describe.skip;
if (missing !== null) console.log(`skipped "notebooks execute": ${missing}`);

suite('notebooks execute', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'healthscore-notebooks-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('finds the three notebooks', () => {
    expect(notebooks).toEqual(['01-explore-data.ipynb', '02-train-calibrate-evaluate.ipynb', '03-ahp-vs-learned.ipynb']);
  });

  for (const name of notebooks) {
    it(
      `${name} runs top to bottom without an error and shows its tables and charts`,
      async () => {
        const out = join(outDir, name);
        // Asynchronous, so that the test worker stays responsive to vitest while the kernel runs.
        const run = await runNbconvert(
          ['--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=600', '--output', out, name],
          {
            cwd: NOTEBOOKS_DIR,
            // The kernel finds the `tslab` command in the project's node_modules.
            env: { ...process.env, PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
            timeout: NOTEBOOK_TIMEOUT_MS,
            maxBuffer: 1 << 26,
          },
        );
        expect(run.status, run.stderr.slice(-4000)).toBe(0);

        const executed = ExecutedNotebook.parse(JSON.parse(readFileSync(out, 'utf8')));
        expect(executed.metadata.kernelspec.name).toBe('tslab');
        const code = executed.cells.filter((c) => c.cell_type === 'code');
        const outputs = code.flatMap((c) => c.outputs ?? []);
        const errors = outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename ?? ''}: ${o.evalue ?? ''}`);
        expect(errors).toEqual([]);
        // tslab leaves execution_count null, so "it ran" is read from the outputs: every notebook
        // shows HTML tables with rows and SVG charts.
        const html = outputs.flatMap((o) => (o.output_type === 'display_data' ? [htmlOf(o.data?.['text/html'])] : []));
        expect(html.some((h) => h.startsWith('<table>') && h.includes('<td>'))).toBe(true);
        expect(html.some((h) => h.startsWith('<svg'))).toBe(true);
      },
      NOTEBOOK_TIMEOUT_MS,
    );
  }
});
