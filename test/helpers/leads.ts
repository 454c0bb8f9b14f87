// Helpers for lead tests: drive the /lead modal and handoff cards the way Slack does, and find what Baton posted.
import { expect, inject } from "vitest";
import { type Actor, input, type SlackReply } from "./slack-requests.js";
import type { SlackCall } from "./slack-stand-in.js";
import { startTestApp, type TestApp } from "./test-app.js";
import { waitUntil } from "./waits.js";

export { waitUntil };

export interface LeadForm {
  email?: string | null;
  name?: string | null;
  company?: string | null;
  phone?: string | null;
  title?: string | null;
  industry?: string | null;
  region?: string | null;
  notes?: string | null;
  campaignId?: string | null;
  fitGrade?: string | null;
  companySize?: string | null;
}

/** The lead modal's state as Slack sends it: every block, empty ones as null. */
export function leadFormValues(form: LeadForm): Record<string, Record<string, unknown>> {
  const text = (v: string | null | undefined) => ({ value: input.text(v ?? null) });
  return {
    name: text(form.name),
    email: text(form.email),
    company: text(form.company),
    phone: text(form.phone),
    title: text(form.title),
    industry: text(form.industry),
    region: text(form.region),
    notes: text(form.notes),
    campaignId: { lead_campaign: input.externalSelect(form.campaignId ?? null) },
    fitGrade: { value: input.select(form.fitGrade ?? null) },
    companySize: { value: input.select(form.companySize ?? null) },
  };
}

/**
 * Submits the lead modal, as opened by /lead in the actor's channel (or with the metadata of an opened edit modal).
 */
export function submitLead(app: TestApp, form: LeadForm, actor: Actor = {}, privateMetadata?: string): Promise<SlackReply> {
  const metadata = privateMetadata ?? JSON.stringify(actor.channelId ? { channelId: actor.channelId } : {});
  return app.requests.viewSubmission({ callbackId: "lead_modal", privateMetadata: metadata, values: leadFormValues(form) }, actor);
}

/** Logs a lead through the modal and returns its row. */
export async function logLead(app: TestApp, form: LeadForm & { email: string }, actor: Actor = {}) {
  const reply = await submitLead(app, form, actor);
  expect(reply.body).toBe("");
  const teamId = actor.teamId ?? "T0TEST0001";
  return app.db.lead.findFirstOrThrow({ where: { teamId, emailKey: form.email.trim().toLowerCase() } });
}

/** Clicks "Hand off to sales" for a lead and waits for Baton's answer; returns the handoff row. */
export async function handOff(app: TestApp, leadId: string, actor: Actor = {}) {
  const before = app.slack.responses.length;
  await app.requests.blockAction({ actionId: "lead_hand_off", value: leadId }, actor);
  await waitUntil(() => app.slack.responses.length > before, "Baton's answer to the hand-off");
  // The answer can come before the hand-off's transaction commits; the card is posted after it.
  await app.idle();
  return app.db.handoff.findFirst({ where: { leadId }, orderBy: { handedOffAt: "desc" } });
}

/** The chat.postMessage that posted a handoff's card. */
export function cardPost(app: TestApp, handoffId: string): SlackCall | undefined {
  return app.slack.callsOf("chat.postMessage").find((call) => JSON.stringify(call.args.blocks ?? []).includes(`"handoff:${handoffId}"`));
}

/** Every chat.update of a message (channel + ts). */
export function updatesOf(app: TestApp, channel: string, ts: string): SlackCall[] {
  return app.slack.callsOf("chat.update").filter((call) => call.args.channel === channel && call.args.ts === ts);
}

export const textOf = (call: SlackCall | undefined) => JSON.stringify(call?.args.blocks ?? []) + String(call?.args.text ?? "");

/** Posts the app makes to a user's DM (channel = their user id). */
export function dmsTo(app: TestApp, userId: string): SlackCall[] {
  return app.slack.callsOf("chat.postMessage").filter((call) => call.args.channel === userId);
}

/**
 * Extra app instances on `owner`'s database, as replicas. Only on PostgreSQL: SQLite's driver is synchronous, so
 * several instances in one test process would block each other's event loop while one waits for another's lock
 * (separate processes, as in production, do not). On SQLite the concurrency runs through the one instance.
 */
export async function startReplicas(owner: TestApp, count: number): Promise<TestApp[]> {
  if (inject("databaseTemplate").provider !== "postgresql") return [];
  return Promise.all(
    Array.from({ length: count }, () => startTestApp({ databaseUrl: owner.databaseUrl, slack: owner.slack, clock: owner.clock })),
  );
}
