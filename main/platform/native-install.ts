// Obtains better-sqlite3 built for Electron's ABI, next to (never over) the Node build.
// better-sqlite3 publishes Electron prebuilds; prebuild-install fetches one into a scratch copy of
// the package, we check the ABI inside the file, and only then move it into place.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { betterSqlitePackageDir, defaultNativeLocations, readBinaryAbi, sideBySidePath } from '../../db/native';

export type NativeInstallResult = { ok: true; path: string } | { ok: false; reason: string };

/** Copies `source` into `target` only if its ABI is `abi`; the write is atomic (temp file, rename). */
export function installVerifiedBinary(source: string, target: string, abi: number): NativeInstallResult {
  const found = readBinaryAbi(source);
  if (found !== abi) {
    return { ok: false, reason: `the binary obtained is for ABI ${found ?? 'unknown'}, not ${abi}; it was not installed` };
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  fs.copyFileSync(source, temporary);
  fs.renameSync(temporary, target);
  return { ok: true, path: target };
}

export function ensureElectronBinding(electronVersion: string, abi: number): NativeInstallResult {
  const where = defaultNativeLocations();
  const target = sideBySidePath(where.sideBySideDir, abi);
  if (readBinaryAbi(target) === abi) return { ok: true, path: target };

  const packageDir = betterSqlitePackageDir();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-native-'));
  try {
    fs.copyFileSync(path.join(packageDir, 'package.json'), path.join(scratch, 'package.json'));
    const prebuildInstall = require.resolve('prebuild-install/bin.js', { paths: [packageDir] });
    const run = spawnSync(
      process.execPath,
      [prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform],
      { cwd: scratch, encoding: 'utf8', timeout: 120_000 },
    );
    const built = path.join(scratch, 'build', 'Release', 'better_sqlite3.node');
    if (run.status !== 0 || !fs.existsSync(built)) {
      const detail = (run.stderr || run.error?.message || '').trim().split('\n').at(-1) ?? '';
      return { ok: false, reason: `no better-sqlite3 prebuild for Electron ${electronVersion} could be downloaded${detail ? ` (${detail})` : ''}` };
    }
    return installVerifiedBinary(built, target, abi);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
