// `switchboard snooze --until` takes the console's presets by name as well as a time (issue 13:
// the CLI agrees with the console).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snoozePresetTime } from '../../../common/snooze-presets';
import { ensureBuilt, runCli } from '../../support/built-cli';
import { tempDir } from '../../support/temp';

beforeAll(ensureBuilt, 120_000);

describe('switchboard snooze --until', () => {
  it('takes tomorrow as the console does, and says which time it chose', () => {
    const db = path.join(tempDir(), 'snooze.db');
    expect(runCli(db, 'demo').code).toBe(0);
    const run = runCli(db, 'snooze', '1', '--until', 'tomorrow');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`snoozed until ${snoozePresetTime('tomorrow').toISOString()}`);
  });

  it('refuses a name it does not know, listing the ones it does', () => {
    const db = path.join(tempDir(), 'snooze.db');
    expect(runCli(db, 'demo').code).toBe(0);
    const run = runCli(db, 'snooze', '1', '--until', 'someday');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--until must be later-today, tomorrow, next-week or a time like 2026-12-01T09:00:00Z, not "someday"');
  });
});
