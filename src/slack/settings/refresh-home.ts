import { settingsHomeView } from "../blocks/settings-home.js";
import { sectionSummaries } from "./index.js";
import type { SectionContext } from "./section.js";

/** After a section is saved, the settings home underneath shows the new state (best effort: it is only a view). */
export async function refreshSettingsHome(ctx: SectionContext, homeViewId: string | null | undefined): Promise<void> {
  if (!homeViewId) return;
  try {
    const summaries = await sectionSummaries(ctx);
    await ctx.client.views.update({ view_id: homeViewId, view: settingsHomeView(summaries) });
  } catch (error) {
    ctx.deps.logger.warn({ err: error, teamId: ctx.teamId }, "could not refresh the settings home");
  }
}
