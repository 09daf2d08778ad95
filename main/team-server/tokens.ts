// Personal tokens (sbt_) and one-time invites (sbi_): 32 random bytes, shown once, stored as sha256.
import crypto from 'node:crypto';

export function newToken(prefix: 'sbt_' | 'sbi_'): string {
  return `${prefix}${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
