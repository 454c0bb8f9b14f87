import { eraseLeadData } from "../../db/erasure.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { exportFileIds, forgetExportFiles } from "../../db/lead-exports.js";
import { findLead } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import { cardOf } from "../handoffs/handoff-card.js";
import { REJECT_REASON_KEYS } from "../handoffs/reasons.js";
import type { MessageRef } from "../ports.js";
import type { LeadDeps } from "./deps.js";
import { searchKeyOf } from "./search-key.js";

export interface Forgotten {
  /** Handoff cards, notices and announcements anonymised in Slack, and those Slack refused. */
  messagesUpdated: number;
  messagesFailed: number;
  /** Export files deleted from Slack (any export may have held the person). */
  filesDeleted: number;
}

/**
 * `/lead forget`: an admin erases a person's personal data everywhere Baton keeps it (see eraseLeadData), records
 * who did, and anonymises the handoff cards in Slack. The lead row stays for anonymous funnel counts. Final.
 */
export async function forgetLead(deps: LeadDeps, teamId: string, leadId: string, actorId: string): Promise<Forgotten> {
  await deps.roles.requireAdmin(teamId, actorId, "erase a lead's personal data");
  const lead = await findLead(deps.db, teamId, leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  if (lead.erasedAt) throw new AppError("conflict", "This lead's personal data was already erased.");
  const at = deps.clock.now();
  const personal = [lead.email, lead.emailKey, lead.name, lead.phone].filter((v): v is string => Boolean(v));
  const handoffs = await eraseLeadData(deps.db, {
    teamId,
    leadId,
    personal,
    keptReasons: [...REJECT_REASON_KEYS],
    searchKey: searchKeyOf({ company: lead.company }),
    erasedById: actorId,
    at,
    event: { actorId, type: "erased", at },
  });
  deps.logger.info({ teamId, leadId, actorId }, "lead personal data erased");
  const erased = { ...lead, name: null, email: null, phone: null, notes: null, erasedAt: at };
  const campaign = await campaignName(deps.db, teamId, lead.campaignId);
  let messagesUpdated = 0;
  let messagesFailed = 0;
  for (const handoff of handoffs.filter((h) => h.messageTs)) {
    const refs = asRefs(handoff.noticeRefs);
    try {
      const card = cardOf({ ...handoff, rejectNote: null }, erased, campaign);
      await deps.notifier.refreshCard(card);
      if (refs.length > 0) await deps.notifier.redactNotices(teamId, refs, card.rejectReason ? card : undefined);
      messagesUpdated += 1 + refs.length;
    } catch (error) {
      deps.logger.warn({ err: error, teamId, handoffId: handoff.id }, "could not anonymise a handoff card");
      messagesFailed += 1;
    }
  }
  const announcements = asRefs(lead.messageRefs);
  try {
    if (announcements.length > 0) await deps.notifier.redactNotices(teamId, announcements);
    messagesUpdated += announcements.length;
  } catch (error) {
    deps.logger.warn({ err: error, teamId, leadId }, "could not anonymise a lead's announcement");
    messagesFailed += announcements.length;
  }
  return { messagesUpdated, messagesFailed, filesDeleted: await deleteExportFiles(deps, teamId) };
}

/** Every export file still in Slack goes: Baton cannot tell which held the person without reading them back. */
async function deleteExportFiles(deps: LeadDeps, teamId: string): Promise<number> {
  const fileIds = await exportFileIds(deps.db, teamId);
  if (fileIds.length === 0) return 0;
  const deleted = await deps.leadExports.deleteFiles(teamId, fileIds).catch((error: unknown) => {
    deps.logger.warn({ err: error, teamId }, "could not delete export files");
    return 0;
  });
  if (deleted === fileIds.length) await forgetExportFiles(deps.db, teamId, fileIds);
  return deleted;
}

function asRefs(value: unknown): MessageRef[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is MessageRef => typeof v === "object" && v !== null && typeof v.channelId === "string" && typeof v.ts === "string",
  );
}
