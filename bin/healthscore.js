#!/usr/bin/env node
// The installed `healthscore` command: the compiled CLI in plain Node, with no TypeScript loader
// (`npm run build` writes dist/; `npm ci` and `npm install` in a checkout run it as `prepare`).
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
let cli;
try {
  cli = await import(entry.href);
} catch (err) {
  // A checkout installed with --ignore-scripts has no dist/ yet: say so instead of a stack trace.
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes(fileURLToPath(entry))) throw err;
  console.error('healthscore: dist/ is missing: run `npm run build` in the healthscore checkout');
  process.exit(70);
}
cli.runCli(process.argv.slice(2));
