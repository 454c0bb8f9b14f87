// Every surface the gallery draws, in the order a reviewer reads them.
import type { Surface } from "../surface.js";
import { campaignSurfaces } from "./campaigns.js";
import { funnelSurfaces } from "./funnel.js";
import { handoffSurfaces } from "./handoffs.js";
import { leadSurfaces } from "./leads.js";
import { playbookSurfaces } from "./playbook.js";
import { settingsSurfaces } from "./settings.js";

export const SURFACES: Surface[] = [
  ...handoffSurfaces,
  ...leadSurfaces,
  ...campaignSurfaces,
  ...funnelSurfaces,
  ...playbookSurfaces,
  ...settingsSurfaces,
];
