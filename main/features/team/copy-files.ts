// Where a desktop's files go when it joins or leaves a team: joining moves the solo database aside
// (kept whole, with its -wal and -shm, so nothing of it is lost and it can come back), and a fresh
// file at the same path becomes the team copy; leaving swaps them back, keeping the team copy aside.
import fs from 'node:fs';
import { SwitchboardError } from '../../../common/errors';

const SIDE_FILES = ['', '-wal', '-shm'];

export const soloAside = (dbPath: string) => `${dbPath}.solo.db`;
export const teamAside = (dbPath: string) => `${dbPath}.team.db`;

/** Moves a database (and its side files) from one path to another; refuses to overwrite one. */
export function moveDatabase(from: string, to: string, stage: string): void {
  if (fs.existsSync(to)) {
    throw new SwitchboardError('conflict', stage, `${to} already exists and would be overwritten: move it somewhere else first (it is a database kept aside earlier)`);
  }
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(from + suffix)) fs.renameSync(from + suffix, to + suffix);
  }
}

export function databaseExists(dbPath: string): boolean {
  return fs.existsSync(dbPath);
}
