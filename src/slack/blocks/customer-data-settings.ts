import type { KnownBlock, ModalView } from "@slack/types";
import type { CustomerDataView } from "../../domain/workspaces/customer-data.js";
import { LeadViews } from "../ids.js";
import type { UserGroupChoice } from "./channels-settings.js";
import { option, selectInput, usersInput } from "./inputs.js";
import { Limits, mention, mrkdwn, plain, truncate } from "./text.js";

const WHO_SEES_WHAT =
  "*Who sees what.* The sales team, marketing and Baton admins see leads in full; other members see a lead's name, company, campaign and fit, never its contact details, notes or deal values; guests see no leads and cannot answer handoffs. Whoever logged or owns a lead always sees it.";

function groupSelect(
  field: "marketingUserGroupId" | "exportUserGroupId",
  label: string,
  hint: string,
  current: string | null,
  groups: UserGroupChoice[],
) {
  const options = groups.slice(0, Limits.selectOptions).map((g) => option(g.id, truncate(g.name, 70)));
  if (current && !options.some((o) => o.value === current)) options.unshift(option(current, current));
  return selectInput(field, { label, optional: true, hint, placeholder: "No user group", options, initial: current });
}

function exportsLine(view: CustomerDataView): string {
  if (view.recentExports.length === 0) return "*Recent exports:* none yet.";
  const lines = view.recentExports.map(
    (e) =>
      `${mention(e.userId)}: ${e.rowCount} leads${e.filter ? ` (${e.filter})` : ""}, <!date^${Math.floor(e.createdAt.getTime() / 1000)}^{date_short} {time}|${e.createdAt.toISOString()}>`,
  );
  return `*Recent exports*\n${lines.join("\n")}`;
}

/** The "Customer data" settings modal: who marketing is, who may export, and the latest exports. */
export function customerDataModal(current: CustomerDataView, groups: UserGroupChoice[]): ModalView {
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(WHO_SEES_WHAT) }];
  if (groups.length > 0) {
    blocks.push(groupSelect("marketingUserGroupId", "Marketing: user group", "See leads in full.", current.marketingUserGroupId, groups));
  }
  blocks.push(
    usersInput("marketingUserIds", {
      label: "Marketing: people",
      optional: true,
      hint: "With neither a group nor people, every member but guests counts as marketing.",
      initial: current.marketingUserIds,
      placeholder: "Add marketers…",
    }),
  );
  if (groups.length > 0) {
    blocks.push(
      groupSelect(
        "exportUserGroupId",
        "Export: user group",
        "May run /lead export, besides Baton admins.",
        current.exportUserGroupId,
        groups,
      ),
    );
  }
  blocks.push(
    usersInput("exportUserIds", {
      label: "Export: people",
      optional: true,
      hint: "Besides Baton admins, who may always export. Every export is recorded and the admins are told.",
      initial: current.exportUserIds,
      placeholder: "Add people…",
    }),
    { type: "section", text: mrkdwn(exportsLine(current)) },
  );
  return {
    type: "modal",
    callback_id: LeadViews.customerData,
    title: plain("Customer data", Limits.modalTitle),
    submit: plain("Save", Limits.modalTitle),
    close: plain("Back", Limits.modalTitle),
    blocks,
  };
}
