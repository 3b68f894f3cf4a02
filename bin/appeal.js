#!/usr/bin/env node
import '../dist/appeal.js';
