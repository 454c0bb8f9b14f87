import { channelsAndPeopleSection } from "./channels-and-people.js";
import { customerDataSection } from "./customer-data.js";
import { digestsSection } from "./digests.js";
import { exchangeRatesSection } from "./exchange-rates.js";
import { leadSourcesSection } from "./lead-sources.js";
import { rotationSection } from "./rotation.js";
import type { SettingsSection } from "./section.js";
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
];
