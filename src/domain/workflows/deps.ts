import type { LeadDeps } from "../leads/deps.js";
import type { OutboxPort } from "../outbox/outbox.js";

/** What Workflow Builder steps need: the lead use cases' deps, and the outbox that announces new leads. */
export interface WorkflowDeps extends LeadDeps {
  /** New leads are announced through the outbox, as from any outside source. */
  outbox: OutboxPort;
}
