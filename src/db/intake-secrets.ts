// The stored secrets of the intake: each workspace's web-form secret and each lead source's secret.
import type { Db } from "./client.js";

export interface StoredSecret {
  kind: "web_form" | "lead_source";
  /** Workspace team id, or lead source id. */
  id: string;
  teamId: string;
  stored: string;
}

/** Every stored intake secret that is not encrypted (`enc:` is the sealed values' prefix). */
export async function plainIntakeSecrets(db: Db): Promise<StoredSecret[]> {
  const workspaces = await db.workspace.findMany({
    where: { webhookSecret: { not: null }, NOT: { webhookSecret: { startsWith: "enc:" } } },
    select: { teamId: true, webhookSecret: true },
  });
  const sources = await db.leadSource.findMany({
    where: { NOT: { secret: { startsWith: "enc:" } } },
    select: { id: true, teamId: true, secret: true },
  });
  return [
    ...workspaces.map((w) => ({ kind: "web_form" as const, id: w.teamId, teamId: w.teamId, stored: w.webhookSecret ?? "" })),
    ...sources.map((s) => ({ kind: "lead_source" as const, id: s.id, teamId: s.teamId, stored: s.secret })),
  ];
}

/** Replaces a stored secret only if it is still `from` (a rotation meanwhile wins). */
export async function replaceIntakeSecret(db: Db, secret: StoredSecret, to: string): Promise<boolean> {
  const { count } =
    secret.kind === "web_form"
      ? await db.workspace.updateMany({ where: { teamId: secret.teamId, webhookSecret: secret.stored }, data: { webhookSecret: to } })
      : await db.leadSource.updateMany({ where: { id: secret.id, teamId: secret.teamId, secret: secret.stored }, data: { secret: to } });
  return count === 1;
}
