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

/** Digest schedules in /baton settings. */
export const DigestActions = {
  add: "digest_schedule_add",
  edit: "digest_schedule_edit",
  remove: "digest_schedule_remove",
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

/** Every input element of the editor uses this action_id; the block id says which field it is. */
export const DIGEST_INPUT = "value";
