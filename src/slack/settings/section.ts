import type { WebClient } from "@slack/web-api";
import type { ListenerDeps } from "../listener-deps.js";

export interface SectionContext {
  client: WebClient;
  teamId: string;
  userId: string;
  deps: ListenerDeps;
}

/** One part of `/baton settings` (channels and people, rotation, SLA, digests, web-form intake, ...). */
export interface SettingsSection {
  key: string;
  title: string;
  /** Whether the section applies here (e.g. only where an org-wide install serves the workspace); always, if absent. */
  shownFor?(ctx: SectionContext): Promise<boolean>;
  /** A line for the settings home describing the current state, e.g. "Sales: #sales · Marketing: not set". */
  summary(ctx: SectionContext): Promise<string>;
  /** Pushes this section's own modal on top of the settings home (`views.push` with `triggerId`). */
  open(ctx: SectionContext & { triggerId: string }): Promise<void>;
}
