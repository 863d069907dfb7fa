/**
 * Executes every notebook in notebooks/ headless, top to bottom, with the tslab kernel
 * (`jupyter nbconvert --execute`), as a reader would run it; see docs/notebooks.md. Skips with one
 * line where jupyter-nbconvert or the tslab kernelspec is absent (`.ci/run` installs both).
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
            env: {
              ...process.env,
              // The kernel runs Node with tsx so that cells can import the library's .ts modules,
              // and finds the `tslab` command in the project's node_modules.
              NODE_OPTIONS: '--import tsx',
              PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
            },
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
        // shows HTML tables and charts.
        expect(outputs.some((o) => o.output_type === 'display_data' && o.data?.['text/html'] !== undefined)).toBe(true);
      },
      NOTEBOOK_TIMEOUT_MS,
    );
  }
});
