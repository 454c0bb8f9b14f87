// An ICP segment as the profile shows it and the modal edits it.
import type { IcpSegment } from "../../db/playbook.js";
import { versionToken } from "../../lib/version.js";
import { COMPANY_SIZES } from "../leads/lead-input.js";
import { type SegmentInput, stringList } from "./icp-input.js";

export interface Segment extends SegmentInput {
  id: string;
  /** The segment's updatedAt as the edit modal carries it. */
  version: string;
}

export const toSegmentInput = (row: IcpSegment): SegmentInput => ({
  name: row.name,
  industries: stringList(row.industries),
  companySizes: COMPANY_SIZES.filter((size) => stringList(row.companySizes).includes(size)),
  regions: stringList(row.regions),
  titles: stringList(row.titles),
});

export const toSegment = (row: IcpSegment): Segment => ({ id: row.id, version: versionToken(row.updatedAt), ...toSegmentInput(row) });
