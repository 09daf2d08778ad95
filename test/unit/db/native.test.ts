import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding, defaultNativeLocations, readBinaryAbi, sideBySidePath } from '../../../db/native';
import { installVerifiedBinary } from '../../../main/platform/native-install';
import { tempDir } from '../../support/temp';

/** A stand-in for a compiled addon: what matters to the chooser is the register symbol inside. */
function fakeBinary(file: string, abi: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.from(`\0node_register_module_v${abi}\0`)]));
  return file;
}

function locations() {
  const root = tempDir();
  return { sideBySideDir: path.join(root, 'side'), packageBinary: path.join(root, 'pkg', 'build', 'Release', 'better_sqlite3.node') };
}

describe('native binding choice', () => {
  it('reads the ABI out of the installed better-sqlite3 binary, and it matches this Node', () => {
    const abi = Number(process.versions.modules);
    expect(readBinaryAbi(defaultNativeLocations().packageBinary)).toBe(abi);
  });

  it('prefers the side-by-side binary for the running ABI', () => {
    const where = locations();
    fakeBinary(where.packageBinary, 115);
    const side = fakeBinary(sideBySidePath(where.sideBySideDir, 150), 150);
    expect(chooseNativeBinding(150, where)).toEqual({ ok: true, path: side, abi: 150 });
  });

  it("falls back to the package's own build when its ABI matches", () => {
    const where = locations();
    fakeBinary(where.packageBinary, 115);
    fakeBinary(sideBySidePath(where.sideBySideDir, 150), 150);
    expect(chooseNativeBinding(115, where)).toEqual({ ok: true, path: where.packageBinary, abi: 115 });
  });

  it('never trusts a file by its folder name: a Node build sitting in the Electron slot is refused', () => {
    const where = locations();
    fakeBinary(where.packageBinary, 115);
    fakeBinary(sideBySidePath(where.sideBySideDir, 150), 115);
    const choice = chooseNativeBinding(150, where);
    expect(choice.ok).toBe(false);
    expect(!choice.ok && choice.message).toContain('needs better-sqlite3 built for ABI 150, but the installed binary is for ABI 115');
  });

  it('says what to run when no binary exists at all', () => {
    const choice = chooseNativeBinding(115, locations());
    expect(!choice.ok && choice.message).toMatch(/no usable better-sqlite3 binary was found\. Run "npm rebuild better-sqlite3"/);
  });

  it('installs an obtained binary only when its ABI is the one asked for', () => {
    const root = tempDir();
    const target = path.join(root, 'abi-150', 'better_sqlite3.node');
    const wrong = fakeBinary(path.join(root, 'download', 'wrong.node'), 115);
    expect(installVerifiedBinary(wrong, target, 150)).toEqual({
      ok: false,
      reason: 'the binary obtained is for ABI 115, not 150; it was not installed',
    });
    expect(fs.existsSync(target)).toBe(false);

    const right = fakeBinary(path.join(root, 'download', 'right.node'), 150);
    expect(installVerifiedBinary(right, target, 150)).toEqual({ ok: true, path: target });
    expect(readBinaryAbi(target)).toBe(150);
  });
});
