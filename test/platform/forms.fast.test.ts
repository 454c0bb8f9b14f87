// Forms are built and read one way: every modal's inputs are named by their field with the input action_id (or an
// action a listener answers), and one reader turns what Slack sends back into values, whatever the element.
import { describe, expect, it } from "vitest";
import { agreementModal } from "../../src/slack/blocks/agreement.js";
import { brandGuideModal } from "../../src/slack/blocks/brand-guide.js";
import { campaignBasicsView, campaignDetailsView, newCampaignDraft } from "../../src/slack/blocks/campaign-form.js";
import { channelsSettingsModal } from "../../src/slack/blocks/channels-settings.js";
import { lostModal, wonModal } from "../../src/slack/blocks/deal-modals.js";
import { scheduleEditorView } from "../../src/slack/blocks/digest-settings.js";
import { segmentModal } from "../../src/slack/blocks/icp.js";
import { leadModal } from "../../src/slack/blocks/lead-modal.js";
import { rejectModal } from "../../src/slack/blocks/reject-modal.js";
import { rotationSettingsModal } from "../../src/slack/blocks/rotation-settings.js";
import { metadataOf, readForm } from "../../src/slack/forms.js";
import { DigestActions, INPUT_ACTION, LeadActions, PickerActions } from "../../src/slack/ids.js";
import { input } from "../helpers/view-state.js";

type Json = Record<string, any>;

const modals: [string, { blocks: Json[] }][] = [
  ["lead", leadModal({}, {}, { gradedByIcp: false })],
  ["lead, graded by the ICP", leadModal({}, {}, { gradedByIcp: true })],
  ["reject", rejectModal({ handoffId: "h1" }, "Acme")],
  ["won", wonModal({ leadId: "l1" }, "Acme", "USD")],
  ["lost", lostModal({ leadId: "l1" }, "Acme")],
  ["campaign, step 1", campaignBasicsView(newCampaignDraft("U0MARKETER", "2026-11-23", "USD"), {})],
  ["campaign, step 2", campaignDetailsView({}, { keyMessages: [], segments: [] }, { basics: { name: "Launch" } })],
  ["segment", segmentModal()],
  ["brand", brandGuideModal({ keyMessages: [], wordsToAvoid: [], keyMessageOptions: [], updatedById: null, updatedAt: null, version: "" })],
  [
    "agreement",
    agreementModal({
      mqlMonthlyTarget: 20,
      responseSlaMinutes: 240,
      acceptanceRateTarget: 0.7,
      agreed: false,
      updatedById: null,
      updatedAt: null,
      version: "",
    }),
  ],
  [
    "channels",
    channelsSettingsModal(
      {
        salesChannelId: null,
        marketingChannelId: null,
        salesUserGroupId: null,
        salesUserIds: [],
        adminUserIds: [],
        timezone: "UTC",
        currency: "USD",
        workStartMinute: 540,
        workEndMinute: 1020,
        workDays: [1, 2, 3, 4, 5],
      },
      [{ id: "S0SALES001", name: "sales" }],
    ),
  ],
  [
    "rotation",
    rotationSettingsModal({
      enabled: true,
      reassignOnBreach: false,
      rows: [{ userId: "U0REP00001", weight: "1", dailyCap: "", away: false }],
    }),
  ],
  ["digest editor", scheduleEditorView(null, { timezone: "UTC" }, { scheduleId: null, listViewId: null })],
];

/** The inputs a listener answers itself, by block: everything else carries the input action_id. */
const ANSWERED: Record<string, string> = {
  campaignId: LeadActions.campaign,
  members: LeadActions.rotationMembers,
  timezone: PickerActions.timezone,
  period: DigestActions.period,
};

describe("forms", () => {
  it.each(modals)("the %s modal names each input by its field and uses the input action_id", (_name, view) => {
    const inputs = view.blocks.filter((block) => block.type === "input");
    expect(inputs.length).toBeGreaterThan(0);
    for (const block of inputs) {
      expect(block.block_id).toMatch(/^[a-z][A-Za-z]*(:[A-Z0-9]+)?$/);
      expect(block.element.action_id, block.block_id).toBe(ANSWERED[block.block_id] ?? INPUT_ACTION);
    }
  });

  it("reads every kind of element by its block id", () => {
    const form = readForm({
      name: { value: input.text("Ada") } as never,
      empty: { value: input.text(null) } as never,
      channel: { value: input.select("webinar") } as never,
      campaignId: { [LeadActions.campaign]: input.externalSelect("camp_1") } as never,
      ownerId: { value: input.user("U0OWNER001") } as never,
      members: { [LeadActions.rotationMembers]: input.users(["U0REP00001", "U0REP00002"]) } as never,
      salesChannelId: { value: input.channel("C0SALES001") } as never,
      startsOn: { value: input.date("2026-12-01") } as never,
      workStart: { value: input.time("08:30") } as never,
      workDays: { value: input.checkboxes(["1", "5"]) } as never,
      view: { value: input.radio("shared") } as never,
    });
    expect(form.values).toEqual({
      name: "Ada",
      empty: null,
      channel: "webinar",
      campaignId: "camp_1",
      ownerId: "U0OWNER001",
      members: ["U0REP00001", "U0REP00002"],
      salesChannelId: "C0SALES001",
      startsOn: "2026-12-01",
      workStart: "08:30",
      workDays: ["1", "5"],
      view: "shared",
    });
    expect(form.types.channel).toBe("static_select");
    expect([form.one("name"), form.one("empty"), form.one("members"), form.one("missing")]).toEqual([
      "Ada",
      undefined,
      undefined,
      undefined,
    ]);
    expect([form.many("workDays"), form.many("name"), form.many("missing")]).toEqual([["1", "5"], [], []]);
  });

  it("reads the metadata a modal was opened with, and nothing from metadata that isn't JSON", () => {
    expect(metadataOf<{ leadId: string }>(JSON.stringify({ leadId: "l1" }))).toEqual({ leadId: "l1" });
    expect(metadataOf<{ leadId: string }>("not json")).toEqual({});
    expect(metadataOf<{ leadId: string }>("")).toEqual({});
    expect(metadataOf<{ leadId: string }>("null")).toEqual({});
  });
});
