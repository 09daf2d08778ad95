// A database file damaged the way a failing disk or a bad copy leaves one.
import fs from 'node:fs';

/** Overwrites four pages in the middle of a closed database file with garbage. */
export function damagePages(file: string): void {
  const pageSize = 4096;
  const pages = Math.floor(fs.statSync(file).size / pageSize);
  if (pages < 8) throw new Error(`${file} has only ${pages} pages; seed more comments before damaging it`);
  const garbage = Buffer.alloc(pageSize * 4, 0xa5);
  const handle = fs.openSync(file, 'r+');
  try {
    fs.writeSync(handle, garbage, 0, garbage.length, Math.floor(pages / 2) * pageSize);
  } finally {
    fs.closeSync(handle);
  }
}
