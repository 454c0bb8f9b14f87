// The small HTML pages of the OAuth install flow (not Block Kit, but the same idea: data in, markup out).

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
  `<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">${body}</body></html>`;

/** /slack/install: what Baton is, and the Add to Slack link (which carries the signed OAuth state). */
export function installPage(url: string): string {
  return page(
    "Add Baton to Slack",
    `<h1>Add Baton to Slack</h1><p>Baton keeps your sales and marketing teams on one page: leads, handoffs, campaigns and one funnel.</p>` +
      `<p><a id="add-to-slack" href="${escapeHtml(url)}">Add to Slack</a></p>`,
  );
}

export type InstallOutcome = "installed" | "org_wide" | "failed" | "unavailable";

export function installResultPage(outcome: InstallOutcome, teamName?: string): string {
  switch (outcome) {
    case "installed":
      return page(
        "Baton is installed",
        `<h1>Baton is installed${teamName ? ` in ${escapeHtml(teamName)}` : ""}</h1>` +
          `<p>Open Slack and type <code>/baton help</code>. Admins: <code>/baton settings</code> sets the sales and marketing channels.</p>`,
      );
    case "org_wide":
      return page(
        "Install Baton per workspace",
        `<h1>Install Baton in each workspace</h1><p>Baton keeps each workspace's leads apart, so it is installed one workspace at a time, not for a whole organization. Nothing was installed. <a href="/slack/install">Install it in a workspace</a>.</p>`,
      );
    case "unavailable":
      return page(
        "Try again",
        `<h1>Baton can't reach its database right now</h1><p>Nothing was installed. <a href="/slack/install">Try again</a> in a minute.</p>`,
      );
    default:
      return page(
        "The install didn't finish",
        `<h1>The install didn't finish</h1><p>Nothing was installed. <a href="/slack/install">Start again</a>.</p>`,
      );
  }
}
