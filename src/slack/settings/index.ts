import { digestsSection } from "./digests.js";
import type { SettingsSection } from "./section.js";

/** Every section of `/baton settings`, in the order admins see them. */
export const settingsSections: SettingsSection[] = [digestsSection];
