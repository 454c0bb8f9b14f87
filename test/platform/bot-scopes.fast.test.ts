// manifest.yml asks for the bot scopes the code really uses, and no more: every Web API method called in
// src/slack is mapped to the scope Slack requires for it, and the two sets must be equal.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/** Slack's required bot scope per method family (docs.slack.dev method pages); null: no scope needed. */
const SCOPE_OF: [RegExp, string[] | null][] = [
  [/^chat\.getPermalink$/, null],
  [/^chat\./, ["chat:write"]],
  [/^views\./, null],
  [/^users\./, ["users:read"]],
  [/^usergroups\./, ["usergroups:read"]],
  [/^files\.info$/, ["files:read"]],
  [/^files\.uploadV2$/, ["files:write"]],
  [/^files\.delete$/, ["files:write"]],
  [/^conversations\.open$/, ["im:write"]],
  [/^conversations\.history$/, ["channels:history", "groups:history"]],
  [/^auth\./, null],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

function methodsCalled(): Set<string> {
  const methods = new Set<string>();
  for (const file of sourceFiles("src/slack")) {
    for (const match of fs
      .readFileSync(file, "utf8")
      .matchAll(/\.((?:chat|views|users|usergroups|files|conversations|auth)(?:\.[a-zA-Z0-9]+)+)\(/g)) {
      if (match[1]) methods.add(match[1]);
    }
  }
  return methods;
}

describe("the manifest's bot scopes", () => {
  const manifest = parse(fs.readFileSync("manifest.yml", "utf8"));

  it("are exactly the scopes of the Web API methods Baton calls, plus commands, reading shared files and emails", () => {
    // Slash commands and shortcuts; file_shared events and private file downloads; users.info's profile.email.
    const needed = new Set(["commands", "files:read", "users:read.email"]);
    for (const method of methodsCalled()) {
      const rule = SCOPE_OF.find(([pattern]) => pattern.test(method));
      expect(rule, `no scope rule for ${method}`).toBeDefined();
      for (const scope of rule?.[1] ?? []) needed.add(scope);
    }
    expect([...needed].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it("subscribe to exactly the events Baton listens to", () => {
    const listened = new Set<string>();
    for (const file of sourceFiles("src/slack/listeners/events")) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/app\.event\("([a-z_]+)"/g)) if (match[1]) listened.add(match[1]);
    }
    // Workflow Builder steps arrive as function_executed events.
    for (const file of sourceFiles("src/slack/listeners/functions")) {
      if (/app\.function\(/.test(fs.readFileSync(file, "utf8"))) listened.add("function_executed");
    }
    expect([...listened].sort()).toEqual([...manifest.settings.event_subscriptions.bot_events].sort());
  });
});
