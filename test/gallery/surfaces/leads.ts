// Logging, finding, importing, exporting and erasing leads; leads from outside Slack.

import { lostModal, wonModal } from "../../../src/slack/blocks/deal-modals.js";
import { findResultsMessage } from "../../../src/slack/blocks/find-results.js";
import { forgetModal } from "../../../src/slack/blocks/forget-modal.js";
import {
  exportTakenNotice,
  externalFile,
  importInstructions,
  importStarted,
  importSummary,
  notACsv,
  notInSlack,
  tooLarge,
  unreadable,
} from "../../../src/slack/blocks/lead-files.js";
import { leadFormValues } from "../../../src/slack/blocks/lead-form-values.js";
import { leadModal } from "../../../src/slack/blocks/lead-modal.js";
import { leadSavedMessage } from "../../../src/slack/blocks/lead-saved.js";
import { leadSummaryText } from "../../../src/slack/blocks/lead-summary.js";
import { newLeadMessage } from "../../../src/slack/blocks/new-lead.js";
import { foundLeads, lead, savedLead, sqlLeads } from "../fixtures/leads.js";
import { Channels, People, TEAM } from "../fixtures/workspace.js";
import type { Surface } from "../surface.js";

const jane = lead({ stage: "sql", ownerId: People.ava });
const csv = "webinar-attendees-nov.csv";

export const leadSurfaces: Surface[] = [
  {
    id: "lead-modal-new",
    title: "Log a lead (no ICP yet: Fit is picked by hand)",
    builder: leadModal,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => leadModal({}, { channelId: Channels.marketing }, { gradedByIcp: false }),
  },
  {
    id: "lead-modal-edit",
    title: "Edit a lead (the ICP grades its fit)",
    builder: leadModal,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => leadModal(leadFormValues(jane, "Spring launch webinar"), { leadId: jane.id }, { gradedByIcp: true }),
  },
  {
    id: "lead-saved",
    title: "Lead logged: the confirmation",
    builder: leadSavedMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => leadSavedMessage(savedLead),
  },
  {
    id: "lead-updated",
    title: "Lead updated instead of duplicated",
    builder: leadSavedMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => leadSavedMessage({ ...savedLead, created: false, stage: "nurture" }),
  },
  {
    id: "find-results",
    title: "/lead find acme",
    builder: findResultsMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "rep Ava Adams",
    render: () => findResultsMessage("acme", foundLeads, 10),
  },
  {
    id: "find-nothing",
    title: "/lead find with no match",
    builder: findResultsMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "rep Ava Adams",
    render: () => findResultsMessage("globex", [], 10),
  },
  {
    id: "won-modal",
    title: "Mark a deal won",
    builder: wonModal,
    kind: "modal",
    seenBy: "rep Ava Adams",
    render: () => wonModal({ leadId: jane.id }, "*Mia Wong* · VP Sales at CloudCo", "USD"),
  },
  {
    id: "lost-modal",
    title: "Mark a deal lost",
    builder: lostModal,
    kind: "modal",
    seenBy: "rep Ava Adams",
    render: () => lostModal({ leadId: sqlLeads[1]?.id ?? jane.id }, "*Omar Haddad* · Marketing Director at Finlytics"),
  },
  {
    id: "new-web-lead",
    title: "A lead from a web form, announced to marketing",
    builder: newLeadMessage,
    kind: "message",
    where: "#marketing",
    seenBy: "marketing",
    render: () =>
      newLeadMessage({
        teamId: TEAM,
        channelId: Channels.marketing,
        source: "web form",
        lead: {
          id: "cl0web",
          name: "Noah Kim",
          company: "Lumen Health",
          title: "Director of Operations",
          campaignName: "Spring launch webinar",
          fitGrade: "A",
        },
      }),
  },
  {
    id: "import-instructions",
    title: "/lead import: how to share the CSV",
    builder: importInstructions,
    kind: "message",
    where: "direct message",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => importInstructions(),
  },
  {
    id: "import-started",
    title: "Import started",
    builder: importStarted,
    kind: "message",
    where: "direct message",
    seenBy: "marketer Kim Reyes",
    render: () => importStarted(csv),
  },
  {
    id: "import-summary",
    title: "Import finished, some rows rejected",
    builder: importSummary,
    kind: "message",
    where: "direct message",
    seenBy: "marketer Kim Reyes",
    render: () =>
      importSummary(csv, { created: 212, updated: 31, unchanged: 4, rejected: 3, ignoredColumns: ["Lead score", "Owner (HubSpot)"] }),
  },
  {
    id: "import-not-csv",
    title: "Import: not a CSV file",
    builder: notACsv,
    kind: "message",
    where: "direct message",
    seenBy: "marketer Kim Reyes",
    render: () => notACsv("attendees.xlsx"),
  },
  {
    id: "import-too-large",
    title: "Import: file too large",
    builder: tooLarge,
    kind: "message",
    where: "direct message",
    seenBy: "marketer Kim Reyes",
    render: () => tooLarge("all-leads-2026.csv", 20),
  },
  {
    id: "import-external",
    title: "Import: a link to a file outside Slack",
    builder: externalFile,
    kind: "message",
    where: "direct message",
    seenBy: "marketer Kim Reyes",
    render: () => externalFile("Attendees (Google Sheets)"),
  },
  {
    id: "import-not-in-slack",
    title: "Import: not stored in Slack",
    builder: notInSlack,
    kind: "message",
    where: "direct message",
    seenBy: "marketer Kim Reyes",
    render: () => notInSlack(csv),
  },
  {
    id: "import-unreadable",
    title: "Import: could not download",
    builder: unreadable,
    kind: "message",
    where: "direct message",
    seenBy: "marketer Kim Reyes",
    render: () => unreadable(csv),
  },
  {
    id: "export-taken",
    title: "DM to admins: someone exported leads",
    builder: exportTakenNotice,
    kind: "message",
    where: "direct message",
    seenBy: "admin Sam Patel",
    render: () =>
      exportTakenNotice({ teamId: TEAM, userId: People.kim, stage: "mql", campaignName: "Spring launch webinar", rowCount: 18 }),
  },
  {
    id: "forget-modal",
    title: "/lead forget: confirm the erasure",
    builder: forgetModal,
    kind: "modal",
    seenBy: "admin Sam Patel",
    render: () => forgetModal({ leadId: jane.id }, leadSummaryText({ ...jane, erased: false }, "Spring launch webinar")),
  },
];
