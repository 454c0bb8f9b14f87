// A Directory whose people, admins, user groups and time zones a test sets, per workspace.
import type { Directory } from "../../../src/domain/ports.js";
import { Recorder } from "./recorder.js";

const key = (teamId: string, id: string) => `${teamId}:${id}`;

export class FakeDirectory extends Recorder<Directory> implements Directory {
  private readonly admins = new Set<string>();
  private readonly groups = new Map<string, string[]>();
  private readonly zones = new Map<string, string>();
  private readonly guests = new Set<string>();

  /** Makes these people Slack workspace admins (or owners). */
  addAdmins(teamId: string, ...userIds: string[]): this {
    for (const userId of userIds) this.admins.add(key(teamId, userId));
    return this;
  }

  /** Makes these people guests (Slack's single- or multi-channel guests). */
  addGuests(teamId: string, ...userIds: string[]): this {
    for (const userId of userIds) this.guests.add(key(teamId, userId));
    return this;
  }

  setGroup(teamId: string, groupId: string, members: string[]): this {
    this.groups.set(key(teamId, groupId), members);
    return this;
  }

  /** The time zone in a person's Slack profile. */
  setTimezone(teamId: string, userId: string, zone: string): this {
    this.zones.set(key(teamId, userId), zone);
    return this;
  }

  async isWorkspaceAdmin(teamId: string, userId: string): Promise<boolean> {
    this.record("isWorkspaceAdmin", [teamId, userId]);
    return this.admins.has(key(teamId, userId));
  }

  async userGroupMembers(teamId: string, groupId: string): Promise<string[]> {
    this.record("userGroupMembers", [teamId, groupId]);
    return this.groups.get(key(teamId, groupId)) ?? [];
  }

  async timezoneOf(teamId: string, userId: string): Promise<string | undefined> {
    this.record("timezoneOf", [teamId, userId]);
    return this.zones.get(key(teamId, userId));
  }

  async isGuest(teamId: string, userId: string): Promise<boolean> {
    this.record("isGuest", [teamId, userId]);
    return this.guests.has(key(teamId, userId));
  }
}
