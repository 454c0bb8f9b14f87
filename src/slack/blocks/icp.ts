// `/baton icp`: the ideal customer profile, and the modal admins use to add, change or remove a segment.
import type { KnownBlock, ModalView } from "@slack/types";
import { NOT_GRADED } from "../../domain/labels.js";
import { COMPANY_SIZES, FIT_GRADES, LIMITS } from "../../domain/leads/lead-input.js";
import { SEGMENT_LIMITS } from "../../domain/playbook/icp-input.js";
import type { RecordedChange } from "../../domain/playbook/recorded-change.js";
import type { Segment } from "../../domain/playbook/segment.js";
import { itemBlockId, PlaybookActions, PlaybookViews } from "../ids.js";
import { checkboxesInput, option, textInput } from "./inputs.js";
import type { Message } from "./message.js";
import { adminsOnlyLine, lastChangeContext } from "./playbook-common.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";

export interface IcpView {
  segments: Segment[];
  canEdit: boolean;
  lastChange: RecordedChange | null;
  gradeCounts: Record<string, number>;
}

const GRADE_RULE =
  "Fit grades: *A* meets every criterion of a segment, *B* at least three quarters, *C* at least half, *D* less. A lead gets its best grade over all segments.";

function segmentText(segment: Segment): string {
  const criteria: [string, readonly string[]][] = [
    ["Industries", segment.industries],
    ["Company sizes", segment.companySizes],
    ["Regions", segment.regions],
    ["Job titles", segment.titles],
  ];
  const lines = criteria.filter(([, items]) => items.length > 0).map(([label, items]) => `${label}: ${escapeMrkdwn(items.join(", "))}`);
  return truncate(`*${escapeMrkdwn(segment.name)}*\n${lines.join("\n")}`, Limits.sectionText);
}

function gradeLine(counts: Record<string, number>): string {
  const parts = FIT_GRADES.map((grade) => `${grade} ${counts[grade] ?? 0}`);
  return `Leads by fit grade: ${parts.join(" · ")}${counts.none ? ` · ${NOT_GRADED} ${counts.none}` : ""}`;
}

export function icpMessage(view: IcpView): Message {
  const blocks: KnownBlock[] = [{ type: "header", text: plain("Ideal customer profile", Limits.headerText) }];
  if (view.segments.length === 0) {
    blocks.push({ type: "section", text: mrkdwn("No segments yet, so fit grades are picked by hand when a lead is logged.") });
  }
  for (const segment of view.segments.slice(0, SEGMENT_LIMITS.segments)) {
    blocks.push({
      type: "section",
      block_id: itemBlockId("segment", segment.id),
      text: mrkdwn(segmentText(segment)),
      ...(view.canEdit
        ? {
            accessory: {
              type: "button",
              action_id: PlaybookActions.editSegment,
              value: segment.id,
              text: plain("Edit", Limits.buttonText),
            },
          }
        : {}),
    });
  }
  if (view.canEdit && view.segments.length < SEGMENT_LIMITS.segments) {
    blocks.push({
      type: "actions",
      block_id: "icp_actions",
      elements: [
        {
          type: "button",
          action_id: PlaybookActions.addSegment,
          value: "new",
          style: "primary",
          text: plain("Add a segment", Limits.buttonText),
        },
      ],
    });
  }
  if (view.segments.length > 0) blocks.push({ type: "context", elements: [mrkdwn(GRADE_RULE), mrkdwn(gradeLine(view.gradeCounts))] });
  blocks.push(lastChangeContext(view.lastChange));
  if (!view.canEdit) blocks.push({ type: "context", elements: [mrkdwn(adminsOnlyLine)] });
  const names = view.segments.map((s) => s.name).join(", ");
  return {
    text: truncate(
      `Ideal customer profile: ${view.segments.length} segments${names ? ` (${escapeMrkdwn(names)})` : ""}.`,
      Limits.sectionText,
    ),
    blocks,
  };
}

export interface SegmentMetadata {
  segmentId?: string;
  version?: string;
}

const LIST_HINT = "One per line or separated by commas. A lead matches when its value contains one of them as whole words, ignoring case.";

/** Add a segment (no `segment`) or change one; changing offers Remove too. */
export function segmentModal(segment?: Segment): ModalView {
  const blocks: KnownBlock[] = [
    textInput("name", {
      label: "Segment name",
      initial: segment?.name,
      max: SEGMENT_LIMITS.name,
      placeholder: "Mid-market SaaS in Europe",
    }),
    textInput("industries", {
      label: "Industries",
      optional: true,
      multiline: true,
      initial: segment?.industries.join("\n"),
      max: SEGMENT_LIMITS.entries * (LIMITS.industry + 1),
      hint: `${LIST_HINT} "SaaS" matches "B2B SaaS".`,
    }),
    checkboxesInput("companySizes", {
      label: "Company sizes (employees)",
      optional: true,
      options: COMPANY_SIZES.map((size) => option(size, size)),
      initial: segment?.companySizes ?? [],
    }),
    textInput("regions", {
      label: "Regions",
      optional: true,
      multiline: true,
      initial: segment?.regions.join("\n"),
      max: SEGMENT_LIMITS.entries * (LIMITS.region + 1),
      hint: LIST_HINT,
    }),
    textInput("titles", {
      label: "Job titles",
      optional: true,
      multiline: true,
      initial: segment?.titles.join("\n"),
      max: Math.min(3000, SEGMENT_LIMITS.entries * (LIMITS.title + 1)),
      hint: `${LIST_HINT} "VP" matches "VP Marketing" but not "VPN admin".`,
    }),
  ];
  if (segment) {
    blocks.push({
      type: "actions",
      block_id: "segment_actions",
      elements: [
        {
          type: "button",
          action_id: PlaybookActions.removeSegment,
          value: segment.id,
          style: "danger",
          text: plain("Remove this segment", Limits.buttonText),
          confirm: {
            title: plain("Remove this segment?", 100),
            text: plain(truncate(`“${segment.name}” leaves the profile and every lead is graded again without it.`, 300)),
            confirm: plain("Remove it", 30),
            deny: plain("Keep it", 30),
          },
        },
      ],
    });
  }
  const metadata: SegmentMetadata = segment ? { segmentId: segment.id, version: segment.version } : {};
  return {
    type: "modal",
    callback_id: PlaybookViews.segment,
    title: plain(segment ? "Edit ICP segment" : "Add ICP segment", Limits.modalTitle),
    submit: plain("Save", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
