import fs from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Shortcuts, WorkflowSteps } from "../../src/slack/ids.js";

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

  it("declares the two shortcuts Baton answers: Log as lead on messages, Log a lead from anywhere", () => {
    expect(manifest.features.shortcuts.map((s: { type: string; callback_id: string }) => [s.type, s.callback_id])).toEqual([
      ["message", Shortcuts.logMessageAsLead],
      ["global", Shortcuts.logLead],
    ]);
  });

  it("declares the Workflow Builder steps Baton runs, as an org-ready app with a remote function runtime", () => {
    expect(Object.keys(manifest.functions).sort()).toEqual(Object.values(WorkflowSteps).sort());
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    expect(manifest.settings.function_runtime).toBe("remote");
    expect(manifest.settings.event_subscriptions.bot_events).toContain("function_executed");
    const inputs = (id: string) => Object.keys(manifest.functions[id].input_parameters);
    expect(inputs(WorkflowSteps.logLead)).toEqual(["email", "name", "company", "phone", "title", "campaign", "notes"]);
    expect(inputs(WorkflowSteps.handOffLead)).toEqual(["email", "notes", "handed_off_by"]);
    expect(inputs(WorkflowSteps.findLead)).toEqual(["email"]);
  });
});
