// The workspace's decisions counted by moderator over a period (the dashboard's split by
// moderator): applied state decisions only, by where each one put its comment. Read-only.
import type pg from 'pg';
import type { ModeratorDecisions } from '../../../common/team-wire';

interface Row {
  name: string;
  service: string;
  spotlight: string;
  ignored: string;
  snoozed: string;
  done: string;
  total: string;
}

/** Decisions made in [from, to) (ms, when the moderator made them), most first. */
export async function decisionsByModerator(pool: pg.Pool, from: number, to: number): Promise<ModeratorDecisions[]> {
  const result = await pool.query<Row>(
    `SELECT m.name,
            count(*) FILTER (WHERE d.body->'state'->>'status' = 'routed' AND d.body->'state'->>'route' = 'service') AS service,
            count(*) FILTER (WHERE d.body->'state'->>'status' = 'routed' AND d.body->'state'->>'route' = 'spotlight') AS spotlight,
            count(*) FILTER (WHERE d.body->'state'->>'status' = 'routed' AND d.body->'state'->>'route' = 'ignore') AS ignored,
            count(*) FILTER (WHERE d.body->'state'->>'status' = 'snoozed') AS snoozed,
            count(*) FILTER (WHERE d.body->'state'->>'status' = 'done') AS done,
            count(*) AS total
       FROM decisions d JOIN moderators m ON m.id = d.moderator_id
      WHERE d.kind = 'state' AND d.outcome = 'applied' AND d.made_at >= $1 AND d.made_at < $2
      GROUP BY m.name
      ORDER BY count(*) DESC, m.name`,
    [from, to],
  );
  return result.rows.map((row) => ({
    name: row.name,
    service: Number(row.service),
    spotlight: Number(row.spotlight),
    ignored: Number(row.ignored),
    snoozed: Number(row.snoozed),
    done: Number(row.done),
    total: Number(row.total),
  }));
}
