// action_id, callback_id and block_id constants: the contract between Block Kit builders and listeners.
//
// Naming, one way everywhere:
// - action_id, callback_id and fixed block_id: snake_case `<area>_<thing>` ("lead_hand_off"), defined here.
// - an input block: block_id is the field's name as the domain validates it ("salesChannelId"), so an AppError's
//   fields land under the input; its element's action_id is INPUT_ACTION, except an element a listener answers
//   (an options list, a change that redraws the modal), whose action_id is one of the actions below.
// - a block repeated per item: `<kind>:<id>` (itemBlockId), e.g. "lead:cm1x...", "weight:U0123".

/** The action_id of every input element no listener answers: the block id alone says which field it is. */
export const INPUT_ACTION = "value";

/** The block id of one item's block in a list: `<kind>:<id>`, within Slack's 255 characters. */
export const itemBlockId = (kind: string, id: string) => `${kind}:${id}`.slice(0, 255);

/** The item id of a block built by itemBlockId, or "" when the block is another kind. */
export const itemIdOfBlock = (kind: string, blockId: string) => (blockId.startsWith(`${kind}:`) ? blockId.slice(kind.length + 1) : "");
export const Commands = {
  lead: "/lead",
  campaign: "/campaign",
  funnel: "/funnel",
  baton: "/baton",
} as const;

/** Shortcuts in Slack's menus (manifest.yml features.shortcuts). */
export const Shortcuts = {
  /** On a message's "More actions" menu. */
  logMessageAsLead: "log_message_as_lead",
  /** In the shortcuts menu (the composer's + or search). */
  logLead: "log_lead",
} as const;

/** Workflow Builder steps (manifest.yml functions): each callback id is a key there. */
export const WorkflowSteps = {
  logLead: "log_lead",
  handOffLead: "hand_off_lead",
  findLead: "find_lead",
} as const;

export const Actions = {
  /** A button in the settings home; its value is the section key. */
  settingsSection: "settings_section",
} as const;

export const Views = {
  settingsHome: "settings_home",
} as const;

export const CampaignActions = {
  /** Opens a campaign's card; value: campaign id. */
  open: "campaign_open",
  /** Opens the edit modal; value: campaign id. */
  edit: "campaign_edit",
  /** Ends the campaign (after a confirm dialog); value: campaign id. */
  end: "campaign_end",
  /** Step 2 of the campaign form: back to step 1, keeping what was typed in both. */
  formBack: "campaign_form_back",
} as const;

export const CampaignViews = {
  /** Step 1 of the form (name, channel, owner, dates, budget), new or edit; "Next" leads to step 2. */
  basics: "campaign_basics",
  /** Step 2, which saves: a new campaign, or an edit. */
  create: "campaign_create",
  edit: "campaign_edit",
  /** A read-only modal: loading, saved, not allowed. */
  notice: "campaign_notice",
} as const;

export const PlaybookActions = {
  addSegment: "icp_segment_add",
  /** value: segment id */
  editSegment: "icp_segment_edit",
  /** In the segment modal; the segment id is in the view's private_metadata. */
  removeSegment: "icp_segment_remove",
  editBrand: "brand_guide_edit",
  editAgreement: "agreement_edit",
} as const;

export const PlaybookViews = {
  segment: "icp_segment",
  brand: "brand_guide",
  agreement: "agreement",
  notice: "playbook_notice",
} as const;

/** Pickers several forms share: each an element a listener answers. */
export const PickerActions = {
  /** An IANA time zone (external_select served by an options listener). */
  timezone: "timezone_pick",
} as const;

/** Digest schedules in /baton settings. */
export const DigestActions = {
  /** The editor's period select: redraws the editor with only the day field that period uses. */
  period: "digest_schedule_period",
  add: "digest_schedule_add",
  edit: "digest_schedule_edit",
  remove: "digest_schedule_remove",
  /** On a digest message: "How we count", the counting rules in a modal instead of a footnote in every post. */
  howWeCount: "digest_how_we_count",
} as const;

export const DigestViews = {
  list: "digest_schedules",
  editor: "digest_schedule_editor",
} as const;

/** Block ids of the schedule editor: the same names as the fields the domain validates (inline errors land there). */
export const DigestBlocks = {
  channel: "channelId",
  period: "period",
  weekday: "weekday",
  dayOfMonth: "dayOfMonth",
  time: "time",
  timezone: "timezone",
  view: "view",
  sections: "sections",
  options: "skipEmpty",
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

/**
 * Where Accept / Reject / Assign are answered besides the card: the same action ids as the card's, the handoff id as
 * the value, and the block id `<place>:<handoff id>`, so a click there is never taken for a click on the card.
 */
export const AnswerBlocks = {
  /** A DM to the assignee (rotation pick, assignment, reminder, reassignment). */
  dm: "handoff_dm",
  /** A waiting row on the App Home. */
  home: "home_handoff",
  /** The lead card modal of a lead waiting for sales. */
  leadCard: "lead_handoff",
} as const;

/** Block ids of the answer buttons outside the card. */
export const ANSWER_ELSEWHERE = /^(handoff_dm|home_handoff|lead_handoff):/;
/** Every other block: the card's own (and any older message's). */
export const ANSWER_ON_CARD = /^(?!(handoff_dm|home_handoff|lead_handoff):)/;

/** App Home buttons besides the leads' own. */
export const HomeActions = {
  logLead: "home_log_lead",
  logCampaign: "home_log_campaign",
  /** Opens /baton settings' home as a modal. */
  settings: "home_settings",
} as const;

export const LeadViews = {
  lead: "lead_modal",
  reject: "handoff_reject_modal",
  card: "lead_card_modal",
  won: "lead_won_modal",
  lost: "lead_lost_modal",
  forget: "lead_forget_modal",
  channelsAndPeople: "settings_channels_people",
  customerData: "settings_customer_data",
  exchangeRates: "settings_exchange_rates",
  rotation: "settings_rotation",
} as const;

/** Enterprise Grid: /baton settings → Workspaces, which of the org's workspaces Baton serves. */
export const OrgWorkspaceIds = {
  view: "settings_org_workspaces",
} as const;

/** Production: web-form intake settings. */
export const WebFormIds = {
  /** The modal pushed from /baton settings → Web forms. */
  view: "web_forms",
  /** Its "Rotate secret" button. */
  rotate: "web_forms_rotate",
} as const;

/** /baton settings → Lead sources. */
export const LeadSourceIds = {
  /** The list pushed from the settings home. */
  list: "lead_sources",
  /** "Add a source" (in the list): opens the form. */
  add: "lead_source_add",
  /** The add form and the edit form (callback ids). */
  addView: "lead_source_add_modal",
  editView: "lead_source_edit_modal",
  /** A source's buttons; value: the source id. */
  edit: "lead_source_edit",
  rotate: "lead_source_rotate",
  remove: "lead_source_remove",
  /** The campaign select beside an unknown tracking code; its block id is "code:<code>". */
  mapCode: "lead_source_map_code",
  /** A read-only modal: the address and the secret, shown once. */
  secretView: "lead_source_secret",
} as const;
