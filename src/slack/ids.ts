// action_id, callback_id and block_id constants: the contract between Block Kit builders and listeners.
export const Commands = {
  lead: "/lead",
  campaign: "/campaign",
  funnel: "/funnel",
  baton: "/baton",
} as const;
