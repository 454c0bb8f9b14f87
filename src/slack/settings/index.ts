import { channelsAndPeopleSection } from "./channels-and-people.js";
import { customerDataSection } from "./customer-data.js";
import { digestsSection } from "./digests.js";
import { exchangeRatesSection } from "./exchange-rates.js";
import { leadSourcesSection } from "./lead-sources.js";
import { orgWorkspacesSection } from "./org-workspaces.js";
import { rotationSection } from "./rotation.js";
import type { SectionContext, SettingsSection } from "./section.js";
import { webFormsSection } from "./web-forms.js";

/** Every section of `/baton settings`, in the order admins see them. */
export const settingsSections: SettingsSection[] = [
  channelsAndPeopleSection,
  customerDataSection,
  exchangeRatesSection,
  rotationSection,
  digestsSection,
  webFormsSection,
  leadSourcesSection,
  orgWorkspacesSection,
];

/** The sections that apply in this workspace, each with its current state, for the settings home. */
export async function sectionSummaries(ctx: SectionContext) {
  const shown = await Promise.all(settingsSections.map(async (section) => (section.shownFor ? section.shownFor(ctx) : true)));
  const sections = settingsSections.filter((_, i) => shown[i]);
  return Promise.all(sections.map(async (section) => ({ key: section.key, title: section.title, summary: await section.summary(ctx) })));
}
