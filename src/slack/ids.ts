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

/** Production: web-form intake settings. */
export const WebFormIds = {
  /** The modal pushed from /baton settings → Web forms. */
  view: "web_forms",
  /** Its "Rotate secret" button. */
  rotate: "web_forms_rotate",
} as const;
