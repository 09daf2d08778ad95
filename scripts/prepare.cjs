// `npm install` / `npm ci` lifecycle step: build the app so `npx switchboard` works at once, and
// put better-sqlite3's binaries in place for each runtime. Prints notices; never fails the install
// for something only the desktop window needs.
'use strict';
const path = require('node:path');

require('./ensure-built.cjs').ensureBuiltOrExit();
try {
  require('../out/main/cli.js').prepareNative(path.resolve(__dirname, '..'), (line) => process.stderr.write(line + '\n'));
} catch (error) {
  process.stderr.write(`switchboard: could not set up better-sqlite3's binaries: ${error.message}\n`);
}
