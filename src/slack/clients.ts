import { WebClient, type WebClientOptions } from "@slack/web-api";

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
