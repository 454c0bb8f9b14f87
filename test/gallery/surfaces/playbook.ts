// The shared playbook (/baton icp, brand, sla), its announcements, and the small replies and notices.
import { agreementMessage, agreementModal } from "../../../src/slack/blocks/agreement.js";
import { playbookChangeAnnouncement } from "../../../src/slack/blocks/announcements.js";
import { brandGuideMessage, brandGuideModal } from "../../../src/slack/blocks/brand-guide.js";
import { helpMessage } from "../../../src/slack/blocks/help.js";
import { icpMessage, segmentModal } from "../../../src/slack/blocks/icp.js";
import { infoModal } from "../../../src/slack/blocks/info-modal.js";
import { notice } from "../../../src/slack/blocks/notice.js";
import { noticeModal } from "../../../src/slack/blocks/notices.js";
import { playbookSavedView } from "../../../src/slack/blocks/playbook-common.js";
import { unknownCommandMessage } from "../../../src/slack/blocks/unknown-command.js";
import { CampaignViews } from "../../../src/slack/ids.js";
import { agreement, agreementChange, announced, brandChange, brandGuide, icp, icpChange, segments } from "../fixtures/settings.js";
import { People } from "../fixtures/workspace.js";
import type { Surface } from "../surface.js";

const admin = "admin Sam Patel";

export const playbookSurfaces: Surface[] = [
  {
    id: "icp",
    title: "/baton icp",
    builder: icpMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: admin,
    render: () => icpMessage(icp),
  },
  {
    id: "icp-empty",
    title: "/baton icp with no segments, for a non-admin",
    builder: icpMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "rep Ava Adams",
    render: () => icpMessage({ segments: [], canEdit: false, lastChange: null, gradeCounts: {} }),
  },
  {
    id: "segment-edit",
    title: "Edit an ICP segment",
    builder: segmentModal,
    kind: "modal",
    seenBy: admin,
    render: () => segmentModal(segments[0]),
  },
  { id: "segment-new", title: "Add an ICP segment", builder: segmentModal, kind: "modal", seenBy: admin, render: () => segmentModal() },
  {
    id: "brand-guide",
    title: "/baton brand",
    builder: brandGuideMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => brandGuideMessage(brandGuide, true, brandChange),
  },
  {
    id: "brand-guide-modal",
    title: "Edit the brand guide",
    builder: brandGuideModal,
    kind: "modal",
    seenBy: admin,
    render: () => brandGuideModal(brandGuide),
  },
  {
    id: "agreement",
    title: "/baton sla",
    builder: agreementMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "rep Ava Adams",
    render: () => agreementMessage(agreement, false, agreementChange),
  },
  {
    id: "agreement-modal",
    title: "Change the agreement",
    builder: agreementModal,
    kind: "modal",
    seenBy: admin,
    render: () => agreementModal(agreement),
  },
  {
    id: "playbook-saved",
    title: "Playbook saved: announced, with a refusal, grades moved",
    builder: playbookSavedView,
    kind: "modal",
    seenBy: admin,
    render: () => playbookSavedView(icpChange, announced, { leads: 147, changed: 12 }),
  },
  {
    id: "playbook-unchanged",
    title: "Playbook saved with nothing different",
    builder: playbookSavedView,
    kind: "modal",
    seenBy: admin,
    render: () => playbookSavedView(null),
  },
  {
    id: "playbook-announcement",
    title: "Playbook change, announced to both teams",
    builder: playbookChangeAnnouncement,
    kind: "message",
    where: "#sales",
    seenBy: "both teams",
    render: () =>
      playbookChangeAnnouncement({ kind: "agreement", actorId: People.sam, summary: agreementChange.summary, at: agreementChange.at }),
  },
  {
    id: "help",
    title: "/baton help",
    builder: helpMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "anyone",
    render: () => helpMessage(),
  },
  {
    id: "unknown-command",
    title: "/baton setings: the closest command",
    builder: unknownCommandMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "anyone",
    render: () => unknownCommandMessage("/baton setings", { suggestion: "/baton settings", more: "`/baton help` lists every command." }),
  },
  {
    id: "notice",
    title: "A one-paragraph reply",
    builder: notice,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "rep Ava Adams",
    render: () => notice(":palm_tree: You're marked away: the rotation skips you until you say `/baton back`."),
  },
  {
    id: "info-modal",
    title: "A modal that only says something",
    builder: infoModal,
    kind: "modal",
    seenBy: "rep Ben Carter",
    render: () => infoModal("Already decided", "<@U0AVAADAMS> already accepted this lead, so it's theirs now."),
  },
  {
    id: "notice-modal",
    title: "A read-only notice modal",
    builder: noticeModal,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => noticeModal(CampaignViews.notice, "Campaign", ["Loading the campaign…"]),
  },
];
