// The fast tier's way in: the domain's use cases (createServices) on a real, fresh, migrated database, with
// Slack replaced by in-memory fakes of the domain's ports. No Bolt, no HTTP: tests call a use case, then assert on
// what was stored and on what the fakes were asked to show.
import type { Db } from "../../src/db/client.js";
import type { Prisma } from "../../src/db/generated/sqlite/client.js";
import type { Lead } from "../../src/db/leads.js";
import type { Provider } from "../../src/db/target.js";
import { Installations } from "../../src/domain/installations/installations.js";
import { type LeadInput, parseLeadInput } from "../../src/domain/leads/lead-input.js";
import { createServices, type Services } from "../../src/domain/services.js";
import type { WorkspaceDefaults } from "../../src/domain/workspaces/deps.js";
import { createLogger } from "../../src/lib/logger.js";
import { MARKETING_CHANNEL, SALES_CHANNEL } from "./channels.js";
import { TestClock } from "./clock.js";
import { openTestDatabase } from "./db.js";
import { RecordingLeadAnnouncer, RecordingLeadExportsPort, RecordingPlaybookAnnouncer } from "./fakes/announcers.js";
import { RecordingDigestPublisher } from "./fakes/digest-publisher.js";
import { FakeDirectory } from "./fakes/directory.js";
import { NoEarlierPosts } from "./fakes/effect-ledger.js";
import { RecordingHandoffNotifier } from "./fakes/handoff-notifier.js";

export interface TestServices {
  services: Services;
  db: Db;
  provider: Provider;
  clock: TestClock;
  directory: FakeDirectory;
  handoffNotifier: RecordingHandoffNotifier;
  digestPublisher: RecordingDigestPublisher;
  announcer: RecordingPlaybookAnnouncer;
  leadAnnouncer: RecordingLeadAnnouncer;
  leadExports: RecordingLeadExportsPort;
  effectLedger: NoEarlierPosts;
  /**
   * The workspace's row as its first request makes it (default channels and digest schedules), then `settings`
   * written over it: rotation, sales team, working hours, ...
   */
  workspace(teamId: string, settings?: Prisma.WorkspaceUpdateInput): Promise<void>;
  /** Logs a lead as the /lead modal does (fields as a person types them), by `actorId` (default U0MARKETER). */
  logLead(teamId: string, fields: Record<string, unknown> & { email: string }, actorId?: string): Promise<Lead>;
  /** Forgets what the fakes were asked so far (each test then sees only its own calls). */
  resetFakes(): void;
  /** Closes the database client and drops the database. */
  dispose(): Promise<void>;
}

export interface TestServicesOptions {
  clock?: TestClock;
  /** What a new workspace starts with (default: UTC, SALES_CHANNEL and MARKETING_CHANNEL). */
  defaults?: Partial<WorkspaceDefaults>;
  /** Replaces the recording digest publisher, e.g. with one that fails at a chosen point. */
  digestPublisher?: RecordingDigestPublisher;
}

export async function servicesOnFreshDatabase(options: TestServicesOptions = {}): Promise<TestServices> {
  const database = await openTestDatabase();
  const clock = options.clock ?? new TestClock();
  const fakes = {
    directory: new FakeDirectory(),
    handoffNotifier: new RecordingHandoffNotifier(),
    digestPublisher: options.digestPublisher ?? new RecordingDigestPublisher(),
    announcer: new RecordingPlaybookAnnouncer(),
    leadAnnouncer: new RecordingLeadAnnouncer(),
    leadExports: new RecordingLeadExportsPort(),
    effectLedger: new NoEarlierPosts(),
  };
  const services = createServices({
    db: database.prisma,
    provider: database.provider,
    clock,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent", pretty: false }),
    ...fakes,
    installations: new Installations({ db: database.prisma, clock }),
    replicaId: "fast-tier",
    defaults: { timezone: "UTC", salesChannelId: SALES_CHANNEL, marketingChannelId: MARKETING_CHANNEL, ...options.defaults },
  });
  return {
    services,
    db: database.prisma,
    provider: database.provider,
    clock,
    ...fakes,
    workspace: async (teamId, settings) => {
      await services.workspaces.ensure(teamId);
      if (settings) await database.prisma.workspace.update({ where: { teamId }, data: settings });
    },
    logLead: async (teamId, fields, actorId = "U0MARKETER") => (await services.leads.save(teamId, leadInput(fields), actorId)).lead,
    resetFakes: () => {
      for (const fake of Object.values(fakes)) fake.reset();
    },
    // Settles left running after a Slack call would otherwise write to a database being dropped.
    dispose: async () => {
      await services.outbox.settled();
      await database.dispose();
    },
  };
}

/** A lead's fields as a person types them, validated as the /lead modal validates them. */
export function leadInput(fields: Record<string, unknown>): LeadInput {
  const parsed = parseLeadInput(fields);
  if (!parsed.ok) throw new Error(`not a valid lead: ${JSON.stringify(parsed.errors)}`);
  return parsed.lead;
}
