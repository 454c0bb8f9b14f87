// A hand-built week with answers worked out by hand (in the comments and in the tests that use it).
// Workspace in America/New_York; "the week" is Mon 2026-11-16 .. Sun 2026-11-22 local (EST, UTC-5); the clock
// stands at Mon 2026-11-23 10:00 local, so "last week" is that week and the one before is Nov 9-15.
import type { FunnelData } from "./fixtures.js";

export const ZONE = "America/New_York";
/** Mon 2026-11-23 10:00 in New York. */
export const NOW = "2026-11-23T15:00:00Z";

export interface KnownWeek {
  campaignA: string;
  campaignB: string;
  leads: Record<string, string>;
}

export async function buildKnownWeek(data: FunnelData): Promise<KnownWeek> {
  await data.workspace({ agreement: { mqlMonthlyTarget: 20, responseSlaMinutes: 240, acceptanceRateTarget: 0.7 } });
  const campaignA = await data.campaign("Spring webinar", 200_000, "USD", "U0OWNER001"); // $2,000
  const campaignB = await data.campaign("Trade show", 1_000_000); // $10,000
  const leads: Record<string, string> = {};
  // In the week.
  leads.L1 = await data.lead({
    created: "2026-11-16T09:00",
    campaignId: campaignA,
    fit: "A",
    moves: [
      ["mql", "2026-11-16T10:00"],
      ["sql", "2026-11-16T12:00"],
      ["opportunity", "2026-11-18T11:00"],
      ["won", "2026-11-20T15:00"],
    ],
    wonCents: 1_000_000,
    ownerId: "U0REP00001",
  });
  leads.L2 = await data.lead({
    created: "2026-11-16T11:00",
    campaignId: campaignA,
    fit: "A",
    moves: [
      ["mql", "2026-11-17T09:00"],
      ["sql", "2026-11-17T10:00"],
      ["lost", "2026-11-19T12:00"],
    ],
  });
  leads.L3 = await data.lead({
    created: "2026-11-17T08:00",
    campaignId: campaignA,
    fit: "B",
    moves: [
      ["mql", "2026-11-17T09:00"],
      ["nurture", "2026-11-17T15:00"],
    ],
  });
  leads.L4 = await data.lead({ created: "2026-11-18T09:00", campaignId: campaignB, fit: "B", moves: [["mql", "2026-11-18T10:00"]] });
  // 23:30 local on the last day of the week: 04:30 UTC on Monday, still this week.
  leads.L5 = await data.lead({ created: "2026-11-22T23:30", fit: "C" });
  // 00:30 local on the next Monday: not this week.
  leads.L6 = await data.lead({ created: "2026-11-23T00:30" });
  leads.L9 = await data.lead({
    created: "2026-11-20T09:00",
    campaignId: campaignA,
    moves: [
      ["mql", "2026-11-20T10:00"],
      ["sql", "2026-11-20T16:00"],
    ],
    ownerId: "U0REP00002",
  });
  // Created before the week, moved in it (cohort rule: counted where they moved).
  leads.L7 = await data.lead({
    created: "2026-11-10T09:00",
    campaignId: campaignB,
    fit: "A",
    moves: [
      ["mql", "2026-11-11T09:00"],
      ["sql", "2026-11-12T09:00"],
      ["won", "2026-11-19T09:00"],
    ],
    wonCents: 500_000,
  });
  leads.L8 = await data.lead({
    created: "2026-11-12T09:00",
    moves: [
      ["mql", "2026-11-13T10:00"],
      ["sql", "2026-11-16T09:30"],
    ],
  });
  // The week before: created at its very first instant.
  leads.L10 = await data.lead({ created: "2026-11-09T00:00" });
  // Two weeks before: a big win from a campaign (for the revenue trend).
  leads.L11 = await data.lead({
    created: "2026-11-03T09:00",
    campaignId: campaignA,
    moves: [
      ["mql", "2026-11-03T10:00"],
      ["sql", "2026-11-03T11:00"],
      ["won", "2026-11-04T09:00"],
    ],
    wonCents: 5_000_000,
  });

  const L = leads as Record<string, string>;
  await data.handoff({
    leadId: L.L1 ?? "",
    handedOff: "2026-11-16T10:00",
    status: "accepted",
    decided: "2026-11-16T12:00",
    slaDue: "2026-11-16T14:00",
    assigneeId: "U0REP00001",
  });
  await data.handoff({
    leadId: L.L2 ?? "",
    handedOff: "2026-11-17T09:00",
    status: "accepted",
    decided: "2026-11-17T10:00",
    slaDue: "2026-11-17T13:00",
    assigneeId: "U0REP00001",
  });
  await data.handoff({
    leadId: L.L3 ?? "",
    handedOff: "2026-11-17T09:00",
    status: "rejected",
    decided: "2026-11-17T15:00",
    slaDue: "2026-11-17T13:00",
    breached: "2026-11-17T13:00",
    rejectReason: "not_a_fit",
    assigneeId: "U0REP00002",
  });
  await data.handoff({
    leadId: L.L4 ?? "",
    handedOff: "2026-11-18T10:00",
    status: "pending",
    slaDue: "2026-11-18T14:00",
    breached: "2026-11-18T14:00",
    assigneeId: "U0REP00001",
  });
  await data.handoff({
    leadId: L.L7 ?? "",
    handedOff: "2026-11-11T09:00",
    status: "accepted",
    decided: "2026-11-12T09:00",
    slaDue: "2026-11-11T13:00",
  });
  await data.handoff({
    leadId: L.L8 ?? "",
    handedOff: "2026-11-13T10:00",
    status: "accepted",
    decided: "2026-11-16T09:30",
    slaDue: "2026-11-13T14:00",
    breached: "2026-11-13T14:00",
    assigneeId: "U0REP00002",
  });
  await data.handoff({
    leadId: L.L9 ?? "",
    handedOff: "2026-11-20T10:00",
    status: "accepted",
    decided: "2026-11-20T16:00",
    slaDue: "2026-11-20T14:00",
    breached: "2026-11-20T14:00",
    assigneeId: "U0REP00002",
  });
  return { campaignA, campaignB, leads };
}
