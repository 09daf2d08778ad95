import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../../common/contract';
import { SwitchboardError } from '../../../common/errors';
import { validateCall } from '../../../common/validate';
import { handleIpcCall } from '../../../main/electron/ipc-call';
import { memoryService } from '../../support/seed';

const APP = 'file:///opt/switchboard/out/renderer/index.html';

function invalid(run: () => unknown): SwitchboardError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('invalid-input');
    return error as SwitchboardError;
  }
  throw new Error('expected the call to be refused');
}

describe('argument validation (shared by IPC, HTTP and CLI)', () => {
  it('fills in defaults', () => {
    expect(validateCall('items-list', {})).toEqual({ name: 'items-list', input: { view: 'inbox', sort: 'newest', limit: 100 } });
    expect(validateCall('views-counts', undefined)).toEqual({ name: 'views-counts', input: {} });
  });

  it('refuses an unknown operation, including prototype names', () => {
    expect(invalid(() => validateCall('drop-everything', {})).message).toBe('api: there is no operation "drop-everything"; "switchboard api --list" lists them');
    invalid(() => validateCall('constructor', {}));
    invalid(() => validateCall('__proto__', {}));
    expect(invalid(() => validateCall(42, {})).message).toContain('there is no operation a number');
  });

  it('names the field and the rule that failed', () => {
    expect(invalid(() => validateCall('items-list', { view: 'trash' })).message).toMatch(/^items-list: invalid input: view: Invalid option/);
    expect(invalid(() => validateCall('items-list', { limit: 501 })).message).toContain('limit: Too big');
    expect(invalid(() => validateCall('item-get', { id: -1 })).message).toContain('id: Too small');
    expect(invalid(() => validateCall('item-get', { id: '7' })).message).toContain('id: Invalid input: expected number');
  });

  it('refuses unexpected fields and non-object input', () => {
    expect(invalid(() => validateCall('item-get', { id: 1, sql: 'DROP TABLE items' })).message).toContain('Unrecognized key: "sql"');
    invalid(() => validateCall('item-get', [1]));
    invalid(() => validateCall('app-info', 'hello'));
  });

  it('covers every operation in the contract with a schema that accepts {} or says why not', () => {
    for (const name of OPERATION_NAMES) {
      try {
        validateCall(name, {});
      } catch (error) {
        expect((error as SwitchboardError).message).toMatch(new RegExp(`^${name}: invalid input: `));
      }
    }
  });
});

describe('IPC door', () => {
  it('runs a call from the console main frame', async () => {
    const outcome = await handleIpcCall(memoryService(), APP, 'views-counts', { frameUrl: `${APP}#inbox`, isMainFrame: true }, [{}]);
    expect(outcome).toMatchObject({ ok: true, result: { inbox: 0, all: 0 } });
  });

  it('refuses a call from an iframe or another page', async () => {
    const service = memoryService();
    for (const sender of [
      { frameUrl: APP, isMainFrame: false },
      { frameUrl: 'https://evil.example/', isMainFrame: true },
      { frameUrl: undefined, isMainFrame: true },
    ]) {
      expect(await handleIpcCall(service, APP, 'app-info', sender, [{}])).toEqual({
        ok: false,
        error: { code: 'invalid-input', stage: 'ipc', message: 'ipc: refused a call from a page that is not the console' },
      });
    }
  });

  it('refuses extra arguments and invalid input with the validation message', async () => {
    const service = memoryService();
    const sender = { frameUrl: APP, isMainFrame: true };
    expect(await handleIpcCall(service, APP, 'item-get', sender, [{ id: 1 }, 'extra'])).toMatchObject({
      ok: false,
      error: { message: 'ipc: item-get takes one argument object, not 2' },
    });
    expect(await handleIpcCall(service, APP, 'item-get', sender, [{ id: 'x' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', stage: 'item-get' },
    });
  });
});
