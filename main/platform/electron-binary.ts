// Finds Electron's binary without triggering its download: requiring the electron package downloads on
// first use, so we read the package's path.txt and look in dist/ ourselves.
import fs from 'node:fs';
import path from 'node:path';

export interface ElectronInstall {
  packageDir: string;
  version: string;
  /** NODE_MODULE_VERSION of this Electron, from the package's abi_version file. */
  abi: number | null;
  /** Absolute path of the executable, or null when it has not been downloaded. */
  binary: string | null;
}

/** Electron 42+ download their binary with a downloader that needs Node 22.12 or later. */
export const DOWNLOADER_MIN_NODE: readonly [number, number] = [22, 12];

export function nodeCanDownloadElectron(nodeVersion = process.versions.node): boolean {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const [needMajor, needMinor] = DOWNLOADER_MIN_NODE;
  return major > needMajor || (major === needMajor && minor >= needMinor);
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

export function inspectElectron(packageDir: string): ElectronInstall | null {
  const manifest = readText(path.join(packageDir, 'package.json'));
  if (manifest === null) return null;
  const version = (JSON.parse(manifest) as { version: string }).version;
  const abiText = readText(path.join(packageDir, 'abi_version'));
  const relative = readText(path.join(packageDir, 'path.txt'));
  const binary = relative ? path.join(packageDir, 'dist', relative) : null;
  return {
    packageDir,
    version,
    abi: abiText && /^\d+$/.test(abiText) ? Number(abiText) : null,
    binary: binary && fs.existsSync(binary) ? binary : null,
  };
}
