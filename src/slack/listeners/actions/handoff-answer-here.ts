// Accept / Reject / Assign where Baton told the rep about a handoff (a DM, the App Home, the lead card), with the
// card's action ids and a block id of their own (AnswerBlocks). The use cases are the card's, so one click wins
// wherever it was made; the domain redraws the card and the remembered DMs, and these listeners redraw the place.
import type { WebClient } from "@slack/web-api";
import type { HandoffCard } from "../../../domain/ports.js";
import { acceptedText, alreadyDecidedText } from "../../blocks/decision-replies.js";
import { type AnswerPlace, answerPlaceOf } from "../../blocks/handoff-answer.js";
import { answeredDm, leadName } from "../../blocks/handoff-notices.js";
import { infoModal } from "../../blocks/info-modal.js";
import { leadCardModal } from "../../blocks/lead-card.js";
import { rejectModal } from "../../blocks/reject-modal.js";
import { mention } from "../../blocks/text.js";
import { answerOnError, type ClickOrigin, clickOrigin } from "../../errors.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { ButtonArgs, UsersSelectArgs } from "./types.js";

interface Clicked {
  place: AnswerPlace;
  handoffId: string;
  userId: string;
  teamId: string;
  origin: ClickOrigin;
  client: WebClient;
  /** The DM clicked (channel and ts), or the modal's view id. */
  messageTs?: string;
  viewId?: string;
}

function clicked(args: ButtonArgs | UsersSelectArgs): Clicked {
  const where = answerPlaceOf(args.action.block_id);
  const body = args.body as { message?: { ts?: string }; view?: { id?: string } };
  return {
    place: where?.place ?? "dm",
    handoffId: where?.handoffId ?? "",
    userId: args.body.user.id,
    teamId: args.context.teamId,
    origin: clickOrigin(args),
    client: args.client,
    ...(body.message?.ts ? { messageTs: body.message.ts } : {}),
    ...(body.view?.id ? { viewId: body.view.id } : {}),
  };
}

/** Tells the clicker one short thing where they are: under the DM, or in a small modal over the Home or the card. */
async function say(click: Clicked, text: string): Promise<void> {
  const { respond, client, triggerId, inModal } = click.origin;
  if (respond) await respond({ response_type: "ephemeral", replace_original: false, text });
  else if (triggerId)
    await (inModal ? client.views.push : client.views.open).call(client.views, { trigger_id: triggerId, view: infoModal("Baton", text) });
}

/** Redraws where the click was made, and the Homes of the people whose waiting list changed. */
async function redraw(deps: ListenerDeps, click: Clicked, card: HandoffCard, homesOf: string[]): Promise<void> {
  const { client } = click;
  if (click.place === "dm" && click.origin.respond && !card.dms.some((dm) => dm.ts === click.messageTs)) {
    // A DM Baton did not remember (it could not save where it was): redraw it from the click itself.
    const dm = answeredDm(card);
    await click.origin.respond({ replace_original: true, text: dm.text, blocks: dm.blocks });
  }
  if (click.place === "leadCard" && click.viewId) {
    const view = leadCardModal(await deps.services.leads.view(click.teamId, card.lead.id, click.userId), click.userId);
    await client.views.update({ view_id: click.viewId, view });
  }
  for (const userId of new Set(homesOf)) await refreshHome(deps, client, click.teamId, userId);
}

export function acceptHereAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const click = clicked(args);
    await answerOnError(click.origin, async () => {
      const { won, card } = await deps.services.handoffs.accept(click.teamId, click.handoffId, click.userId);
      if (won) {
        if (click.place === "dm") await say(click, acceptedText());
      } else await say(click, alreadyDecidedText(card, click.userId));
      // The marketer's Home lists it as waiting on sales, the assignee's as waiting for them.
      const homes = won ? [click.userId, card.handedOffById, ...(card.assigneeId ? [card.assigneeId] : [])] : [click.userId];
      await redraw(deps, click, card, homes);
    });
  };
}

export function rejectHereAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const click = clicked(args);
    await answerOnError(click.origin, async () => {
      await deps.services.handoffs.requireSalesRep(click.teamId, click.userId, "reject handoffs");
      const card = await deps.services.handoffs.card(click.teamId, click.handoffId);
      if (card.status !== "pending") {
        await say(click, alreadyDecidedText(card, click.userId));
        await redraw(deps, click, card, [click.userId]);
        return;
      }
      // Should someone decide first, the reject listener tells the rep in the DM they clicked in.
      const channelId = click.place === "dm" ? args.body.channel?.id : undefined;
      const view = rejectModal({ handoffId: card.handoffId, ...(channelId ? { channelId } : {}) }, leadName(card.lead));
      const open = click.origin.inModal ? args.client.views.push : args.client.views.open;
      await open.call(args.client.views, { trigger_id: args.body.trigger_id, view });
    });
  };
}

export function assignHereAction(deps: ListenerDeps) {
  return async (args: UsersSelectArgs) => {
    await args.ack();
    const click = clicked(args);
    await answerOnError(click.origin, async () => {
      const assigneeId = args.action.selected_user;
      const result = await deps.services.handoffs.assign(click.teamId, click.handoffId, click.userId, assigneeId);
      if (!result.assigned) await say(click, alreadyDecidedText(result.card, click.userId));
      else if (click.place === "dm") await say(click, `Assigned to ${mention(assigneeId)}; they got a DM and the card shows it.`);
      await redraw(deps, click, result.card, result.assigned ? [click.userId, assigneeId] : [click.userId]);
    });
  };
}
