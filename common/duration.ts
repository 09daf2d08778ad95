// How long someone waited, as a moderator reads it at a glance: "45 min", "5 h", "2 d 4 h".
// One rule for the composer, the dashboard and the CLI's stats.

/** Hours as minutes under an hour, whole hours under a day, else days and hours ("2 d", "2 d 4 h"). */
export function formatHours(hours: number): string {
  const safe = Math.max(0, hours);
  if (safe < 1) return `${Math.round(safe * 60)} min`;
  const whole = Math.floor(safe);
  if (whole < 24) return `${whole} h`;
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}
