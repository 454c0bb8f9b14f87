import type { Directory } from "../domain/ports.js";
import { AppError } from "../lib/errors.js";
import type { SlackClients } from "./clients.js";

const TTL_MS = 60_000;

/**
 * Directory over Slack's users.info and usergroups.users.list, cached for a minute per person or group. Its clients
 * fail fast (lookupClientOptions): a lookup runs before Baton answers, within Slack's 3 seconds.
 */
export class SlackDirectory implements Directory {
  private readonly cache = new Map<string, { at: number; value: unknown }>();

  constructor(
    private readonly clients: SlackClients,
    private readonly now: () => number = Date.now,
  ) {}

  async isWorkspaceAdmin(teamId: string, userId: string): Promise<boolean> {
    const user = await this.user(teamId, userId);
    return Boolean(user?.is_admin || user?.is_owner);
  }

  async isGuest(teamId: string, userId: string): Promise<boolean> {
    const user = await this.user(teamId, userId);
    return Boolean(user?.is_restricted || user?.is_ultra_restricted);
  }

  async timezoneOf(teamId: string, userId: string): Promise<string | undefined> {
    return (await this.user(teamId, userId))?.tz;
  }

  userGroupMembers(teamId: string, groupId: string): Promise<string[]> {
    return this.cached(`group:${teamId}:${groupId}`, async () => {
      const client = await this.clients.forTeam(teamId);
      try {
        const result = await client.usergroups.users.list({ usergroup: groupId });
        return result.users ?? [];
      } catch {
        // The group is gone or the plan has no user groups: then nobody is in it.
        return [];
      }
    });
  }

  private user(teamId: string, userId: string) {
    return this.cached(`user:${teamId}:${userId}`, async () => {
      const client = await this.clients.forTeam(teamId);
      try {
        return (await client.users.info({ user: userId })).user;
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError(
          "slack_unavailable",
          "Slack didn't answer in time, so nothing was changed. Please try again.",
          {},
          String(error),
        );
      }
    });
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.value as T;
    const value = await load();
    this.cache.set(key, { at: this.now(), value });
    return value;
  }
}
