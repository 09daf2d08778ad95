// A desktop following the workspace, as the bench measures it: a real SQLite copy (its own file and
// service) linked to the team server as a moderator, its sync (startTeamSync, the one the console
// runs) following the stream and applying the change log. It runs in the bench's process; the
// server and PostgreSQL are processes of their own.
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import type { SwitchboardEvent } from '../common/events';
import type { JoinAnswer } from '../common/team-wire';
import { openDatabase } from '../db/connection';
import { createTeamLink, readTeamLink, setTeamCursor } from '../db/tables/team-link';
import { createService, type Service } from '../main/app/service';
import { inProcessRunner } from '../main/features/feeds/in-process-runner';
import { startTeamSync } from '../main/features/team/sync';

export interface FollowingDesktop {
  service: Service;
  /** Resolves once the copy's cursor reaches `head` (checked after every change the sync applies). */
  reaches(head: number): Promise<void>;
  /**
   * Starts noting when comment `id` first shows a decided version (team_version 2 or more) in the
   * copy: performance.now() right after the transaction that applied it. Watch a comment just
   * before its decision is sent: each sync transaction looks up every comment still watched.
   */
  watch(id: number): void;
  /** How many of `ids` show a decided version in the copy now. */
  decided(ids: readonly number[]): number;
  /** When each watched comment was seen decided (performance.now()). */
  seen: Map<number, number>;
  startSync(): void;
  stopSync(): Promise<void>;
  close(): Promise<void>;
}

/** A desktop for `joined` (a moderator's join answer) whose copy starts with the log after `cursor`. */
export function followingDesktop(dir: string, serverUrl: string, joined: JoinAnswer, cursor: number): FollowingDesktop {
  const dbPath = path.join(dir, 'desktop.db');
  const service = createService({ db: openDatabase(dbPath), dbPath, version: 'bench', runner: inProcessRunner(), log: () => {} });
  const { db, events } = service.context;
  const now = Date.now();
  createTeamLink(db, { serverUrl, token: joined.token, moderatorId: joined.moderator.id, moderatorName: joined.moderator.name, moderatorRole: joined.moderator.role, workspace: joined.workspace.name }, now);
  setTeamCursor(db, cursor, now);

  const seen = new Map<number, number>();
  const unseen = new Set<number>();
  // The workspace's Inbox comments are at version 1: a decision on one makes it 2.
  let decidedStatement: Statement | null = null;
  const decidedAmong = (ids: Iterable<number>): number[] => {
    decidedStatement ??= db.prepare('SELECT id FROM items WHERE team_version >= 2 AND id IN (SELECT value FROM json_each(?))').pluck();
    return decidedStatement.all(JSON.stringify([...ids])) as number[];
  };
  const waiting: { head: number; resolve: () => void }[] = [];
  const cursorNow = () => readTeamLink(db)?.cursor ?? 0;
  // Every transaction of the sync that changes comments announces 'items-changed' once committed.
  const applied = (event: SwitchboardEvent) => {
    if (event.name !== 'items-changed' && event.name !== 'team-changed') return;
    const at = performance.now();
    if (unseen.size > 0) {
      for (const id of decidedAmong(unseen)) {
        seen.set(id, at);
        unseen.delete(id);
      }
    }
    if (waiting.length > 0) {
      const reached = cursorNow();
      const due = waiting.filter((wait) => wait.head <= reached);
      waiting.splice(0, waiting.length, ...waiting.filter((wait) => wait.head > reached));
      for (const wait of due) wait.resolve();
    }
  };
  const unsubscribe = events.subscribe(applied);

  let stop: (() => Promise<void>) | null = null;
  const desktop: FollowingDesktop = {
    service,
    reaches: (head) => new Promise<void>((resolve) => (cursorNow() >= head ? resolve() : waiting.push({ head, resolve }))),
    watch(id) {
      if (!seen.has(id)) unseen.add(id);
    },
    decided: (ids) => decidedAmong(ids).length,
    seen,
    startSync() {
      stop ??= startTeamSync(service.context, { log: (text) => process.stderr.write(`bench desktop: ${text}\n`) });
    },
    async stopSync() {
      await stop?.();
      stop = null;
    },
    async close() {
      await desktop.stopSync();
      unsubscribe();
      await service.close();
    },
  };
  return desktop;
}
