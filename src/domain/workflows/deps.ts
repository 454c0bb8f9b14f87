import type { LeadDeps } from "../leads/deps.js";
import type { NewLeadAnnouncer } from "../ports.js";

/** What Workflow Builder steps need: the lead use cases' deps, and the marketing channel's announcer for new leads. */
export interface WorkflowDeps extends LeadDeps {
  announcer: NewLeadAnnouncer;
}
