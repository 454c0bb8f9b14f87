// The shared playbook both teams agree on: the ICP, the brand and message guide, the sales-marketing agreement.
import { latestPlaybookChange, listSegments } from "../../db/playbook.js";
import { AppError } from "../../lib/errors.js";
import { type AgreementView, agreementOf, saveAgreement } from "./agreement.js";
import { type AnnouncementOutcome, deliverAnnouncement, type WrittenAnnouncement } from "./announce.js";
import { type BrandGuideView, brandGuideOf, saveBrandGuide } from "./brand-guide.js";
import type { PlaybookDeps } from "./deps.js";
import type { Fit, FitFields } from "./fit.js";
import { type PlaybookKind, type RecordedChange, type SavedChange, toRecordedChange } from "./recorded-change.js";
import { applyIcpChange, catchUpRegrades, gradeCounts, gradeLead, type RegradeResult, regradeLeads } from "./regrade.js";
import { removeSegment } from "./remove-segment.js";
import { saveSegment } from "./save-segment.js";
import { type Segment, toSegment } from "./segment.js";

export class Playbook {
  constructor(private readonly deps: PlaybookDeps) {}

  async segments(teamId: string): Promise<Segment[]> {
    return (await listSegments(this.deps.db, teamId)).map(toSegment);
  }

  /** Whether the workspace has an ICP (at least one segment): then fit grades are computed, never hand-picked. */
  async hasIcp(teamId: string): Promise<boolean> {
    return (await listSegments(this.deps.db, teamId)).length > 0;
  }

  async segment(teamId: string, segmentId: string): Promise<Segment> {
    const found = (await this.segments(teamId)).find((s) => s.id === segmentId);
    if (!found) throw new AppError("not_found", "That segment isn't in this workspace's profile (anymore).");
    return found;
  }

  /** Adds a segment, or changes one if it is still the version the admin saw. Admins only. */
  saveSegment(teamId: string, actorId: string, raw: unknown, target: { segmentId?: string; version?: string } = {}) {
    return saveSegment(this.deps, { teamId, actorId, raw, ...target });
  }

  removeSegment(teamId: string, actorId: string, segmentId: string): Promise<SavedChange> {
    return removeSegment(this.deps, teamId, actorId, segmentId);
  }

  brandGuide(teamId: string): Promise<BrandGuideView> {
    return brandGuideOf(this.deps.db, teamId);
  }

  saveBrandGuide(teamId: string, actorId: string, raw: unknown, version: string): Promise<SavedChange> {
    return saveBrandGuide(this.deps, { teamId, actorId, raw, version });
  }

  agreement(teamId: string): Promise<AgreementView> {
    return agreementOf(this.deps.db, teamId);
  }

  saveAgreement(teamId: string, actorId: string, raw: unknown, version: string): Promise<SavedChange> {
    return saveAgreement(this.deps, { teamId, actorId, raw, version });
  }

  /** The latest recorded change of one part of the playbook, for "last changed by ... on ...". */
  async lastChange(teamId: string, kind: PlaybookKind): Promise<RecordedChange | null> {
    const row = await latestPlaybookChange(this.deps.db, teamId, kind);
    return row ? toRecordedChange(row) : null;
  }

  /** Delivers a recorded change's announcement in the sales and the marketing channel (written with the change). */
  announceChange(announcement: WrittenAnnouncement): Promise<AnnouncementOutcome> {
    return deliverAnnouncement(this.deps, announcement);
  }

  /** After an ICP change: regrades every lead of the workspace. */
  applyIcpChange(teamId: string, changeId: string): Promise<RegradeResult> {
    return applyIcpChange(this.deps, teamId, changeId);
  }

  regradeLeads(teamId: string, pageSize?: number): Promise<RegradeResult> {
    return regradeLeads(this.deps, teamId, pageSize);
  }

  catchUpRegrades(): Promise<{ teams: number }> {
    return catchUpRegrades(this.deps);
  }

  /** How many leads have each fit grade ("none": not graded). */
  gradeCounts(teamId: string): Promise<Record<string, number>> {
    return gradeCounts(this.deps, teamId);
  }

  /**
   * The fit of a lead with these fields against the workspace's ICP, or undefined when the workspace has no
   * ICP (then a hand-picked grade stands). The lead-saving path calls this after merging the lead's fields.
   */
  gradeLead(teamId: string, lead: FitFields): Promise<Fit | undefined> {
    return gradeLead(this.deps.db, teamId, lead);
  }
}
