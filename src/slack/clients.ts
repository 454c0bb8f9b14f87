import { WebClient, type WebClientOptions } from "@slack/web-api";
import { AppError } from "../lib/errors.js";

/** A Web API client with the right bot token for a workspace (jobs and notifiers have no request to borrow one from). */
export interface SlackClients {
  forTeam(teamId: string): Promise<WebClient>;
}

/** Single-workspace mode: one bot token (SLACK_BOT_TOKEN) for every request. */
export class SingleTokenClients implements SlackClients {
  private readonly client: WebClient;

  constructor(token: string, options: WebClientOptions) {
    this.client = new WebClient(token, options);
  }

  async forTeam(): Promise<WebClient> {
    return this.client;
  }
}

/**
 * Distributed mode: each workspace's bot token from its stored (encrypted) installation. An org-wide token serves
 * many workspaces, so a client is per workspace and token: it names its workspace (team_id) in every call.
 */
export class InstalledClients implements SlackClients {
  private readonly clients = new Map<string, WebClient>();

  constructor(
    private readonly botTokenFor: (teamId: string) => Promise<string | undefined>,
    private readonly options: WebClientOptions,
  ) {}

  async forTeam(teamId: string): Promise<WebClient> {
    const token = await this.botTokenFor(teamId);
    if (!token) throw new AppError("not_configured", "Baton is not installed in this workspace.");
    const key = `${teamId} ${token}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new WebClient(token, { ...this.options, teamId });
      this.clients.set(key, client);
    }
    return client;
  }
}
