#!/usr/bin/env node
// A bin that runs the CLI bundled as one CommonJS file (dist/appeal.cjs) through vm.Script with a
// V8 code cache (dist/appeal.cjs.cache): compiled functions are read back instead of parsed and
// compiled again. Node 20 has no module.enableCompileCache (22.1+) and no code cache for ES
// modules, hence CommonJS. With a cache written by a training run at build time (a text and a PDF
// letter of the example workspace), a text letter took 170 ms of CPU instead of 230 (CommonJS
// without cache) and 270 (today's ES module chunks). V8 checks that the cache fits its version and
// flags and the source; one that does not is rejected and the file compiled as usual.
//
// The bundle (esbuild: format 'cjs', splitting off, define import.meta.url) needs three changes in
// src/: no top-level await in cli/main.ts (`main(argv).then(...)`), the built-in templates read by
// require (write dist/templates/builtin.cjs) instead of import(), and date-fns locales by require.
// On Node 22+ module.enableCompileCache() does the same for any module and this file is not needed.
//
// APPEAL_WRITE_CACHE=1 writes the cache when the process exits (the training run).
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'appeal.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // no cache: compile as usual
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(path.dirname(file));
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
if (process.env.APPEAL_WRITE_CACHE) process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
