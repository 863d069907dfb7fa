// Notebooks run in tslab, which compiles cells to CommonJS; the library is ES modules written in
// TypeScript. This file gives cells a real dynamic import(), resolved from the repository root,
// and the kernel runs Node with `--import tsx` so that .ts modules load (see README: Notebooks).
const { resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
module.exports = (path) => import(pathToFileURL(resolve(__dirname, '..', path)).href);
