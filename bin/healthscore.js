#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so that `npm link` / `npx healthscore`
// work without a build step. (Spawning the tsx command instead started two more Node processes:
// ~0.3 s of every invocation.)
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
runCli(process.argv.slice(2));
