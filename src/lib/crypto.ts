// Secrets at rest (OAuth installations, web-form secrets): AES-256-GCM with the 32-byte ENCRYPTION_KEY.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts and decrypts short secrets. The format is `enc:v1:<base64 iv|tag|ciphertext>`. Values are encrypted
 * with `key`; `previousKeys` (ENCRYPTION_KEY_PREVIOUS) still decrypt, so an operator can rotate the key.
 */
export class SecretBox {
  private readonly keys: Buffer[];

  constructor(
    private readonly key: Buffer,
    previousKeys: Buffer[] = [],
  ) {
    for (const k of [key, ...previousKeys]) {
      if (k.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes (openssl rand -base64 32)");
    }
    this.keys = [key, ...previousKeys];
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
  }

  /** Throws when the value was encrypted with none of the keys, or altered (GCM authenticates it). */
  decrypt(sealed: string): string {
    return this.open(sealed).plaintext;
  }

  /** The value encrypted with the current key when it was encrypted with a previous one, else undefined. */
  resealed(sealed: string): string | undefined {
    const { plaintext, current } = this.open(sealed);
    return current ? undefined : this.encrypt(plaintext);
  }

  private open(sealed: string): { plaintext: string; current: boolean } {
    if (!isSealed(sealed)) throw new Error("not an encrypted value");
    const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
    for (const [index, key] of this.keys.entries()) {
      try {
        return { plaintext: decryptWith(key, raw), current: index === 0 };
      } catch {
        // another key's value, or altered: try the next key
      }
    }
    throw new Error("the value was encrypted with another key, or altered");
  }
}

function decryptWith(key: Buffer, raw: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);

/**
 * Values that are encrypted when a key is configured and stored as they are otherwise (single-workspace installs
 * may run without ENCRYPTION_KEY). Reading accepts both, so setting a key later keeps existing values working.
 */
export class OptionalSecrets {
  private readonly box: SecretBox | undefined;

  constructor(key: Buffer | undefined, previousKeys: Buffer[] = []) {
    this.box = key ? new SecretBox(key, previousKeys) : undefined;
  }

  get encrypting(): boolean {
    return this.box !== undefined;
  }

  seal(plaintext: string): string {
    return this.box ? this.box.encrypt(plaintext) : plaintext;
  }

  open(stored: string): string {
    if (!isSealed(stored)) return stored;
    if (!this.box) throw new Error("an encrypted value was found but ENCRYPTION_KEY is not set");
    return this.box.decrypt(stored);
  }
}
