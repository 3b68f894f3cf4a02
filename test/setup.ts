// Run before every test file (vitest.config.ts setupFiles): the temporary folders a file's tests
// made are removed when its tests are done, so repeated runs do not fill the temp folder.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
