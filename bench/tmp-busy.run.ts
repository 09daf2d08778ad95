import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { ensureBigDb } from './big-db';
import { busyFigures } from './busy-figures';
it('tmp', async () => {
  const print = (t: string) => process.stdout.write(`${t}\n`);
  const file = ensureBigDb(print);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-copy-'));
  const copy = path.join(dir, 'switchboard.db');
  fs.copyFileSync(file, copy);
  try { await busyFigures(copy, print); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});
