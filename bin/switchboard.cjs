#!/usr/bin/env node
// The `switchboard` command. Runs the bundled CLI (out/main/cli.js), building it first when the
// sources are newer, so a fresh clone works right after `npm install`.
'use strict';
require('../scripts/ensure-built.cjs').ensureBuiltOrExit();
require('../out/main/cli.js').main(process.argv.slice(2));
