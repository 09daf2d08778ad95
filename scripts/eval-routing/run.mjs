// Runs the routing evaluation (TypeScript) with Vite's module runner, already installed for the
// build: no build step, no compiled copy to go stale, and none of a test runner's output.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

await runnerImport(fileURLToPath(new URL('./main.ts', import.meta.url)), { configFile: false, logLevel: 'error' });
