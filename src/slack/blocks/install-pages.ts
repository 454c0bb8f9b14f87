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

export type InstallOutcome = "installed" | "failed" | "unavailable";

/** An org-wide install finished: the org admin still adds Baton to workspaces in Slack, then chooses which it serves. */
export function orgInstalledPage(org: { enterpriseId: string; name?: string | undefined; appId?: string | undefined }): string {
  const manage = org.appId
    ? `https://app.slack.com/manage/${encodeURIComponent(org.enterpriseId)}/integrations/profile/${encodeURIComponent(org.appId)}/workspaces/add`
    : undefined;
  const add = manage
    ? `<a href="${escapeHtml(manage)}">add Baton to your workspaces</a>`
    : "add Baton to your workspaces in Slack's org admin pages";
  return page(
    "Baton is installed for your org",
    `<h1>Baton is installed for ${org.name ? escapeHtml(org.name) : "your org"}</h1>` +
      `<p>Next, ${add}. Each workspace keeps its own leads, channels and settings.</p>` +
      `<p>Then, in any of them, an org admin picks the workspaces Baton serves in <code>/baton settings</code> → Workspaces.</p>`,
  );
}

export function installResultPage(outcome: InstallOutcome, teamName?: string): string {
  switch (outcome) {
    case "installed":
      return page(
        "Baton is installed",
        `<h1>Baton is installed${teamName ? ` in ${escapeHtml(teamName)}` : ""}</h1>` +
          `<p>Open Slack and type <code>/baton help</code>. Admins: <code>/baton settings</code> sets the sales and marketing channels.</p>`,
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
