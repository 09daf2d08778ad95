// Root writes through permission bits, so a test of a file its user may not write runs the command
// as `nobody` when the tests run as root (child_process's uid and gid options).
import fs from 'node:fs';

export type RunAs = { uid?: number; gid?: number };

/** Who to run a command as so that permission bits hold; the reason when no such user is found. */
export function unprivileged(): RunAs | { reason: string } {
  if (process.getuid?.() !== 0) return {};
  const entry = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('nobody:'));
  if (!entry) return { reason: 'running as root, with no user "nobody" to run as, so no file can be made unwritable' };
  const [, , uid, gid] = entry.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
