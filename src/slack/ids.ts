// action_id, callback_id and block_id constants: the contract between Block Kit builders and listeners.
export const Commands = {
  lead: "/lead",
  campaign: "/campaign",
  funnel: "/funnel",
  baton: "/baton",
} as const;

export const Actions = {
  /** A button in the settings home; its value is the section key. */
  settingsSection: "settings_section",
} as const;

export const Views = {
  settingsHome: "settings_home",
} as const;

/** Leads and handoffs: buttons, selects and modals. */
export const LeadActions = {
  /** The modal's source campaign (external_select served by an options listener). */
  campaign: "lead_campaign",
  /** Button values carry the lead id. */
  handOff: "lead_hand_off",
  edit: "lead_edit",
  open: "lead_open",
  toOpportunity: "lead_to_opportunity",
  toWon: "lead_to_won",
  toLost: "lead_to_lost",
  /** Handoff card buttons carry the handoff id. */
  accept: "handoff_accept",
  reject: "handoff_reject",
  assign: "handoff_assign",
  /** App Home: away / back toggle (value "away" or "back"). */
  availability: "home_availability",
  /** Rotation settings: the members select, which re-renders the per-rep rows. */
  rotationMembers: "rotation_members",
} as const;

export const LeadViews = {
  lead: "lead_modal",
  reject: "handoff_reject_modal",
  card: "lead_card_modal",
  won: "lead_won_modal",
  lost: "lead_lost_modal",
  forget: "lead_forget_modal",
  channelsAndPeople: "settings_channels_people",
  rotation: "settings_rotation",
} as const;
