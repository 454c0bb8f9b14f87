// Every surface the gallery draws, by area, in the order a reviewer reads them.
import type { Surface } from "../surface.js";
import { campaignSurfaces } from "./campaigns.js";
import { funnelSurfaces } from "./funnel.js";
import { handoffSurfaces } from "./handoffs.js";
import { leadSurfaces } from "./leads.js";
import { playbookSurfaces } from "./playbook.js";
import { settingsSurfaces } from "./settings.js";

export interface SurfaceGroup {
  title: string;
  surfaces: Surface[];
}

export const SURFACE_GROUPS: SurfaceGroup[] = [
  { title: "Handoffs: the card, DMs, notices, the Home", surfaces: handoffSurfaces },
  { title: "Leads: logging, finding, files, erasure", surfaces: leadSurfaces },
  { title: "Campaigns", surfaces: campaignSurfaces },
  { title: "The funnel and digests", surfaces: funnelSurfaces },
  { title: "Playbook, help and replies", surfaces: playbookSurfaces },
  { title: "Settings", surfaces: settingsSurfaces },
];

export const SURFACES: Surface[] = SURFACE_GROUPS.flatMap((group) => group.surfaces);
