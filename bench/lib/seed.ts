// Deterministic generator of a realistic workspace: campaigns over two years and leads that move through the
// funnel (events, handoffs, deals). Writes with the raw drivers in large batches (prepared statements in one
// SQLite transaction; multi-row INSERT ... SELECT FROM unnest(...) on PostgreSQL), not through Prisma.
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../src/db/target.js";

export interface SeedOptions {
  teamId: string;
  leads: number;
  campaigns: number;
  /** The data spans the two years before this instant. */
  end: Date;
  seed?: number;
  /** Extra MQL leads handed off in the last hour, whose cards wait on the sales channel for Accept (request bench). */
  pendingHandoffs?: number;
  /** The workspace's web-form secret, stored unencrypted (the bench runs without ENCRYPTION_KEY). */
  webhookSecret?: string;
}

export const SALES_CHANNEL = "C0SALES001";
export const MARKETING_CHANNEL = "C0MKTG0001";

type Row = Record<string, string | number | null>;
type Chunk = { leads: Row[]; events: Row[]; handoffs: Row[] };

const DAY = 86_400_000;
const REASONS = ["unable_to_reach", "inaccurate_data", "no_interest", "no_budget", "not_a_fit", "duplicate", "other"];
const CHANNELS = ["social", "seo", "email", "paid_search", "display", "print", "events", "webinar", "referral", "other"];
const GRADES = ["A", "B", "C", "D"];
const REPS = ["U0REP00001", "U0REP00002", "U0REP00003", "U0REP00004", "U0REP00005"];

/** mulberry32: a tiny, fast, seedable PRNG so every run generates the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The text Prisma's SQLite adapter stores (and compares with): '2026-11-27T19:22:00.000+00:00'. PostgreSQL
// casts the same text to timestamp(3).
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Generates rows in chunks and hands each chunk to `write`, so memory stays flat at any size. */
export async function* leadChunks(options: SeedOptions, chunkSize = 5_000): AsyncGenerator<Chunk> {
  const rand = random(options.seed ?? 42);
  const end = options.end.getTime();
  const start = end - 730 * DAY;
  let leads: Row[] = [];
  let events: Row[] = [];
  let handoffs: Row[] = [];
  let eventSeq = 0;
  const event = (
    leadId: string,
    type: string,
    at: number,
    from: string | null,
    to: string | null,
    extra: Row = {},
    campaignId: string | null = null,
    fit: string | null = null,
  ) => {
    events.push({
      id: `E${++eventSeq}`,
      teamId: options.teamId,
      leadId,
      actorId: "U0MKT00001",
      type,
      fromStage: from,
      toStage: to,
      reason: null,
      valueCents: null,
      currency: null,
      campaignId,
      fitGrade: fit,
      at: iso(at),
      ...extra,
    });
  };
  for (let i = 0; i < options.leads; i++) {
    const id = `L${i}`;
    const createdAt = start + Math.floor(rand() * (end - start));
    const campaignId = rand() < 0.9 ? `C${Math.floor(rand() * options.campaigns)}` : null;
    const fit = GRADES[Math.floor(rand() * 4)] ?? "C";
    const lead: Row = {
      id,
      teamId: options.teamId,
      email: `lead${i}@example.com`,
      emailKey: `lead${i}@example.com`,
      name: `Lead ${i}`,
      company: `Company ${i % 5000}`,
      campaignId,
      fitGrade: fit,
      stage: "new",
      source: "slack",
      ownerId: null,
      createdById: "U0MKT00001",
      qualifiedById: null,
      dealValueCents: null,
      dealCurrency: null,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt),
      mqlAt: null,
      sqlAt: null,
      opportunityAt: null,
      wonAt: null,
      lostAt: null,
      nurtureAt: null,
    };
    event(id, "created", createdAt, null, "new", {}, campaignId, fit);
    let t = createdAt;
    const move = (to: string, after: number, extra: Row = {}) => {
      const from = String(lead.stage);
      t = Math.min(end - 1, t + after);
      lead.stage = to;
      lead[`${to}At`] = iso(t);
      lead.updatedAt = iso(t);
      event(id, "stage_changed", t, from, to, extra, campaignId, fit);
    };
    if (rand() < 0.6) {
      move("mql", rand() * 5 * DAY);
      lead.qualifiedById = "U0MKT00001";
      const handedOffAt = t;
      const decided = rand() < 0.95;
      const waitMs = rand() * (rand() < 0.8 ? 4 : 48) * 3_600_000;
      const accepted = rand() < 0.65;
      const rep = REPS[Math.floor(rand() * REPS.length)] ?? "U0REP00001";
      const handoff: Row = {
        id: `H${i}`,
        teamId: options.teamId,
        leadId: id,
        status: "pending",
        openKey: `${options.teamId}:${id}`,
        handedOffById: "U0MKT00001",
        handedOffAt: iso(handedOffAt),
        assigneeId: rep,
        decidedById: null,
        decidedAt: null,
        rejectReason: null,
        slaDueAt: iso(handedOffAt + 4 * 3_600_000),
        breachedAt: waitMs > 4 * 3_600_000 ? iso(handedOffAt + 4 * 3_600_000) : null,
        createdAt: iso(handedOffAt),
        updatedAt: iso(handedOffAt),
      };
      if (decided && handedOffAt + waitMs < end) {
        handoff.openKey = null;
        handoff.decidedById = rep;
        handoff.decidedAt = iso(handedOffAt + waitMs);
        handoff.status = accepted ? "accepted" : "rejected";
        if (accepted) {
          lead.ownerId = rep;
          move("sql", waitMs);
          if (rand() < 0.5) move("opportunity", rand() * 20 * DAY);
          const r = rand();
          if (r < 0.3) move("won", rand() * 30 * DAY, { valueCents: 100_000 + Math.floor(rand() * 5_000_000), currency: "USD" });
          else if (r < 0.6) move("lost", rand() * 30 * DAY, { reason: "no_budget" });
          if (lead.stage === "won") {
            lead.dealValueCents = 1_000_000;
            lead.dealCurrency = "USD";
          }
        } else {
          const reason = REASONS[Math.floor(rand() * REASONS.length)] ?? "other";
          handoff.rejectReason = reason;
          move("nurture", waitMs, { reason });
        }
      }
      handoffs.push(handoff);
    }
    leads.push(lead);
    if (leads.length >= chunkSize) {
      yield { leads, events, handoffs };
      leads = [];
      events = [];
      handoffs = [];
    }
  }
  if (leads.length > 0) yield { leads, events, handoffs };
}

/** The ts of the i-th waiting handoff's card in the sales channel. */
export function pendingCardTs(i: number): string {
  return `1700000000.${String(i).padStart(6, "0")}`;
}

/** MQL leads handed off during the hour before `end`, each card posted and waiting for sales. */
export function pendingChunk(options: SeedOptions): Chunk {
  const chunk: Chunk = { leads: [], events: [], handoffs: [] };
  const end = options.end.getTime();
  for (let i = 0; i < (options.pendingHandoffs ?? 0); i++) {
    const id = `P${i}`;
    const at = iso(end - 3_600_000 + i);
    chunk.leads.push({
      id,
      teamId: options.teamId,
      email: `pending${i}@example.com`,
      emailKey: `pending${i}@example.com`,
      name: `Pending ${i}`,
      stage: "mql",
      source: "slack",
      createdById: "U0MKT00001",
      qualifiedById: "U0MKT00001",
      createdAt: at,
      updatedAt: at,
      mqlAt: at,
    });
    chunk.events.push(
      { id: `EP${i}c`, teamId: options.teamId, leadId: id, actorId: "U0MKT00001", type: "created", toStage: "new", at },
      {
        id: `EP${i}m`,
        teamId: options.teamId,
        leadId: id,
        actorId: "U0MKT00001",
        type: "stage_changed",
        fromStage: "new",
        toStage: "mql",
        at,
      },
    );
    chunk.handoffs.push({
      id: `HP${i}`,
      teamId: options.teamId,
      leadId: id,
      status: "pending",
      openKey: `${options.teamId}:${id}`,
      handedOffById: "U0MKT00001",
      handedOffAt: at,
      channelId: SALES_CHANNEL,
      messageTs: pendingCardTs(i),
      slaDueAt: iso(end + 7 * 86_400_000),
      createdAt: at,
      updatedAt: at,
    });
  }
  return chunk;
}

export function campaignRows(options: SeedOptions): Row[] {
  const rand = random((options.seed ?? 42) + 1);
  const end = options.end.getTime();
  return Array.from({ length: options.campaigns }, (_, i) => {
    const startsOn = end - 730 * DAY + Math.floor(rand() * 700 * DAY);
    return {
      id: `C${i}`,
      teamId: options.teamId,
      name: `Campaign ${i}`,
      nameKey: `campaign ${i}`,
      channel: CHANNELS[i % CHANNELS.length] ?? "other",
      budgetCents: 100_000 + Math.floor(rand() * 10_000_000),
      currency: "USD",
      startsOn: iso(startsOn),
      endsOn: iso(startsOn + 60 * DAY),
      trackingCode: `c${i}`,
      createdById: "U0MKT00001",
      createdAt: iso(startsOn),
      updatedAt: iso(startsOn),
    };
  });
}

/** Seeds one workspace; returns the number of rows written per table. */
export async function seedWorkspace(
  target: DatabaseTarget,
  options: SeedOptions,
): Promise<{ leads: number; events: number; handoffs: number }> {
  const writer = target.provider === "sqlite" ? sqliteWriter(target.file ?? "") : await postgresWriter(target.url);
  const counts = { leads: 0, events: 0, handoffs: 0 };
  try {
    await writer.insert("Workspace", [
      {
        teamId: options.teamId,
        timezone: "UTC",
        currency: "USD",
        salesChannelId: SALES_CHANNEL,
        marketingChannelId: MARKETING_CHANNEL,
        webhookSecret: options.webhookSecret ?? null,
        createdAt: iso(options.end.getTime()),
        updatedAt: iso(options.end.getTime()),
      },
    ]);
    await writer.insert("Campaign", campaignRows(options));
    const write = async (chunk: Chunk) => {
      await writer.insert("Lead", chunk.leads);
      await writer.insert("LeadEvent", chunk.events);
      await writer.insert("Handoff", chunk.handoffs);
      counts.leads += chunk.leads.length;
      counts.events += chunk.events.length;
      counts.handoffs += chunk.handoffs.length;
    };
    for await (const chunk of leadChunks(options)) await write(chunk);
    await write(pendingChunk(options));
    await writer.finish();
  } finally {
    await writer.close();
  }
  return counts;
}

interface Writer {
  insert(table: string, rows: Row[]): Promise<void>;
  finish(): Promise<void>;
  close(): Promise<void>;
}

function sqliteWriter(file: string): Writer {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const statements = new Map<string, Database.Statement>();
  db.exec("BEGIN");
  return {
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      const key = `${table}:${columns.join(",")}`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES (${columns.map((c) => `@${c}`).join(",")})`,
        );
        statements.set(key, statement);
      }
      for (const row of rows) statement.run(row);
    },
    async finish() {
      db.exec("COMMIT");
      db.exec("ANALYZE");
    },
    async close() {
      db.close();
    },
  };
}

const PG_TYPES: Record<string, string> = {
  budgetCents: "int",
  valueCents: "int",
  dealValueCents: "int",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
  at: "timestamp(3)",
  startsOn: "timestamp(3)",
  endsOn: "timestamp(3)",
  mqlAt: "timestamp(3)",
  sqlAt: "timestamp(3)",
  opportunityAt: "timestamp(3)",
  wonAt: "timestamp(3)",
  lostAt: "timestamp(3)",
  nurtureAt: "timestamp(3)",
  handedOffAt: "timestamp(3)",
  decidedAt: "timestamp(3)",
  slaDueAt: "timestamp(3)",
  breachedAt: "timestamp(3)",
};

async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  return {
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      // One array parameter per column: INSERT ... SELECT FROM unnest(...) writes thousands of rows per round trip.
      const arrays = columns.map((c) => rows.map((r) => r[c] ?? null));
      const casts = columns.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? "text"}[]`);
      await client.query(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) SELECT * FROM unnest(${casts.join(",")})`,
        arrays,
      );
    },
    async finish() {
      // A steady-state database: autovacuum has run after the inserts, so the visibility map lets index-only
      // scans skip the table, and the planner has statistics.
      await client.query("VACUUM ANALYZE");
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * `tenants` workspaces as a new install leaves them: each with its sales and marketing digest schedules (Mondays
 * 09:00 UTC), written without a due time as rows from before due times existed; the first start computes them.
 */
/**
 * A small, active workspace's last eight days: `perDay` leads created each day, the first of them qualified and
 * accepted the next hour, so every daily digest has figures, a trend and its chart to draw (not a quiet line).
 */
function recentActivity(teamId: string, end: number, perDay: number): Chunk {
  const chunk: Chunk = { leads: [], events: [], handoffs: [] };
  for (let day = 1; day <= 8; day++) {
    for (let n = 0; n < perDay; n++) {
      const id = `${teamId}_L${day}_${n}`;
      const created = end - day * DAY + n * 600_000;
      const moved = n === 0;
      const at = iso(created);
      const later = iso(created + 3_600_000);
      chunk.leads.push({
        id,
        teamId,
        email: `${id}@example.com`,
        emailKey: `${id}@example.com`.toLowerCase(),
        name: `Lead ${day}.${n}`,
        stage: moved ? "sql" : "new",
        source: "slack",
        createdById: "U0MKT00001",
        createdAt: at,
        updatedAt: moved ? later : at,
        // Every row names the same columns: the writers prepare one statement from the first row.
        qualifiedById: moved ? "U0MKT00001" : null,
        mqlAt: moved ? later : null,
        sqlAt: moved ? later : null,
      });
      chunk.events.push({ id: `${id}c`, teamId, leadId: id, actorId: "U0MKT00001", type: "created", fromStage: null, toStage: "new", at });
      if (moved)
        chunk.events.push(
          { id: `${id}m`, teamId, leadId: id, actorId: "U0MKT00001", type: "stage_changed", fromStage: "new", toStage: "mql", at: later },
          {
            id: `${id}s`,
            teamId,
            leadId: id,
            actorId: REPS[0] ?? "U0REP00001",
            type: "stage_changed",
            fromStage: "mql",
            toStage: "sql",
            at: later,
          },
        );
    }
  }
  return chunk;
}

/** `leadsPerDay`: each workspace gets a week of recent activity (see recentActivity); none by default. */
export async function seedTenants(target: DatabaseTarget, tenants: number, at: Date, leadsPerDay = 0): Promise<void> {
  const writer = target.provider === "sqlite" ? sqliteWriter(target.file ?? "") : await postgresWriter(target.url);
  const when = iso(at.getTime());
  try {
    for (let from = 0; from < tenants; from += 2_000) {
      const workspaces: Row[] = [];
      const schedules: Row[] = [];
      for (let i = from; i < Math.min(tenants, from + 2_000); i++) {
        const teamId = `TTEN${String(i).padStart(7, "0")}`;
        workspaces.push({
          teamId,
          timezone: "UTC",
          currency: "USD",
          salesChannelId: SALES_CHANNEL,
          marketingChannelId: MARKETING_CHANNEL,
          createdAt: when,
          updatedAt: when,
        });
        for (const view of ["sales", "marketing"]) {
          const channelId = view === "sales" ? SALES_CHANNEL : MARKETING_CHANNEL;
          schedules.push({
            id: `bsch_${i}_${view}`,
            teamId,
            channelId,
            period: "weekly",
            cron: "0 9 * * 1",
            timezone: "UTC",
            view,
            createdById: "system",
            createdAt: when,
            updatedAt: when,
          });
        }
      }
      await writer.insert("Workspace", workspaces);
      await writer.insert("DigestSchedule", schedules);
      if (leadsPerDay > 0) {
        for (const workspace of workspaces) {
          const activity = recentActivity(String(workspace.teamId), at.getTime(), leadsPerDay);
          await writer.insert("Lead", activity.leads);
          await writer.insert("LeadEvent", activity.events);
        }
      }
    }
    await writer.finish();
  } finally {
    await writer.close();
  }
}
