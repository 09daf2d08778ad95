import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never half of it: the bytes go to
 * a new temporary file beside the target (created exclusively, under an unguessable name, so no
 * planted file or link is followed), are flushed, then renamed over it. On any failure, even
 * halfway through a stream of chunks, the temporary file is removed and the target is untouched.
 */
export function writeFileAtomic(target: string, content: string | Buffer | Iterable<string>): void {
  const resolved = path.resolve(target);
  const temporary = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = fs.openSync(temporary, 'wx', 0o644);
    try {
      if (typeof content === 'string' || Buffer.isBuffer(content)) fs.writeFileSync(handle, content);
      else for (const chunk of content) fs.writeSync(handle, chunk);
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(temporary, resolved);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
