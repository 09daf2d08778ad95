import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never half of it: the bytes go to
 * a temporary file beside the target, are flushed, then renamed over it.
 */
export function writeFileAtomic(target: string, content: string | Buffer): void {
  const resolved = path.resolve(target);
  const temporary = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${Date.now()}.tmp`);
  const handle = fs.openSync(temporary, 'w', 0o644);
  try {
    fs.writeFileSync(handle, content);
    fs.fsyncSync(handle);
  } catch (error) {
    fs.closeSync(handle);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(handle);
  fs.renameSync(temporary, resolved);
}
