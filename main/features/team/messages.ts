// What the team feature says to a moderator, in one place where two parts say the same thing.

export const REVOKED_MESSAGE =
  "the team server no longer accepts this desktop's token (an owner revoked it, or this moderator was removed). " +
  'Ask an owner for a new invite and join again: `switchboard team join URL --token sbi_...`';

export function unreachable(serverUrl: string, why: string): string {
  return `cannot reach the team server at ${serverUrl} (${why}); your decisions are kept here and sent when it answers again`;
}
