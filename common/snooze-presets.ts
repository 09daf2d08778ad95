// The snooze times a moderator picks by name, in the console's snooze dialog and with
// `switchboard snooze --until NAME`: one definition, so both mean the same moment. Times are the
// moderator's local ones (their working day), computed from `now`.

export const SNOOZE_PRESETS = ['later-today', 'tomorrow', 'next-week'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

export const SNOOZE_PRESET_LABELS: Record<SnoozePreset, string> = {
  'later-today': 'Later today',
  tomorrow: 'Tomorrow',
  'next-week': 'Next week',
};

/** `days` from `now` at `hour`:00 local time. */
function dayAt(now: Date, days: number, hour: number): Date {
  const date = new Date(now);
  date.setDate(date.getDate() + days);
  date.setHours(hour, 0, 0, 0);
  return date;
}

/** When a preset ends: in 3 hours; tomorrow at 9:00; next Monday at 9:00 (a week on, from a Monday). */
export function snoozePresetTime(preset: SnoozePreset, now: Date = new Date()): Date {
  switch (preset) {
    case 'later-today':
      return new Date(now.getTime() + 3 * 60 * 60_000);
    case 'tomorrow':
      return dayAt(now, 1, 9);
    case 'next-week':
      return dayAt(now, (8 - now.getDay()) % 7 || 7, 9);
  }
}

export function isSnoozePreset(text: string): text is SnoozePreset {
  return (SNOOZE_PRESETS as readonly string[]).includes(text);
}
