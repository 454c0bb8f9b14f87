import { setupState } from "../../db/home.js";
import type { HomeDeps } from "./deps.js";

/** The parts of /baton settings a workspace needs before Baton runs by itself, in the order to do them. */
export const SETUP_ITEMS = ["channels", "salesTeam", "rotation", "digests", "leadIntake"] as const;
export type SetupItemKey = (typeof SETUP_ITEMS)[number];

export interface SetupChecklist {
  items: { key: SetupItemKey; done: boolean }[];
  complete: boolean;
}

export async function setupChecklist(deps: Pick<HomeDeps, "db">, teamId: string): Promise<SetupChecklist> {
  const state = await setupState(deps.db, teamId);
  const items = SETUP_ITEMS.map((key) => ({ key, done: state[key] }));
  return { items, complete: items.every((item) => item.done) };
}
