import { channelsAndPeopleSection } from "./channels-and-people.js";
import { digestsSection } from "./digests.js";
import { rotationSection } from "./rotation.js";
import type { SettingsSection } from "./section.js";

/** Every section of `/baton settings`, in the order admins see them. */
export const settingsSections: SettingsSection[] = [channelsAndPeopleSection, rotationSection, digestsSection];
