// The funnel: scheduled digests with their chart, /funnel replies, the scorecard, personal digests.

import type { Digest } from "../../../src/domain/digests/digest.js";
import { parsePeriod } from "../../../src/domain/funnel/parse-period.js";
import { digestMessage } from "../../../src/slack/blocks/funnel.js";
import {
  funnelHelpMessage,
  postedMessage,
  scorecardMessage,
  subscribedMessage,
  unsubscribedMessage,
  usageMessage,
} from "../../../src/slack/blocks/funnel-replies.js";
import { howWeCountModal } from "../../../src/slack/blocks/how-we-count.js";
import { personalDigestMessage } from "../../../src/slack/blocks/personal-digest.js";
import { chartAltText, renderDigestChart } from "../../../src/slack/charts/digest-chart.js";
import {
  campaignDigest,
  funnelWeekDigest,
  lateFor,
  marketingDigest,
  myHandoffsDigest,
  quietDigest,
  salesDigest,
  weekScorecard,
} from "../fixtures/funnel.js";
import { Channels, NOW, ZONE } from "../fixtures/workspace.js";
import type { Surface } from "../surface.js";

/** The chart as Baton uploads it, drawn once however often the gallery shows it. */
/** The chart's upload as the digest message refers to it (an image block of this file). */
const uploaded = (digest: Digest) => ({ chart: { fileId: "F0GALLERYCHART", altText: chartAltText(digest) } });

function chartOf(digest: Digest) {
  let image: Buffer | undefined;
  return { title: "Funnel and trend", alt: chartAltText(digest), image: () => (image ??= renderDigestChart(digest)) };
}

export const funnelSurfaces: Surface[] = [
  {
    id: "digest-sales",
    title: "Weekly digest, sales view, its chart inside",
    builder: digestMessage,
    kind: "message",
    where: "#sales",
    seenBy: "the sales team",
    render: () => digestMessage(salesDigest, uploaded(salesDigest)),
    chart: chartOf(salesDigest),
  },
  {
    id: "digest-marketing",
    title: "Weekly digest, marketing view, its chart inside",
    builder: digestMessage,
    kind: "message",
    where: "#marketing",
    seenBy: "marketing",
    render: () => digestMessage(marketingDigest, uploaded(marketingDigest)),
    chart: chartOf(marketingDigest),
  },
  {
    id: "digest-quiet",
    title: "Daily digest of a quiet day (one line; skipped by default)",
    builder: digestMessage,
    kind: "message",
    where: "#sales",
    seenBy: "the sales team",
    render: () => digestMessage(quietDigest),
  },
  {
    id: "digest-late",
    title: "Digest posted late",
    builder: digestMessage,
    kind: "message",
    where: "#sales",
    seenBy: "the sales team",
    render: () => digestMessage(salesDigest, { lateFor, ...uploaded(salesDigest) }),
    chart: chartOf(salesDigest),
  },
  {
    id: "digest-how-we-count",
    title: "How we count (a digest's button)",
    builder: howWeCountModal,
    kind: "modal",
    seenBy: "anyone in the channel",
    render: () => howWeCountModal(),
  },
  {
    id: "funnel-week",
    title: "/funnel: this week so far, for the person who asked",
    builder: digestMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => digestMessage(funnelWeekDigest),
  },
  {
    id: "funnel-scorecard",
    title: "/funnel scorecard",
    builder: scorecardMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "anyone",
    render: () => scorecardMessage(weekScorecard),
  },
  {
    id: "funnel-help",
    title: "/funnel help",
    builder: funnelHelpMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "anyone",
    render: () => funnelHelpMessage(),
  },
  {
    id: "funnel-usage",
    title: "/funnel last wek: the problem and the closest command",
    builder: usageMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "anyone",
    // The words /funnel answers with, not a copy of them: the gallery shows what a typo really gets.
    render: () => {
      const parsed = parsePeriod("last wek", NOW, ZONE);
      return usageMessage(parsed.ok ? "" : parsed.message);
    },
  },
  {
    id: "funnel-posted",
    title: "/funnel post: posted",
    builder: postedMessage,
    kind: "message",
    where: "#sales",
    ephemeral: true,
    seenBy: "anyone",
    render: () => postedMessage(Channels.sales),
  },
  {
    id: "funnel-subscribed",
    title: "/funnel subscribe campaign",
    builder: subscribedMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () =>
      subscribedMessage({ kind: "campaign", campaign: { id: "cm1", name: "Spring launch webinar" }, period: "weekly", created: true }),
  },
  {
    id: "funnel-unsubscribed",
    title: "/funnel unsubscribe",
    builder: unsubscribedMessage,
    kind: "message",
    where: "#marketing",
    ephemeral: true,
    seenBy: "marketer Kim Reyes",
    render: () => unsubscribedMessage(1),
  },
  {
    id: "personal-my-handoffs",
    title: "Personal digest by DM: my handoffs",
    builder: personalDigestMessage,
    kind: "message",
    where: "direct message",
    seenBy: "rep Ava Adams",
    render: () => personalDigestMessage(myHandoffsDigest),
  },
  {
    id: "personal-campaign",
    title: "Personal digest by DM: one campaign",
    builder: personalDigestMessage,
    kind: "message",
    where: "direct message",
    seenBy: "marketer Kim Reyes",
    render: () => personalDigestMessage(campaignDigest),
  },
];
