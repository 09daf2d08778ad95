import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'switchboard';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives this app, so the
 * window, browser mode and the CLI share one database by default.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/** `--db PATH` wins, then SWITCHBOARD_DB, then switchboard.db in the user-data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.SWITCHBOARD_DB;
  if (chosen === ':memory:') return chosen;
  return chosen ? path.resolve(chosen) : path.join(userDataDir(env), `${APP_NAME}.db`);
}
