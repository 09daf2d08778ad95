// Why a file could not be written (an export, a backup), in words a moderator can act on. The
// target is never left half-written (atomic-write.ts), which the advice can promise.

const ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full. Free some space, or choose a folder on another disk',
  EDQUOT: 'your disk quota is used up. Free some space, or choose a folder on another disk',
  EACCES: 'you may not write to that folder. Choose another folder, or check its permissions',
  EPERM: 'you may not write to that folder. Choose another folder, or check its permissions',
  EROFS: 'that disk is read-only. Choose a folder on another disk',
  ENOENT: 'its folder does not exist. Create it, or choose another folder',
  ENOTDIR: 'part of its path is a file, not a folder. Choose another path',
  EISDIR: 'it is a folder. Give a file name',
};

/** "cannot write FILE: what is wrong. What to do; nothing was written." */
export function cannotWrite(file: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const reason = (code && ADVICE[code]) ?? `${code ?? (error instanceof Error ? error.message : String(error))}`;
  return `cannot write ${file}: ${reason}; nothing was written`;
}

const READ_ADVICE: Record<string, string> = {
  ENOENT: 'there is no such file. Check the path',
  EACCES: 'you may not read it. Check its permissions',
  EPERM: 'you may not read it. Check its permissions',
  EISDIR: 'it is a folder. Give a file name',
};

/** "cannot read FILE: what is wrong. What to do", for a file a command was given to read. */
export function cannotRead(file: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  return `cannot read ${file}: ${(code && READ_ADVICE[code]) ?? code ?? (error instanceof Error ? error.message : String(error))}`;
}
