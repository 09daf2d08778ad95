const UNITS: [number, string][] = [
  [365 * 24 * 60, 'y'],
  [24 * 60, 'd'],
  [60, 'h'],
  [1, 'm'],
];

/** "5m", "3h", "2d": how long ago, in the largest whole unit. */
export function formatAge(isoTime: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(isoTime)) / 60_000));
  for (const [size, unit] of UNITS) {
    if (minutes >= size) return `${Math.floor(minutes / size)}${unit}`;
  }
  return 'now';
}
