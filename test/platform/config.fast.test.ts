import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const valid = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("takes .env.example as shipped (every value empty or a default) as only the Slack settings missing", () => {
    const example = Object.fromEntries(
      fs
        .readFileSync(".env.example", "utf8")
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(problemsOf(example).map((p) => p.split(":")[0])).toEqual(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]);
    expect(
      loadConfig({ ...example, SLACK_BOT_TOKEN: valid.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: valid.SLACK_SIGNING_SECRET }).log.pretty,
    ).toBe(true);
  });

  it("names every missing Slack setting and where to find it", () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^SLACK_BOT_TOKEN: missing; .*xoxb-/);
    expect(problems[1]).toMatch(/^SLACK_SIGNING_SECRET: missing; .*Signing Secret/);
  });

  it("lists each malformed variable with what it should look like, hiding secret values", () => {
    const problems = problemsOf({
      ...valid,
      SLACK_BOT_TOKEN: "xoxp-user-token",
      PORT: "eighty",
      DIGEST_CRON: "every monday",
      DIGEST_TIMEZONE: "Mars/Olympus",
      SALES_CHANNEL_ID: "#sales",
      DATABASE_URL: "mysql://db/baton",
    });
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "SLACK_BOT_TOKEN",
      "PORT",
      "DATABASE_URL",
      "SALES_CHANNEL_ID",
      "DIGEST_CRON",
      "DIGEST_TIMEZONE",
    ]);
    expect(problems.join("\n")).not.toContain("xoxp-user-token");
    expect(problems.join("\n")).not.toContain("mysql://db/baton");
    expect(problems.find((p) => p.startsWith("PORT"))).toContain('(got "eighty")');
    expect(problems.find((p) => p.startsWith("DIGEST_TIMEZONE"))).toContain("IANA time zone");
  });

  it("uses Socket Mode with an app token, HTTP otherwise, and SQLite under ./data by default", () => {
    const http = loadConfig(valid);
    expect(http.socketMode).toBe(false);
    expect(http.port).toBe(3000);
    expect(http.databaseUrl).toBeUndefined();
    expect(http.defaults).toEqual({ digestCron: "0 9 * * 1", digestTimezone: "UTC" });

    const socket = loadConfig({ SLACK_BOT_TOKEN: valid.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: "xapp-1-A1-2-abc" });
    expect(socket.socketMode).toBe(true);
  });

  it("accepts a GovSlack API URL, six-field cron and PostgreSQL", () => {
    const config = loadConfig({
      ...valid,
      SLACK_API_URL: "https://slack-gov.com/api/",
      DIGEST_CRON: "0 0 9 * * 1-5",
      DIGEST_TIMEZONE: "Europe/Berlin",
      DATABASE_URL: "postgresql://baton:secret@db:5432/baton",
    });
    expect(config.slack.apiUrl).toBe("https://slack-gov.com/api/");
    expect(config.defaults.digestTimezone).toBe("Europe/Berlin");
    expect(config.databaseUrl).toBe("postgresql://baton:secret@db:5432/baton");
  });

  it("needs all OAuth settings together for a distributed install", () => {
    const problems = problemsOf({ SLACK_SIGNING_SECRET: valid.SLACK_SIGNING_SECRET, SLACK_CLIENT_ID: "123.456" });
    expect(problems.map((p) => p.split(":")[0])).toEqual(["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "ENCRYPTION_KEY"]);
  });
});
