// Chooses which compiled better-sqlite3 binary this runtime may load.
//
// better-sqlite3 is a V8 addon, so a binary only loads in a runtime with the same
// NODE_MODULE_VERSION ("ABI"): Node 20 is 115, Electron 45 is 150. We keep one binary per ABI
// side by side (<node_modules>/.switchboard-native/abi-<N>/better_sqlite3.node) and pass the
// right one through better-sqlite3's `nativeBinding` option, so plain Node (tests, CLI, browser
// mode) and Electron can both open the database, in any order, without rebuilding anything.
//
// A binary's ABI is read from the file itself (the `node_register_module_v<N>` symbol every
// V8 addon exports), never trusted from its name: rebuild tools have been seen to report an
// Electron build while producing a Node one.
import fs from 'node:fs';
import path from 'node:path';

const BINARY_NAME = 'better_sqlite3.node';
const REGISTER_SYMBOL = /node_register_module_v(\d+)/;

export interface NativeLocations {
  /** Folder holding abi-<N>/better_sqlite3.node, one per runtime. */
  sideBySideDir: string;
  /** The binary better-sqlite3's own install produced (build/Release). */
  packageBinary: string;
}

export type NativeChoice =
  | { ok: true; path: string; abi: number }
  | { ok: false; abi: number; message: string };

/** Reads the ABI a compiled addon was built for, or null when the file is absent or unrecognised. */
export function readBinaryAbi(file: string): number | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  const match = REGISTER_SYMBOL.exec(bytes.toString('latin1'));
  return match ? Number(match[1]) : null;
}

export function sideBySidePath(sideBySideDir: string, abi: number): string {
  return path.join(sideBySideDir, `abi-${abi}`, BINARY_NAME);
}

/** Picks the binary for `abi`: the side-by-side copy first, then better-sqlite3's own build, each only if its ABI matches. */
export function chooseNativeBinding(abi: number, where: NativeLocations): NativeChoice {
  for (const candidate of [sideBySidePath(where.sideBySideDir, abi), where.packageBinary]) {
    if (readBinaryAbi(candidate) === abi) return { ok: true, path: candidate, abi };
  }
  const found = readBinaryAbi(where.packageBinary);
  const seen = found === null ? 'no usable better-sqlite3 binary was found' : `the installed binary is for ABI ${found}`;
  return {
    ok: false,
    abi,
    message: `database: this runtime needs better-sqlite3 built for ABI ${abi}, but ${seen}. Run "npm rebuild better-sqlite3" (plain Node) or "npm start" (Electron) to fetch it.`,
  };
}

/** The installed better-sqlite3 package folder. */
export function betterSqlitePackageDir(): string {
  return path.dirname(require.resolve('better-sqlite3/package.json'));
}

/** Where this installation keeps its binaries, found through better-sqlite3's own package. */
export function defaultNativeLocations(): NativeLocations {
  const packageDir = betterSqlitePackageDir();
  return {
    sideBySideDir: path.join(packageDir, '..', '.switchboard-native'),
    packageBinary: path.join(packageDir, 'build', 'Release', BINARY_NAME),
  };
}

/** The binary for the running process, or an error that says what to do. */
export function nativeBindingForThisProcess(): string {
  const choice = chooseNativeBinding(Number(process.versions.modules), defaultNativeLocations());
  if (!choice.ok) throw new Error(choice.message);
  return choice.path;
}
