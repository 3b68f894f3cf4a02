#!/usr/bin/env node
// CommonJS (bin/package.json): starting through Node's ES module loader costs a few ms more.
'use strict';
const { join } = require('node:path');

require('../dist/start.cjs').start(join(__dirname, '..', 'dist'));
