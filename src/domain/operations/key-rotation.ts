import type { Db } from "../../db/client.js";
import { replaceSealedValue, SEALED_KINDS, sealedValuesPage } from "../../db/sealed-values.js";
import type { SecretBox } from "../../lib/crypto.js";

const BATCH_SIZE = 200;

export interface RotationCounts {
  /** Values found encrypted with the previous key and now encrypted with the current one. */
  reencrypted: number;
  /** Values already under the current key (or re-encrypted by another replica meanwhile). */
  current: number;
  /** Values neither key opens (encrypted with an older key still, or altered): left as they are. */
  unreadable: number;
}

/**
 * After ENCRYPTION_KEY changed (the old one in ENCRYPTION_KEY_PREVIOUS): re-encrypts every stored secret that is
 * still under the previous key, a page at a time. Each value is replaced only if unchanged since it was read, so
 * replicas starting together, or a second start, do no harm and nothing is lost.
 */
export async function reencryptUnderCurrentKey(db: Db, box: SecretBox): Promise<RotationCounts> {
  const counts: RotationCounts = { reencrypted: 0, current: 0, unreadable: 0 };
  for (const kind of SEALED_KINDS) {
    let afterId: string | undefined;
    for (;;) {
      const page = await sealedValuesPage(db, kind, afterId, BATCH_SIZE);
      for (const { id, sealed } of page) {
        let after: string | undefined;
        try {
          after = box.resealed(sealed);
        } catch {
          counts.unreadable += 1;
          continue;
        }
        if (after && (await replaceSealedValue(db, kind, id, sealed, after))) counts.reencrypted += 1;
        else counts.current += 1;
      }
      if (page.length < BATCH_SIZE) break;
      afterId = page[page.length - 1]?.id;
    }
  }
  return counts;
}
