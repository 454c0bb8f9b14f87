// /baton settings and its sections, as an admin sees them.
import { channelsSettingsModal } from "../../../src/slack/blocks/channels-settings.js";
import { customerDataModal } from "../../../src/slack/blocks/customer-data-settings.js";
import { digestsListView, scheduleEditorView } from "../../../src/slack/blocks/digest-settings.js";
import { exchangeRatesModal } from "../../../src/slack/blocks/exchange-rates-settings.js";
import { leadSourceForm } from "../../../src/slack/blocks/lead-source-form.js";
import { setupSteps } from "../../../src/slack/blocks/lead-source-steps.js";
import { leadSourcesView, sourceSecretView } from "../../../src/slack/blocks/lead-sources.js";
import { orgWorkspacesModal } from "../../../src/slack/blocks/org-workspaces-settings.js";
import { rotationSettingsModal } from "../../../src/slack/blocks/rotation-settings.js";
import { settingsHomeView, settingsLoadingView, settingsNotAllowedView } from "../../../src/slack/blocks/settings-home.js";
import { webFormsView } from "../../../src/slack/blocks/web-forms.js";
import {
  channelsAndPeople,
  customerData,
  exchangeRates,
  leadSources,
  rotation,
  schedules,
  settingsSections,
  userGroups,
  webForms,
} from "../fixtures/settings.js";
import { ZONE } from "../fixtures/workspace.js";
import type { Surface } from "../surface.js";

const admin = "admin Sam Patel";
const webflow = leadSources.sources[0];
const webflowUrl = webflow?.url ?? "";

export const settingsSurfaces: Surface[] = [
  {
    id: "settings-home",
    title: "/baton settings",
    builder: settingsHomeView,
    kind: "modal",
    seenBy: admin,
    render: () => settingsHomeView(settingsSections),
  },
  {
    id: "settings-loading",
    title: "/baton settings while it loads",
    builder: settingsLoadingView,
    kind: "modal",
    seenBy: admin,
    render: () => settingsLoadingView(),
  },
  {
    id: "settings-not-allowed",
    title: "/baton settings for someone who is not an admin",
    builder: settingsNotAllowedView,
    kind: "modal",
    seenBy: "rep Ava Adams",
    render: () => settingsNotAllowedView(),
  },
  {
    id: "settings-channels",
    title: "Settings: channels and people",
    builder: channelsSettingsModal,
    kind: "modal",
    seenBy: admin,
    render: () => channelsSettingsModal(channelsAndPeople, userGroups),
  },
  {
    id: "settings-customer-data",
    title: "Settings: customer data",
    builder: customerDataModal,
    kind: "modal",
    seenBy: admin,
    render: () => customerDataModal(customerData, userGroups),
  },
  {
    id: "settings-exchange-rates",
    title: "Settings: exchange rates",
    builder: exchangeRatesModal,
    kind: "modal",
    seenBy: admin,
    render: () => exchangeRatesModal(exchangeRates),
  },
  {
    id: "settings-org-workspaces",
    title: "Settings: workspaces of an Enterprise Grid org (org-wide installs only)",
    builder: orgWorkspacesModal,
    kind: "modal",
    seenBy: "org admin Sam Patel",
    render: () =>
      orgWorkspacesModal({
        chosen: true,
        workspaces: [
          { id: "T0NWSALES1", name: "Northwind Sales", served: true },
          { id: "T0NWMKTG01", name: "Northwind Marketing", served: true },
          { id: "T0NWLABS01", name: "Northwind Labs", served: false },
        ],
      }),
  },
  {
    id: "settings-rotation",
    title: "Settings: rotation",
    builder: rotationSettingsModal,
    kind: "modal",
    seenBy: admin,
    render: () => rotationSettingsModal(rotation),
  },
  {
    id: "settings-digests",
    title: "Settings: digests",
    builder: digestsListView,
    kind: "modal",
    seenBy: admin,
    render: () => digestsListView(schedules),
  },
  {
    id: "settings-digest-editor",
    title: "Settings: edit a digest",
    builder: scheduleEditorView,
    kind: "modal",
    seenBy: admin,
    render: () =>
      scheduleEditorView(schedules[0] ?? null, { timezone: ZONE }, { scheduleId: schedules[0]?.id ?? null, listViewId: "V0LIST" }),
  },
  {
    id: "settings-digest-new",
    title: "Settings: add a digest",
    builder: scheduleEditorView,
    kind: "modal",
    seenBy: admin,
    render: () => scheduleEditorView(null, { timezone: ZONE }, { scheduleId: null, listViewId: "V0LIST" }),
  },
  {
    id: "settings-lead-sources",
    title: "Settings: lead sources and unknown tracking codes",
    builder: leadSourcesView,
    kind: "modal",
    seenBy: admin,
    render: () => leadSourcesView(leadSources),
  },
  {
    id: "settings-lead-source-add",
    title: "Settings: add a lead source",
    builder: leadSourceForm,
    kind: "modal",
    seenBy: admin,
    render: () => leadSourceForm({}, leadSources.campaigns, "V0LIST"),
  },
  {
    id: "settings-lead-source-edit",
    title: "Settings: edit a lead source's mapping",
    builder: leadSourceForm,
    kind: "modal",
    seenBy: admin,
    render: () =>
      leadSourceForm(
        {
          sourceId: webflow?.id ?? "",
          provider: "webflow",
          name: "Demo request form",
          fieldMap: "Work email = email\nFull name = name",
          defaultCampaignId: "cm0springweb000000000001",
        },
        leadSources.campaigns,
        "V0LIST",
      ),
  },
  {
    id: "settings-source-secret",
    title: "Settings: a source's address and secret, shown once",
    builder: sourceSecretView,
    kind: "modal",
    seenBy: admin,
    render: () =>
      sourceSecretView({
        name: "Sales call booking",
        url: webflowUrl,
        secret: "bls_4d8e0c2a9b7f41e3a5c6d7e8f9a0b1c2",
        steps: setupSteps("calendly", webflowUrl),
      }),
  },
  {
    id: "settings-web-forms",
    title: "Settings: web forms",
    builder: webFormsView,
    kind: "modal",
    seenBy: admin,
    render: () => webFormsView(webForms),
  },
];
