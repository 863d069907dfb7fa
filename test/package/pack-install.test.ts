/**
 * The package as a user gets it: `npm pack`, installed from the tarball into an empty project
 * outside the repository, and used there in plain Node (no tsx): the README's seven-line example,
 * its TypeScript twin checked against the shipped declarations, and the `healthscore` command,
 * which must print and compute what the repository's command does.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-data.ts';

const CONSUMER_FILES = join(REPO_ROOT, 'test', 'package', 'consumer');
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

// Without the test runner's NODE_OPTIONS, so that nothing but plain Node loads the installed package.
const { NODE_OPTIONS: _, ...ENV } = process.env;

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 240_000 });
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  [field: string]: unknown;
}

/**
 * The consumer's package-lock.json: healthscore from the tarball, and its dependencies at the
 * versions the repository's lock pins. `npm ci` caches the packages' tarballs but not the
 * registry's metadata, so an offline install can take the versions it is given, never resolve
 * a range.
 */
function consumerLock(tarballName: string, integrity: string): unknown {
  const repo = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${tarballName}`;
  const packages: Record<string, LockEntry> = {
    '': { name: 'consumer', dependencies: { healthscore: spec } },
    'node_modules/healthscore': {
      version: manifest.version,
      resolved: spec,
      integrity,
      license: manifest.license,
      dependencies: manifest.dependencies,
      optionalDependencies: manifest.optionalDependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(repo.packages)) {
    if (path === '' || entry.dev === true) continue;
    // Needed by a dev dependency and by an optional one: for the consumer, only optional.
    const { devOptional, ...rest } = entry;
    packages[path] = devOptional === true ? { ...rest, optional: true } : rest;
  }
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
}

let skipped: string | null = null;
const skip = (reason: string): void => {
  skipped = reason;
  console.log(`skipped "the packed package": ${reason}`);
};
let root = '';
let project = '';
let entries: string[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hs-package-'));
  project = join(root, 'consumer');
  mkdirSync(project);
  // dist/ is current (test/support/build-dist.ts). Without --ignore-scripts, prepack would rebuild
  // it from empty under the other test files that run it.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], REPO_ROOT);
  if (pack.error !== undefined) {
    skip(`npm cannot run here (${pack.error.message})`);
    return;
  }
  expect(pack.status, pack.stderr).toBe(0);
  const tarballName = (JSON.parse(pack.stdout) as { filename: string }[])[0].filename;
  const tarball = readFileSync(join(project, tarballName));
  entries = run('tar', ['tzf', join(project, tarballName)], project).stdout.split('\n').filter((e) => e !== '');

  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { healthscore: `file:${tarballName}` } }));
  const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(tarballName, integrity), null, 2));
  const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
  if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) {
    skip(`the npm cache lacks a dependency (npm ci fills it): ${install.stderr.split('\n').find((l) => l.includes('request to'))}`);
    return;
  }
  expect(install.status, install.stderr).toBe(0);

  cpSync(join(REPO_ROOT, 'data', 'sample'), join(project, 'data', 'sample'), { recursive: true });
  for (const file of ['example.mjs', 'example.ts']) copyFileSync(join(CONSUMER_FILES, file), join(project, file));
}, 300_000);

describe('the packed package, installed into an empty project', () => {
  it('holds the compiled library, its declarations and sources, the command and the AHP configs, and no tests, benchmarks or run outputs', (ctx) => {
    if (skipped !== null) return ctx.skip();
    const shipped = new Set(entries);
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/ahp/index.js', 'dist/value/index.js', 'dist/cli/main.js', 'bin/healthscore.js', 'models/ahp/practice-satisfaction-repeat-interaction-profit.json', 'README.md']) {
      expect(shipped.has(`package/${file}`), file).toBe(true);
    }
    expect(entries.filter((e) => /^package\/(test|tests|bench|runs|notebooks|pipelines|data|docs|scratch|coverage)\//.test(e) || /\.test\.[jt]s$|\.tsbuildinfo$/.test(e))).toEqual([]);
    // A module left in dist/ by a source file since deleted would ship code nobody maintains.
    const stale = entries.filter((e) => /^package\/dist\/.*\.js$/.test(e) && !shipped.has(e.replace(/^package\/dist\//, 'package/src/').replace(/\.js$/, '.ts')));
    expect(stale).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'healthscore', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.tsx).toBeUndefined();
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);
  });

  it('runs the seven-line example in plain Node: GBDT on worker threads, scores with reasons, a saved model, and logistic regression on a TensorFlow.js backend', (ctx) => {
    if (skipped !== null) return ctx.skip();
    const example = run(process.execPath, ['example.mjs'], project);
    expect(example.status, example.stderr).toBe(0);
    const out = JSON.parse(example.stdout.trim().split('\n').pop() ?? '') as {
      kind: string;
      rocAuc: number;
      scores: { customerId: string; churnProbability: number; healthScore: number; tier: string; reasons: string }[];
      savedManifest: boolean;
      logistic: { kind: string; backend: string; rocAuc: number };
      workers: { started: Record<string, number>; aliveWhileScoring: number; online: number; failed: number };
    };
    expect(out.kind).toBe('gbdt');
    expect(out.rocAuc).toBeGreaterThan(0.6);
    expect(out.rocAuc).toBeLessThanOrEqual(1);
    expect(out.scores.length).toBeGreaterThan(1000);
    for (const s of out.scores) {
      expect(s.churnProbability).toBeGreaterThan(0);
      expect(s.churnProbability).toBeLessThan(1);
      expect(s.healthScore).toBe(Math.round(100 * (1 - s.churnProbability)));
      expect(['healthy', 'watch', 'at-risk']).toContain(s.tier);
      expect(s.reasons).not.toBe('');
    }
    expect(out.savedManifest).toBe(true);
    // nThreads: 2 gives the histograms a worker beside the calling thread; scoring more than 256
    // rows with reasons has TreeSHAP workers (started for it, or kept from training).
    expect(out.workers.started.train).toBeGreaterThanOrEqual(1);
    expect(out.workers.aliveWhileScoring).toBeGreaterThanOrEqual(1);
    const started = Object.values(out.workers.started).reduce((a, b) => a + b, 0);
    expect(out.workers).toMatchObject({ online: started, failed: 0 });
    expect(out.logistic.kind).toBe('logistic');
    expect(['tensorflow', 'wasm']).toContain(out.logistic.backend);
    expect(out.logistic.rocAuc).toBeGreaterThan(0.6);
  });

  it('type-checks the example in TypeScript against the declarations the package ships', (ctx) => {
    if (skipped !== null) return ctx.skip();
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        // Checks every declaration file, healthscore's included; @types/node comes from the repository.
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
      },
      files: ['example.ts'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const tsc = run(process.execPath, [TSC, '-p', '.', '--listFiles'], project);
    const lines = tsc.stdout.split('\n');
    expect(lines).toContain(join(project, 'node_modules', 'healthscore', 'dist', 'index.d.ts'));
    // Other packages' declarations have errors of their own under strict (arquero's, flechette's):
    // only errors in the example and in healthscore's files count here.
    const errors = lines.filter((l) => /error TS\d+/.test(l));
    expect(errors.filter((l) => !/^node_modules\//.test(l) || /^node_modules\/healthscore\//.test(l))).toEqual([]);
  });

  it('prints the same help, byte for byte, as `npx healthscore --help` and the source CLI in the repository', (ctx) => {
    if (skipped !== null) return ctx.skip();
    const installed = run(join(project, 'node_modules', '.bin', 'healthscore'), ['--help'], project);
    const npx = run('npx', ['--offline', 'healthscore', '--help'], REPO_ROOT);
    const source = run(process.execPath, [TSX, join(REPO_ROOT, 'src', 'cli', 'main.ts'), '--help'], REPO_ROOT);
    expect(installed.status).toBe(0);
    expect(installed.stdout).toContain('Usage: healthscore');
    expect(installed.stdout).toBe(npx.stdout);
    expect(installed.stdout).toBe(source.stdout);
  });

  it('computes the same metrics, AHP comparison and scores with `healthscore run` as the source CLI', (ctx) => {
    if (skipped !== null) return ctx.skip();
    // Each run in its own folder with the same relative paths, so that paths in the outputs agree.
    const args = ['run', '--data', 'data/sample', '--out', 'run', '--version', 'parity', '--quiet'];
    const installed = run(join(project, 'node_modules', '.bin', 'healthscore'), args, project);
    expect(installed.status, installed.stderr).toBe(0);
    const sourceDir = join(root, 'source');
    cpSync(join(REPO_ROOT, 'data', 'sample'), join(sourceDir, 'data', 'sample'), { recursive: true });
    const source = run(process.execPath, [TSX, join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], sourceDir);
    expect(source.status, source.stderr).toBe(0);

    // Times (trainSeconds, generatedAt) are the only fields allowed to differ.
    const json = (dir: string, file: string): unknown =>
      JSON.parse(readFileSync(join(dir, 'run', file), 'utf8'), (key, value: unknown) => (/Seconds$|^generatedAt$/.test(key) ? undefined : value));
    for (const file of ['metrics.json', 'comparison.json', 'report-input.json', 'ingest-summary.json']) {
      expect(json(project, file), file).toEqual(json(sourceDir, file));
    }
    for (const file of ['scores.csv', 'priority.csv']) {
      expect(readFileSync(join(project, 'run', file), 'utf8'), file).toBe(readFileSync(join(sourceDir, 'run', file), 'utf8'));
    }
  });
});
