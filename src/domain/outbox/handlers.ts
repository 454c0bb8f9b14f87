// How each kind of outbox effect is delivered: the message is drawn from its subject as it is now, then posted
// through the domain's ports (so an erased lead is announced anonymously, and nothing personal waits in the outbox).

import { findCampaign } from "../../db/campaigns.js";
import type { Db } from "../../db/client.js";
import { leadWithCampaign } from "../../db/lead-pages.js";
import { recordLeadMessage } from "../../db/leads.js";
import { findPlaybookChange } from "../../db/playbook.js";
import { findWorkspace } from "../../db/workspaces.js";
import { toDetails, todayIn } from "../campaigns/details.js";
import { isProviderId, PROVIDERS } from "../intake/providers/index.js";
import { toRecordedChange } from "../playbook/recorded-change.js";
import type { NewLeadAnnouncer, PlaybookAnnouncer } from "../ports.js";
import { EffectKinds } from "./effects.js";
import type { EffectHandler, EffectRecorder } from "./outbox.js";

export interface HandlerDeps {
  db: Db;
  now: () => Date;
  announcer: PlaybookAnnouncer;
  leadAnnouncer: NewLeadAnnouncer;
}

/** How the marketing channel names where a lead came from ("web form", "Typeform form"), by the lead's source. */
const announcedAs = (source: string) =>
  isProviderId(source) ? PROVIDERS[source].announcedAs : source === "workflow" ? "workflow" : "web form";

const gone = (channelId: string) => ({ channelId, ok: false as const, error: "subject_deleted" });

export function effectHandlers(deps: HandlerDeps): Record<string, EffectHandler> {
  return {
    [EffectKinds.campaignLaunched]: async (effect, drawn) => {
      const known = drawn?.campaign?.row.id === effect.subjectId && drawn.campaign.row.teamId === effect.teamId ? drawn.campaign : null;
      const row = known?.row ?? (await findCampaign(deps.db, effect.teamId, effect.subjectId));
      if (!row) return gone(effect.channelId);
      const timezone = known?.timezone ?? (await findWorkspace(deps.db, effect.teamId))?.timezone ?? "UTC";
      const c = toDetails(row, todayIn(timezone, deps.now()), timezone);
      const announcement = {
        name: c.name,
        channel: c.channel,
        product: c.product,
        offer: c.offer,
        place: c.place,
        promotion: c.promotion,
        keyMessage: c.keyMessage,
        segmentName: c.segmentName,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        ownerId: c.ownerId,
        createdById: c.createdById,
      };
      return deps.announcer.campaignLaunched(effect.teamId, effect.channelId, announcement, effect.id);
    },
    [EffectKinds.playbookChanged]: async (effect, drawn) => {
      const known = drawn?.change?.id === effect.subjectId && drawn.change.teamId === effect.teamId ? drawn.change : null;
      const row = known ?? (await findPlaybookChange(deps.db, effect.teamId, effect.subjectId));
      if (!row) return gone(effect.channelId);
      const { kind, actorId, summary, at } = toRecordedChange(row);
      return deps.announcer.playbookChanged(effect.teamId, effect.channelId, { kind, actorId, summary, at }, effect.id);
    },
    [EffectKinds.leadAnnounced]: async (effect) => {
      const lead = await leadWithCampaign(deps.db, effect.teamId, effect.subjectId);
      if (!lead) return gone(effect.channelId);
      const delivery = await deps.leadAnnouncer.newLead({
        teamId: effect.teamId,
        channelId: effect.channelId,
        effectId: effect.id,
        source: announcedAs(lead.source),
        lead: {
          id: lead.id,
          name: lead.name,
          company: lead.company,
          title: lead.title,
          campaignName: lead.campaign?.name ?? null,
          fitGrade: lead.fitGrade,
        },
      });
      if (delivery.ok && delivery.ts)
        await recordLeadMessage(deps.db, effect.teamId, lead.id, { channelId: effect.channelId, ts: delivery.ts });
      return delivery;
    },
  };
}

/** What a handler records after its post, for a post found in the channel after a crash. */
export function effectRecorders(deps: Pick<HandlerDeps, "db">): Record<string, EffectRecorder> {
  return {
    [EffectKinds.leadAnnounced]: (effect, ts) =>
      recordLeadMessage(deps.db, effect.teamId, effect.subjectId, { channelId: effect.channelId, ts }),
  };
}
