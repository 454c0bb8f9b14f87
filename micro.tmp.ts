import { openDatabase } from "./src/db/client.js";
import { applyMigrations } from "./src/db/migrate.js";
import { databaseTarget } from "./src/db/target.js";
const url = process.argv[2]!;
const target = databaseTarget(url);
await applyMigrations(target);
const { prisma: db, close } = await openDatabase(target);
await db.workspace.create({ data: { teamId: "T1", salesUserIds: ["U1", "U2"] } });
await db.campaign.create({ data: { id: "c1", teamId: "T1", name: "C", nameKey: "c", channel: "events", createdById: "U" } });
const N = 2000;
for (let i = 0; i < N; i++) await db.lead.create({ data: { id: `l${i}`, teamId: "T1", createdById: "U", campaignId: "c1", stage: "mql" } });
for (let i = 0; i < N; i++) await db.handoff.create({ data: { id: `h${i}`, teamId: "T1", leadId: `l${i}`, handedOffById: "U" } });
async function time(name: string, f: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f(i);
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 200; i < N; i++) await f(i);
  const c = process.cpuUsage(c0);
  console.log(name, ((c.user + c.system) / 1000 / (N - 200)).toFixed(3), "ms cpu", ((performance.now() - t0) / (N - 200)).toFixed(3), "ms wall");
}
await time("findFirst include", (i) => db.handoff.findFirst({ where: { id: `h${i}`, teamId: "T1" }, include: { lead: { include: { campaign: { select: { teamId: true, name: true } } } }, workspace: { select: { salesUserGroupId: true, salesUserIds: true } } } }));
await time("raw join", (i) => db.$queryRaw`SELECT h.*, l."name" AS l_name, l."email" AS l_email, c."name" AS c_name, w."salesUserIds" AS w_ids FROM "Handoff" h JOIN "Lead" l ON l."id" = h."leadId" LEFT JOIN "Campaign" c ON c."id" = l."campaignId" JOIN "Workspace" w ON w."teamId" = h."teamId" WHERE h."id" = ${`h${i}`} AND h."teamId" = ${"T1"}`);
await time("once create", (i) => db.onceMarker.create({ data: { key: `a${i}`, teamId: "T1", createdAt: new Date() } }));
await time("once raw", (i) => db.$executeRaw`INSERT INTO "OnceMarker" ("key", "teamId", "createdAt") VALUES (${`b${i}`}, ${"T1"}, ${new Date()}) ON CONFLICT DO NOTHING`);
await time("tx nested update", (i) => db.$transaction((tx) => tx.lead.update({ where: { id: `l${i}`, teamId: "T1", stage: "mql", campaignId: "c1", fitGrade: null }, data: { stage: "sql", updatedAt: new Date(), events: { create: { teamId: "T1", actorId: "U", type: "stage_changed", at: new Date() } } } })));
await time("tx raw update+insert", (i) => db.$transaction(async (tx) => { await tx.$queryRaw`UPDATE "Lead" SET "stage" = 'opportunity', "updatedAt" = ${new Date()} WHERE "id" = ${`l${i}`} AND "teamId" = ${"T1"} AND "stage" = 'sql' RETURNING *`; await tx.$executeRaw`INSERT INTO "LeadEvent" ("id", "teamId", "leadId", "actorId", "type", "at") VALUES (${`e${i}`}, ${"T1"}, ${`l${i}`}, ${"U"}, ${"stage_changed"}, ${new Date()})`; }));
await time("tx empty", () => db.$transaction(async () => {}));
await time("updateManyAndReturn", (i) => db.handoff.updateManyAndReturn({ where: { id: `h${i}`, teamId: "T1", status: "pending" }, data: { status: "accepted", decidedAt: new Date(), openKey: null } }));
await close();
