// Which deliveries are "the same interaction" (a replay, refused) and which are a person doing something again.
import { describe, expect, it } from "vitest";
import { interactionOf } from "../../src/slack/once-per-interaction.js";

const click = (actionTs: string, overrides: Record<string, unknown> = {}) => ({
  type: "block_actions",
  user: { id: "U1" },
  trigger_id: `trigger-${actionTs}`,
  container: { type: "message", message_ts: "1700000000.000001" },
  actions: [{ action_id: "handoff_accept", block_id: "actions", action_ts: actionTs, value: "h1" }],
  ...overrides,
});

const submission = (values: unknown, hash = "1700000000.abc") => ({
  type: "view_submission",
  trigger_id: "t",
  view: { id: "V1", hash, state: { values } },
});

describe("interaction keys", () => {
  it("gives a delivered-again body the same key, and a new click, command or changed form another", () => {
    expect(interactionOf(click("1.000001"))).toEqual(interactionOf(structuredClone(click("1.000001"))));
    expect(interactionOf(click("1.000001"))?.id).not.toBe(interactionOf(click("1.000002"))?.id);
    expect(interactionOf(click("1.000001"))?.id).not.toBe(interactionOf(click("1.000001", { user: { id: "U2" } }))?.id);
    expect(interactionOf({ command: "/lead", trigger_id: "a" })?.id).not.toBe(interactionOf({ command: "/lead", trigger_id: "b" })?.id);
    const form = { email: { value: { type: "plain_text_input", value: "a@b.co" } } };
    const fixed = { email: { value: { type: "plain_text_input", value: "a@b.com" } } };
    expect(interactionOf(submission(form))).toEqual(interactionOf(submission(structuredClone(form))));
    expect(interactionOf(submission(form))?.id).not.toBe(interactionOf(submission(fixed))?.id);
    expect(interactionOf(submission(form))?.id).not.toBe(interactionOf(submission(form, "1700000001.def"))?.id);
  });

  it("names the kind, keeps nothing readable in the key, and claims nothing that changes nothing", () => {
    const key = interactionOf(click("1.000001"));
    expect(key?.kind).toBe("block_actions");
    expect(key?.id).toMatch(/^block_actions:[0-9a-f]{64}$/);
    expect(interactionOf({ command: "/lead", trigger_id: "a" })?.kind).toBe("command");
    expect(interactionOf({ type: "shortcut", trigger_id: "a" })?.kind).toBe("shortcut");
    expect(interactionOf({ type: "block_suggestion", action_id: "lead_campaign", value: "spr" })).toBeUndefined();
    expect(interactionOf({ type: "view_closed", view: { id: "V1", hash: "h" } })).toBeUndefined();
    expect(interactionOf({ type: "event_callback", event_id: "Ev1" })).toBeUndefined();
    // Without its identifying ids there is nothing to claim by.
    expect(interactionOf({ command: "/lead" })).toBeUndefined();
    expect(interactionOf({ type: "view_submission", view: {} })).toBeUndefined();
  });
});
