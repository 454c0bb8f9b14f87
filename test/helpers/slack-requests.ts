// Sends Baton requests signed exactly as Slack signs them (v0 HMAC-SHA256 over "v0:{ts}:{raw body}").
import { createHmac, randomUUID } from "node:crypto";
import type { SlackStandIn } from "./slack-stand-in.js";

export interface Actor {
  userId?: string;
  teamId?: string;
  channelId?: string;
  /** A workspace of an Enterprise Grid org that installed Baton org-wide: Slack marks the request so. */
  orgWide?: { enterpriseId: string };
}

/** What Slack adds to an interaction payload from a workspace served by an org-wide install. */
const orgWideFields = (actor: Actor) =>
  actor.orgWide ? { is_enterprise_install: true, enterprise: { id: actor.orgWide.enterpriseId, name: "Acme Org" } } : {};

export interface SlackReply {
  status: number;
  headers: Headers;
  /** Parsed JSON when the app answered with JSON, else the raw text ("" for an empty ack). */
  body: any;
  /**
   * Sends the very same signed request again (same body, timestamp and signature), as a replay attack does: to the
   * same Baton, or to another replica's events URL.
   */
  replay(eventsUrl?: string): Promise<SlackReply>;
}

export const DEFAULT_TEAM = "T0TEST0001";
export const DEFAULT_USER = "U0MARKETER";
export const DEFAULT_CHANNEL = "C0GENERAL1";

let actions = 0;
/** A click's action_ts as Slack writes it (seconds with microseconds), different for every click of a test run. */
function actionTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, "0")}${String(actions++ % 1000).padStart(3, "0")}`;
}

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

export class SlackRequests {
  constructor(
    readonly eventsUrl: string,
    private readonly signingSecret: string,
    private readonly standIn: SlackStandIn,
  ) {}

  /** POSTs a raw body with a valid signature (or the headers you pass instead). */
  send(rawBody: string, contentType: string, headers: Record<string, string> = {}): Promise<SlackReply> {
    const timestamp = Math.floor(Date.now() / 1000);
    return this.post(rawBody, {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(this.signingSecret, timestamp, rawBody),
      ...headers,
    });
  }

  private async post(rawBody: string, headers: Record<string, string>, eventsUrl = this.eventsUrl): Promise<SlackReply> {
    const response = await fetch(eventsUrl, { method: "POST", headers, body: rawBody });
    const text = await response.text();
    let body: unknown = text;
    if (response.headers.get("content-type")?.includes("json") && text) body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body, replay: (to) => this.post(rawBody, headers, to) };
  }

  /** A slash command, e.g. command("/baton", "help"). The reply body is the ack (ephemeral message or ""). */
  command(command: string, text = "", actor: Actor = {}, extra: Record<string, string> = {}): Promise<SlackReply> {
    const form = new URLSearchParams({
      token: "deprecated-verification-token",
      team_id: actor.teamId ?? DEFAULT_TEAM,
      team_domain: "acme",
      channel_id: actor.channelId ?? DEFAULT_CHANNEL,
      channel_name: "general",
      user_id: actor.userId ?? DEFAULT_USER,
      user_name: (actor.userId ?? DEFAULT_USER).toLowerCase(),
      command,
      text,
      api_app_id: "A0BATON001",
      is_enterprise_install: actor.orgWide ? "true" : "false",
      ...(actor.orgWide ? { enterprise_id: actor.orgWide.enterpriseId, enterprise_name: "Acme Org" } : {}),
      response_url: this.standIn.responseUrl(),
      trigger_id: `trigger.${randomUUID()}`,
      ...extra,
    });
    return this.send(form.toString(), "application/x-www-form-urlencoded");
  }

  /** An interactivity payload (block_actions, view_submission, ...), sent as Slack does: form field `payload`. */
  interaction(payload: Record<string, unknown>): Promise<SlackReply> {
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    return this.send(form.toString(), "application/x-www-form-urlencoded");
  }

  /** A click on a Block Kit element in a message (or in a view when `view` is given). */
  blockAction(action: BlockActionInput, actor: Actor = {}): Promise<SlackReply> {
    const teamId = actor.teamId ?? DEFAULT_TEAM;
    const userId = actor.userId ?? DEFAULT_USER;
    const channelId = actor.channelId ?? DEFAULT_CHANNEL;
    const element = {
      type: action.type ?? "button",
      action_id: action.actionId,
      block_id: action.blockId ?? "actions",
      action_ts: actionTs(),
      ...(action.value !== undefined ? { value: action.value } : {}),
      ...(action.selectedUser ? { selected_user: action.selectedUser } : {}),
      ...(action.selectedOption ? { selected_option: action.selectedOption } : {}),
    };
    return this.interaction({
      type: "block_actions",
      team: { id: teamId, domain: "acme" },
      user: { id: userId, username: userId.toLowerCase(), team_id: teamId },
      api_app_id: "A0BATON001",
      token: "deprecated-verification-token",
      trigger_id: `trigger.${randomUUID()}`,
      response_url: this.standIn.responseUrl(),
      ...orgWideFields(actor),
      actions: [element],
      ...(action.view
        ? { container: { type: "view", view_id: action.view.id }, view: action.view }
        : {
            container: { type: "message", message_ts: action.messageTs ?? "1700000000.000001", channel_id: channelId, is_ephemeral: false },
            channel: { id: channelId, name: "sales" },
            message: { ts: action.messageTs ?? "1700000000.000001", text: "", blocks: action.messageBlocks ?? [] },
          }),
    });
  }

  /** A message shortcut ("More actions" on a message), as Slack sends it: type message_action. */
  messageShortcut(callbackId: string, message: ShortcutMessage, actor: Actor = {}): Promise<SlackReply> {
    const teamId = actor.teamId ?? DEFAULT_TEAM;
    const userId = actor.userId ?? DEFAULT_USER;
    const channelId = actor.channelId ?? DEFAULT_CHANNEL;
    const ts = message.ts ?? "1700000100.000200";
    return this.interaction({
      type: "message_action",
      token: "deprecated-verification-token",
      action_ts: `${Date.now() / 1000}`,
      team: { id: teamId, domain: "acme" },
      user: { id: userId, username: userId.toLowerCase(), team_id: teamId, name: userId.toLowerCase() },
      channel: { id: channelId, name: "leads-connect" },
      is_enterprise_install: false,
      enterprise: null,
      ...orgWideFields(actor),
      callback_id: callbackId,
      trigger_id: `trigger.${randomUUID()}`,
      response_url: this.standIn.responseUrl(),
      message_ts: ts,
      message: {
        type: "message",
        user: message.user,
        ts,
        text: message.text,
        team: message.userTeam ?? teamId,
        user_team: message.userTeam ?? teamId,
        source_team: message.userTeam ?? teamId,
        ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
        blocks: [{ type: "rich_text", block_id: "b1", elements: [] }],
      },
    });
  }

  /** A global shortcut (the shortcuts menu), as Slack sends it: type shortcut, no channel. */
  globalShortcut(callbackId: string, actor: Actor = {}): Promise<SlackReply> {
    const teamId = actor.teamId ?? DEFAULT_TEAM;
    const userId = actor.userId ?? DEFAULT_USER;
    return this.interaction({
      type: "shortcut",
      token: "deprecated-verification-token",
      action_ts: `${Date.now() / 1000}`,
      team: { id: teamId, domain: "acme" },
      user: { id: userId, username: userId.toLowerCase(), team_id: teamId },
      is_enterprise_install: false,
      enterprise: null,
      ...orgWideFields(actor),
      callback_id: callbackId,
      trigger_id: `trigger.${randomUUID()}`,
    });
  }

  /**
   * A Workflow Builder step running one of Baton's functions: a `function_executed` event in an event_callback,
   * with the execution id and the short-lived token Slack gives for completing it.
   */
  functionExecuted(
    callbackId: string,
    inputs: Record<string, unknown>,
    options: {
      teamId?: string;
      executionId?: string;
      botAccessToken?: string;
      eventId?: string;
      retryNum?: number;
      orgWide?: { enterpriseId: string };
    } = {},
  ): Promise<SlackReply> {
    return this.event(
      {
        type: "function_executed",
        function: {
          id: "Fn0BATON0001",
          callback_id: callbackId,
          title: callbackId,
          description: "",
          type: "app",
          input_parameters: [],
          output_parameters: [],
          app_id: "A0BATON001",
          date_created: 1700000000,
          date_updated: 1700000000,
          date_deleted: 0,
        },
        inputs,
        function_execution_id: options.executionId ?? `Fx${randomUUID().slice(0, 10).toUpperCase()}`,
        workflow_execution_id: `Wx${randomUUID().slice(0, 10).toUpperCase()}`,
        bot_access_token: options.botAccessToken ?? `xwfp-${randomUUID()}`,
      },
      {
        ...(options.teamId ? { teamId: options.teamId } : {}),
        ...(options.eventId ? { eventId: options.eventId } : {}),
        ...(options.retryNum ? { retryNum: options.retryNum } : {}),
        ...(options.orgWide ? { orgWide: options.orgWide } : {}),
      },
    );
  }

  /** Submitting a modal. `values` maps block_id -> action_id -> element state (as Slack sends it). */
  viewSubmission(view: ViewSubmissionInput, actor: Actor = {}): Promise<SlackReply> {
    const teamId = actor.teamId ?? DEFAULT_TEAM;
    const userId = actor.userId ?? DEFAULT_USER;
    return this.interaction({
      type: "view_submission",
      team: { id: teamId, domain: "acme" },
      user: { id: userId, username: userId.toLowerCase(), team_id: teamId },
      api_app_id: "A0BATON001",
      token: "deprecated-verification-token",
      trigger_id: `trigger.${randomUUID()}`,
      view: {
        id: view.id ?? `V${randomUUID().slice(0, 8).toUpperCase()}`,
        team_id: teamId,
        type: "modal",
        callback_id: view.callbackId,
        private_metadata: view.privateMetadata ?? "",
        hash: "1700000000.abcdef",
        blocks: view.blocks ?? [],
        state: { values: view.values },
        previous_view_id: view.previousViewId ?? null,
      },
      ...orgWideFields(actor),
      response_urls: [],
    });
  }

  /**
   * An Events API delivery; `retryNum` sets x-slack-retry-num as Slack does when it delivers again. `teamId: null` is
   * an event about an org itself (team_access_granted / _revoked): Slack names no workspace, only the org.
   */
  event(
    event: Record<string, unknown>,
    options: { teamId?: string | null; eventId?: string; retryNum?: number; orgWide?: { enterpriseId: string } } = {},
  ): Promise<SlackReply> {
    const teamId = options.teamId === null ? null : (options.teamId ?? DEFAULT_TEAM);
    // An org-wide installation's authorization names the org, not the workspace (Slack's enterprise apps reference).
    const authorization = options.orgWide
      ? { enterprise_id: options.orgWide.enterpriseId, team_id: null, user_id: "UBATONBOT", is_bot: true, is_enterprise_install: true }
      : { team_id: teamId, user_id: "UBATONBOT", is_bot: true };
    const body = JSON.stringify({
      token: "deprecated-verification-token",
      team_id: teamId,
      ...(options.orgWide ? { enterprise_id: options.orgWide.enterpriseId } : {}),
      api_app_id: "A0BATON001",
      event: { event_ts: `${Date.now() / 1000}`, ...event },
      type: "event_callback",
      event_id: options.eventId ?? `Ev${randomUUID().slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [authorization],
    });
    const headers: Record<string, string> = options.retryNum
      ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" }
      : {};
    return this.send(body, "application/json", headers);
  }
}

export interface BlockActionInput {
  actionId: string;
  value?: string;
  blockId?: string;
  type?: string;
  selectedUser?: string;
  selectedOption?: { value: string; text?: { type: "plain_text"; text: string } };
  messageTs?: string;
  messageBlocks?: unknown[];
  /** A click inside a view: `type` "modal" (the default Slack sends for modals) or "home" (the App Home). */
  view?: {
    id: string;
    type?: "modal" | "home";
    callback_id?: string;
    private_metadata?: string;
    hash?: string;
    state?: { values: Record<string, unknown> };
  };
}

export interface ShortcutMessage {
  /** The author's user id. */
  user: string;
  text: string;
  ts?: string;
  /** A reply in a thread: the thread's parent ts. */
  threadTs?: string;
  /** The author's home workspace (another organisation's in Slack Connect); the actor's by default. */
  userTeam?: string;
}

export interface ViewSubmissionInput {
  callbackId: string;
  /** For a modal pushed on top of another (e.g. a settings section over the settings home). */
  previousViewId?: string;
  values: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  id?: string;
  blocks?: unknown[];
}

export { input } from "./view-state.js";
