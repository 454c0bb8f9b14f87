// Building the campaign modal's submitted state as Slack sends it (block_id -> action_id -> element state).
import { input } from "../helpers/slack-requests.js";

type ElementState = Record<string, unknown>;

/** Each field's block_id is its name; its element's action_id is the input one ("value"). */
export function formValues(fields: Record<string, ElementState>): Record<string, Record<string, ElementState>> {
  return Object.fromEntries(Object.entries(fields).map(([name, state]) => [name, { value: state }]));
}

export function campaignFields(overrides: Record<string, ElementState | undefined> = {}): Record<string, Record<string, ElementState>> {
  const fields: Record<string, ElementState | undefined> = {
    name: input.text("Spring Launch"),
    channel: input.select("webinar"),
    product: input.text("Baton Pro"),
    offer: input.text("20% off the first year"),
    place: input.text("Our webinar platform"),
    promotion: input.text("Hand off leads in seconds, not days"),
    keyMessage: input.text(null),
    budget: input.text("12,500.50"),
    currency: input.select("USD"),
    startsOn: input.date("2026-12-01"),
    endsOn: input.date("2026-12-31"),
    ownerId: input.user("U0MARKETER"),
    assetsUrl: { type: "url_text_input", value: "https://drive.example.com/spring" },
    ...overrides,
  };
  return formValues(Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, ElementState] => entry[1] !== undefined)));
}

const BASICS = ["name", "channel", "ownerId", "startsOn", "endsOn", "budget", "currency"];

/** Step 1 of the form as Slack sends it: only the basics' inputs. */
export function basicsFields(overrides: Record<string, ElementState | undefined> = {}) {
  return Object.fromEntries(Object.entries(campaignFields(overrides)).filter(([block]) => BASICS.includes(block)));
}

/** Step 2 of the form as Slack sends it: the four Ps, key message, segment and assets. */
export function detailsFields(overrides: Record<string, ElementState | undefined> = {}) {
  return Object.fromEntries(Object.entries(campaignFields(overrides)).filter(([block]) => !BASICS.includes(block)));
}
