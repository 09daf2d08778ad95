// Database files damaged the way a failing disk or a bad copy leaves them.
import fs from 'node:fs';

const PAGE = 4096;

function overwrite(file: string, firstPage: number, pages: number): void {
  const garbage = Buffer.alloc(PAGE * pages, 0xa5);
  const handle = fs.openSync(file, 'r+');
  try {
    fs.writeSync(handle, garbage, 0, garbage.length, firstPage * PAGE);
  } finally {
    fs.closeSync(handle);
  }
}

/** Overwrites four pages in the middle of a closed database file with garbage: only a full check (or a read of them) sees it. */
export function damagePages(file: string): void {
  const pages = Math.floor(fs.statSync(file).size / PAGE);
  if (pages < 8) throw new Error(`${file} has only ${pages} pages; seed more comments before damaging it`);
  overwrite(file, Math.floor(pages / 2), 4);
}

/** Overwrites the first page (the header and the schema) with garbage: nothing can be read. */
export function damageHeader(file: string): void {
  overwrite(file, 0, 1);
}
