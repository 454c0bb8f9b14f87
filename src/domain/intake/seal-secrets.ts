import type { Db } from "../../db/client.js";
import { plainIntakeSecrets, replaceIntakeSecret } from "../../db/intake-secrets.js";
import type { OptionalSecrets } from "../../lib/crypto.js";

/**
 * Encrypts every intake secret still stored in plain text (made before ENCRYPTION_KEY was set), so that once a key
 * is set no secret stays readable in the database. Run at start and by housekeeping; a no-op without a key.
 * Returns how many it sealed.
 */
export async function sealPlainSecrets(db: Db, secrets: OptionalSecrets): Promise<number> {
  if (!secrets.encrypting) return 0;
  let sealed = 0;
  for (const secret of await plainIntakeSecrets(db)) {
    if (await replaceIntakeSecret(db, secret, secrets.seal(secret.stored))) sealed += 1;
  }
  return sealed;
}
