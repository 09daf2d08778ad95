import { describe, expect, it } from 'vitest';
import { isSnoozePreset, snoozePresetTime } from '../../../common/snooze-presets';

/** A local time, as the moderator's clock shows it. */
const local = (year: number, month: number, day: number, hour: number, minute = 0) => new Date(year, month - 1, day, hour, minute);

describe('snooze presets (the console dialog and switchboard snooze --until NAME)', () => {
  it('end in three hours, tomorrow at nine, or next Monday at nine', () => {
    const wednesday = local(2026, 11, 25, 16, 30);
    expect(snoozePresetTime('later-today', wednesday)).toEqual(local(2026, 11, 25, 19, 30));
    expect(snoozePresetTime('tomorrow', wednesday)).toEqual(local(2026, 11, 26, 9));
    expect(snoozePresetTime('next-week', wednesday)).toEqual(local(2026, 11, 30, 9));
  });

  it('take next week from a Monday as the Monday after, and from a Sunday as the next day', () => {
    expect(snoozePresetTime('next-week', local(2026, 11, 30, 8))).toEqual(local(2026, 12, 7, 9));
    expect(snoozePresetTime('next-week', local(2026, 11, 29, 22))).toEqual(local(2026, 11, 30, 9));
  });

  it('know their names and nothing else', () => {
    expect(['later-today', 'tomorrow', 'next-week'].every(isSnoozePreset)).toBe(true);
    expect(isSnoozePreset('someday')).toBe(false);
  });
});
