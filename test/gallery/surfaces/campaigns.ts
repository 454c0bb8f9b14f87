// Campaigns: the form, the confirmation, the card, the list and the announcement to sales.
import { campaignAnnouncement as announcementMessage } from "../../../src/slack/blocks/announcements.js";
import { campaignCardMessage } from "../../../src/slack/blocks/campaign-card.js";
import { campaignFormView } from "../../../src/slack/blocks/campaign-form.js";
import { campaignListMessage, campaignMatchesMessage } from "../../../src/slack/blocks/campaign-list.js";
import { campaignLoggedView, campaignSavedView } from "../../../src/slack/blocks/campaign-saved.js";
import {
  campaignAnnouncement,
  campaignCard,
  campaignOverview,
  editCampaignForm,
  newCampaignForm,
  springWebinar,
  webinarMatches,
} from "../fixtures/campaigns.js";
import { announced } from "../fixtures/settings.js";
import type { Surface } from "../surface.js";

export const campaignSurfaces: Surface[] = [
  {
    id: "campaign-form-new",
    title: "Log a campaign",
    builder: campaignFormView,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => campaignFormView(newCampaignForm),
  },
  {
    id: "campaign-form-edit",
    title: "Edit a campaign",
    builder: campaignFormView,
    kind: "modal",
    seenBy: "marketer Kim Reyes",
    render: () => campaignFormView(editCampaignForm),
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
