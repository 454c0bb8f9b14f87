// A campaign's links into the playbook (ICP segment, key message), checked within the workspace.
import type { Tx } from "../../db/client.js";
import { findSegment } from "../../db/playbook.js";
import { brandGuideOf } from "../playbook/brand-guide.js";
import { keyMessageId } from "../playbook/brand-input.js";
import type { CampaignInput } from "./campaign-input.js";

export interface ResolvedReferences {
  segmentId: string | null;
  keyMessage: string | null;
  errors: { segmentId?: string; keyMessage?: string };
}

/**
 * The segment must be one of this workspace's; a key message picked from the guide comes back as its id and is
 * looked up in the guide again (an edit may keep the campaign's `current` message even if the guide dropped it).
 */
export async function resolveReferences(
  db: Tx,
  teamId: string,
  input: CampaignInput,
  current?: string | null,
): Promise<ResolvedReferences> {
  const errors: ResolvedReferences["errors"] = {};
  let segmentId: string | null = null;
  if (input.segmentId) {
    if (await findSegment(db, teamId, input.segmentId)) segmentId = input.segmentId;
    else errors.segmentId = "Pick one of this workspace's ICP segments (that one may have just been removed).";
  }
  let keyMessage: string | null = input.keyMessage ?? null;
  if (input.keyMessageId) {
    const guide = await brandGuideOf(db, teamId);
    const known = [...guide.keyMessages, ...(current ? [current] : [])];
    const found = known.find((message) => keyMessageId(message) === input.keyMessageId);
    if (found) keyMessage = found;
    else errors.keyMessage = "That key message is no longer in the brand guide. Pick another one.";
  }
  return { segmentId, keyMessage, errors };
}
