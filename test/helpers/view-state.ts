// What a modal's inputs hold when it is submitted, element by element, as Slack sends them in view.state.values.
/** Element state helpers for view submissions. */
export const input = {
  text: (value: string | null) => ({ type: "plain_text_input", value }),
  select: (value: string | null) => ({
    type: "static_select",
    selected_option: value === null ? null : { value, text: { type: "plain_text", text: value } },
  }),
  externalSelect: (value: string | null) => ({
    type: "external_select",
    selected_option: value === null ? null : { value, text: { type: "plain_text", text: value } },
  }),
  user: (userId: string | null) => ({ type: "users_select", selected_user: userId }),
  users: (userIds: string[]) => ({ type: "multi_users_select", selected_users: userIds }),
  channel: (channelId: string | null) => ({ type: "conversations_select", selected_conversation: channelId }),
  date: (value: string | null) => ({ type: "datepicker", selected_date: value }),
  time: (value: string | null) => ({ type: "timepicker", selected_time: value }),
  checkboxes: (values: string[]) => ({
    type: "checkboxes",
    selected_options: values.map((value) => ({ value, text: { type: "plain_text", text: value } })),
  }),
  radio: (value: string | null) => ({
    type: "radio_buttons",
    selected_option: value === null ? null : { value, text: { type: "plain_text", text: value } },
  }),
};
