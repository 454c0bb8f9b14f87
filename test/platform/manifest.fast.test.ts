import fs from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const manifest = parse(fs.readFileSync("manifest.yml", "utf8"));
const schema = JSON.parse(fs.readFileSync("test/fixtures/slack-manifest.schema.json", "utf8"));

describe("manifest.yml", () => {
  it("is valid against Slack's public manifest JSON Schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("declares the four slash commands, interactivity, the Home tab and Socket Mode", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      "/lead",
      "/campaign",
      "/funnel",
      "/baton",
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
