// Campaigns: the form, the confirmation, the card, the list and the announcement to sales.
import { campaignAnnouncement as announcementMessage } from "../../../src/slack/blocks/announcements.js";
import { campaignCardMessage } from "../../../src/slack/blocks/campaign-card.js";
import { campaignBasicsView, campaignDetailsView, campaignDraft, draftPart } from "../../../src/slack/blocks/campaign-form.js";
import { campaignListMessage, campaignMatchesMessage } from "../../../src/slack/blocks/campaign-list.js";
import { campaignLoggedView, campaignSavedView } from "../../../src/slack/blocks/campaign-saved.js";
import {
  campaignAnnouncement,
  campaignCard,
  campaignFormOptions,
  campaignOverview,
  newCampaignBasics,
  springWebinar,
  typedCampaignBasics,
  webinarMatches,
} from "../fixtures/campaigns.js";
import { announced } from "../fixtures/settings.js";
import type { Surface } from "../surface.js";

export const campaignSurfaces: Surface[] = [
  {
    id: "campaign-form-new",
    title: "Log a campaign, step 1: the basics",
    builder: campaignBasicsView,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => campaignBasicsView(newCampaignBasics, {}),
  },
  {
    id: "campaign-form-new-step-2",
    title: "Log a campaign, step 2: message and audience (after Next)",
    builder: campaignDetailsView,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => campaignDetailsView({}, campaignFormOptions, { basics: typedCampaignBasics }),
  },
  {
    id: "campaign-form-edit",
    title: "Edit a campaign, step 1",
    builder: campaignBasicsView,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => campaignBasicsView(campaignDraft(springWebinar), { campaignId: springWebinar.id, version: springWebinar.version }),
  },
  {
    id: "campaign-form-edit-step-2",
    title: "Edit a campaign, step 2",
    builder: campaignDetailsView,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () =>
      campaignDetailsView(draftPart(campaignDraft(springWebinar), "details"), campaignFormOptions, {
        campaignId: springWebinar.id,
        version: springWebinar.version,
        basics: draftPart(campaignDraft(springWebinar), "basics"),
      }),
  },
  {
    id: "campaign-logged",
    title: "Campaign logged: tracking code and announcement",
    builder: campaignLoggedView,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => campaignLoggedView(springWebinar, announced),
  },
  {
    id: "campaign-saved",
    title: "Campaign saved",
    builder: campaignSavedView,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => campaignSavedView(springWebinar),
  },
  {
    id: "campaign-card",
    title: "/campaign Spring launch webinar: the card and its results",
    builder: campaignCardMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => campaignCardMessage(campaignCard),
  },
  {
    id: "campaign-list",
    title: "/campaign list",
    builder: campaignListMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => campaignListMessage(campaignOverview),
  },
  {
    id: "campaign-matches",
    title: "/campaign webinar: names that contain it",
    builder: campaignMatchesMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => campaignMatchesMessage("webinar", webinarMatches),
  },
  {
    id: "campaign-announcement",
    title: "New campaign, announced to sales",
    builder: announcementMessage,
    kind: "message",
    where: "#sales",
    seenBy: "the sales team",
    render: () => announcementMessage(campaignAnnouncement),
  },
];
