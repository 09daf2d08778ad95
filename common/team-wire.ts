// The team server's wire: what a desktop and `switchboard team serve` say to each other over HTTP.
// One definition for both ends: the server validates every request body against these schemas
// (anything else is refused with nothing changed), and the desktop's sync reads the answers with
// the same types. Node-free, like the rest of common/.
//
// The model, in short (README "Team workspace"):
// - PostgreSQL holds the workspace; every write also appends to its change log (`changes`, an
//   increasing `seq`). Desktops copy the workspace into their SQLite file by reading the log since
//   their cursor: after every doorbell on the stream, and after every reconnect.
// - A desktop's decisions leave through its outbox, each with a key the server remembers, so a
//   replay after a reconnect applies nothing twice. A decision names the comment's version it was
//   made on; on another version, or on a comment another moderator holds a lease on, it comes back
//   as a conflict, with what the server has.
// - Leases ("claims"): opening or replying to a comment takes a lease on it, renewed while the
//   moderator works, released on routing or after its time.
import { z } from 'zod';

/** Every path starts here; a later, incompatible wire gets /team/v2. */
export const TEAM_API = '/team/v1';

/**
 * The most a request body may hold; a larger one is refused before it is read whole. Room for one
 * decision at its largest (a 100,000-character draft, every character escaped) with plenty to
 * spare: a desktop sends its outbox in steps of at most this many bytes.
 */
export const TEAM_MAX_BODY_BYTES = 1024 * 1024;
/** The most decisions one request carries (a desktop back online sends its outbox in such steps). */
export const TEAM_MAX_DECISIONS = 500;
/** The most comments one claim or release names. */
export const TEAM_MAX_CLAIM = 100;
/** The most changes one read of the log returns; `more` says to read again. */
export const TEAM_MAX_CHANGES = 5_000;
/** A lease taken by opening or replying lasts this long unless renewed (a desktop renews at half of it). */
export const LEASE_SECONDS = 120;
/** A checkout before going offline holds its comments at most this long. */
export const CHECKOUT_MAX_SECONDS = 72 * 3600;
/** The stream sends a comment line this often, so a dead connection is noticed on both ends. */
export const STREAM_HEARTBEAT_MS = 15_000;

export const moderatorRole = z.enum(['owner', 'moderator']);
export type ModeratorRole = z.infer<typeof moderatorRole>;

/** A personal token (`sbt_` and 43 base64url characters); an invite is a one-time one (`sbi_`). */
export const personalToken = z.string().regex(/^sbt_[A-Za-z0-9_-]{43}$/, 'a personal token starts with sbt_');
export const inviteToken = z.string().regex(/^sbi_[A-Za-z0-9_-]{43}$/, 'an invite starts with sbi_');

export interface TeamModerator {
  id: number;
  name: string;
  role: ModeratorRole;
}

const commentId = z.number().int().positive();
const epochMs = z.number().int().nonnegative();

/**
 * What a decision sets on a comment: the moderator's columns of the local items table (see
 * db/tables/audit-log.ts, ItemState), by the same names, so a desktop applies it without mapping.
 * Times are milliseconds since 1970, as SQLite stores them.
 */
export const commentState = z
  .object({
    status: z.enum(['new', 'routed', 'snoozed', 'done']),
    route: z.enum(['service', 'spotlight', 'ignore']).nullable(),
    routed_at: epochMs.nullable(),
    snoozed_until: epochMs.nullable(),
    snooze_until_reply: z.union([z.literal(0), z.literal(1)]),
    back_from_snooze: z.union([z.literal(0), z.literal(1)]),
    note: z.string().max(20_000).nullable(),
    service_state: z.string().max(40).nullable(),
    service_exported_at: epochMs.nullable(),
    resolution: z.string().max(40).nullable(),
    /** The comment that answered this one (comment ids are the workspace's, the same on every desktop). */
    answered_by: commentId.nullable(),
  })
  .strict();
export type CommentState = z.infer<typeof commentState>;

export const leasePurpose = z.enum(['open', 'reply', 'checkout']);
export type LeasePurpose = z.infer<typeof leasePurpose>;

export interface Lease {
  holder: string;
  holderId: number;
  purpose: LeasePurpose;
  /** When it ends unless renewed (ms). */
  until: number;
}

export interface TeamFeed {
  id: number;
  url: string;
  title: string;
  siteUrl: string | null;
  kind: 'comments' | 'posts';
  /** Removed by an owner: desktops drop it and its comments. */
  removed: boolean;
  lastSuccessAt: number | null;
  errorMessage: string | null;
}

/** A comment as the workspace holds it: its content from the feed, and its state with the version that state is at. */
export interface TeamComment {
  id: number;
  feedId: number;
  guid: string;
  threadUrl: string | null;
  threadTitle: string;
  url: string | null;
  author: string;
  authorUrl: string | null;
  publishedAt: number;
  contentHtml: string;
  contentText: string;
  state: CommentState;
  /** Raised by every applied decision; a decision names the version it was made on. */
  version: number;
  updatedBy: string | null;
  updatedAt: number;
  lease: Lease | null;
}

/** One entry of the change log. Each carries the whole new value, so applying one twice changes nothing. */
export type TeamChange = { seq: number; at: number; by: string | null } & (
  | { kind: 'comment'; comment: TeamComment }
  | { kind: 'state'; commentId: number; version: number; state: CommentState }
  | { kind: 'lease'; commentId: number; lease: Lease | null }
  | { kind: 'draft'; commentId: number; draft: { body: string; templates: string[] } | null }
  | { kind: 'feed'; feed: TeamFeed }
  | { kind: 'moderator'; moderator: TeamModerator & { revoked: boolean } }
);

/** GET {TEAM_API}/changes?since=SEQ&limit=N */
export const changesQuery = z.object({
  since: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(TEAM_MAX_CHANGES).default(TEAM_MAX_CHANGES),
});
export interface ChangesAnswer {
  changes: TeamChange[];
  /** The newest seq in the log when read. */
  head: number;
  more: boolean;
}

/** POST {TEAM_API}/join, with no token: an invite becomes this desktop's personal token (shown once). */
export const joinRequest = z.object({ invite: inviteToken, device: z.string().trim().min(1).max(200).optional() }).strict();
export interface JoinAnswer {
  token: string;
  moderator: TeamModerator;
  workspace: { name: string };
}

/** GET {TEAM_API}/hello: who this token is, and where the log stands. */
export interface HelloAnswer {
  moderator: TeamModerator;
  workspace: { name: string };
  schemaVersion: number;
  head: number;
  serverTime: number;
}

/** POST {TEAM_API}/claim: take (or renew) leases. `takeover` takes them from whoever holds them. */
export const claimRequest = z
  .object({
    commentIds: z.array(commentId).min(1).max(TEAM_MAX_CLAIM),
    purpose: leasePurpose,
    seconds: z.number().int().min(10).max(CHECKOUT_MAX_SECONDS).default(LEASE_SECONDS),
    takeover: z.boolean().default(false),
  })
  .strict();
export interface ClaimAnswer {
  granted: { commentId: number; until: number }[];
  /** Held by somebody else (or missing: holder null). */
  refused: { commentId: number; lease: Lease | null }[];
}

/** POST {TEAM_API}/release: give back this moderator's leases on these comments. */
export const releaseRequest = z.object({ commentIds: z.array(commentId).min(1).max(TEAM_MAX_CLAIM) }).strict();
export interface ReleaseAnswer {
  released: number;
}

/** An outbox entry. `key` is unique per decision for ever (the desktop makes it), so a replay is recognised. */
export const decision = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('state'),
      key: z.string().min(8).max(100),
      commentId,
      baseVersion: z.number().int().min(0),
      state: commentState,
      /** Apply over a newer version or another's lease: the moderator chose "apply mine" or "take over". */
      force: z.boolean().default(false),
      madeAt: epochMs,
    })
    .strict(),
  z
    .object({
      kind: z.literal('draft'),
      key: z.string().min(8).max(100),
      commentId,
      draft: z.object({ body: z.string().max(100_000), templates: z.array(z.string().max(200)).max(50) }).strict().nullable(),
      /** Save over another's lease: the moderator chose "apply mine". */
      force: z.boolean().default(false),
      madeAt: epochMs,
    })
    .strict(),
]);
export type Decision = z.infer<typeof decision>;

/** POST {TEAM_API}/decisions: applied in the order given. */
export const decisionsRequest = z.object({ decisions: z.array(decision).min(1).max(TEAM_MAX_DECISIONS) }).strict();

export type DecisionOutcome =
  | { key: string; outcome: 'applied'; version: number }
  /** Seen before: nothing changed now; what it got then. */
  | { key: string; outcome: 'duplicate'; version: number }
  | {
      key: string;
      outcome: 'conflict';
      reason: 'stale' | 'leased' | 'missing';
      /** What the workspace holds now, and who made it so. */
      version: number;
      state: CommentState | null;
      by: string | null;
      at: number | null;
      lease: Lease | null;
    };
export interface DecisionsAnswer {
  outcomes: DecisionOutcome[];
}

/** GET {TEAM_API}/presence (also pushed on the stream as event `presence`). */
export interface PresenceAnswer {
  online: { name: string; role: ModeratorRole; since: number }[];
}

/**
 * GET {TEAM_API}/stream: server-sent events. `change` (data: {"head": seq}) is a doorbell, never
 * the change itself: read /changes since your cursor. `presence` carries a PresenceAnswer. A
 * comment line every STREAM_HEARTBEAT_MS keeps the connection honest.
 */
export type StreamEvent = { event: 'change'; data: { head: number } } | { event: 'presence'; data: PresenceAnswer };

/**
 * Feeds, managed by owners (the team server fetches them for everybody):
 * GET {TEAM_API}/feeds lists them (any moderator), POST {TEAM_API}/feeds adds one (an address
 * already there is fetched again at once: how a failing or parked feed is retried),
 * DELETE {TEAM_API}/feeds?id=N removes one (desktops drop it and its comments).
 */
export const TEAM_FEEDS_PATH = `${TEAM_API}/feeds`;
export const feedAddRequest = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((text) => /^https?:\/\/[^/\s]+/i.test(text) && URL.canParse(text), 'the feed address must be a whole http:// or https:// address, like https://blog.example/comments/feed/'),
    title: z.string().trim().max(200).optional(),
    /** 0: fetched only when an owner asks (never on a schedule). */
    intervalMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  })
  .strict();
export type FeedAddRequest = z.infer<typeof feedAddRequest>;
/** A feed with its schedule and health, as owners see it. */
export interface TeamFeedDetail extends TeamFeed {
  intervalMinutes: number;
  lastFetchedAt: number | null;
  nextFetchAt: number | null;
  /** Failed fetches in a row (0 after a success). */
  errorCount: number;
}
export interface FeedsAnswer {
  feeds: TeamFeedDetail[];
}
export interface FeedAddAnswer {
  feed: TeamFeedDetail;
  /** False when the address was in the workspace already: nothing was added, and it is fetched again now. */
  added: boolean;
}
export const feedRemoveQuery = z.object({ id: z.coerce.number().int().positive() }).strict();
export interface FeedRemoveAnswer {
  removed: TeamFeed;
}

/** Every refusal: a code a program can act on, and a sentence a moderator can. */
export interface TeamErrorBody {
  error: { code: 'unauthorized' | 'forbidden' | 'invalid-input' | 'too-large' | 'not-found' | 'conflict' | 'unavailable' | 'internal'; message: string };
}

/**
 * GET {TEAM_API}/stats?from=MS&to=MS (any moderator): the decisions the workspace applied in
 * [from, to), by the moderator who made them and where they put the comments: the dashboard's
 * split by moderator. Read-only.
 */
export const TEAM_STATS_PATH = `${TEAM_API}/stats`;
export const statsQuery = z
  .object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0) })
  .strict()
  .refine((query) => query.from < query.to, 'from must come before to');
export interface ModeratorDecisions {
  name: string;
  service: number;
  spotlight: number;
  ignored: number;
  snoozed: number;
  done: number;
  /** Every decision applied, notes and comments put back in the Inbox included. */
  total: number;
}
export interface StatsAnswer {
  /** Most decisions first; moderators with none in the period are left out. */
  moderators: ModeratorDecisions[];
}
