// Rotating ENCRYPTION_KEY: with the old key in ENCRYPTION_KEY_PREVIOUS, Baton still reads everything and, at
// start-up, re-encrypts every stored secret under the new key, in batches, on any number of replicas, once.
import { describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { SecretBox } from "../../src/lib/crypto.js";
import { freshDatabase } from "../helpers/database.js";
import { webFormSecret } from "../helpers/production.js";
import { SIGNING_SECRET, startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const OLD_KEY = Buffer.alloc(32, 11).toString("base64");
const NEW_KEY = Buffer.alloc(32, 22).toString("base64");
const oldBox = new SecretBox(Buffer.from(OLD_KEY, "base64"));
const newBox = new SecretBox(Buffer.from(NEW_KEY, "base64"));
const TEAM = "T0ROTATE01";
/** More installations than one batch (200), so the re-encryption pages through them. */
const INSTALLATIONS = 450;

async function storedValues(app: TestApp): Promise<string[]> {
  const installations = await app.db.installation.findMany({ orderBy: { id: "asc" }, select: { payload: true } });
  const secrets = await app.db.workspace.findMany({ where: { webhookSecret: { not: null } }, select: { webhookSecret: true } });
  return [...installations.map((i) => i.payload), ...secrets.map((w) => w.webhookSecret ?? "")];
}

describe("rotating ENCRYPTION_KEY", () => {
  it("re-encrypts every stored secret under the new key at start-up, keeps them working, and does it once", async () => {
    const database = await freshDatabase();
    const apps: TestApp[] = [];
    const start = async (env: Record<string, string>) => {
      const app = await startTestApp({ databaseUrl: database.url, env });
      apps.push(app);
      return app;
    };
    const stop = async (app: TestApp) => {
      apps.splice(apps.indexOf(app), 1);
      await app.stop();
    };
    try {
      // Before: a web-form secret and installations, all encrypted with the old key.
      const before = await start({ ENCRYPTION_KEY: OLD_KEY });
      const secret = await webFormSecret(before, TEAM);
      await before.db.installation.createMany({
        data: Array.from({ length: INSTALLATIONS }, (_, i) => ({
          installKey: `T0INST${String(i).padStart(4, "0")}`,
          teamId: `T0INST${String(i).padStart(4, "0")}`,
          payload: oldBox.encrypt(JSON.stringify({ team: { id: `T0INST${i}` }, bot: { token: `xoxb-inst-${i}` } })),
        })),
      });
      const sealedBefore = await storedValues(before);
      await stop(before);

      // The operator moves the old key to ENCRYPTION_KEY_PREVIOUS and sets a new one; replicas restart.
      const rotated = { ENCRYPTION_KEY: NEW_KEY, ENCRYPTION_KEY_PREVIOUS: OLD_KEY };
      const replicas = inject("databaseTemplate").provider === "postgresql" ? 3 : 1; // SQLite: one process
      const [after] = await Promise.all(Array.from({ length: replicas }, () => start(rotated)));
      if (!after) throw new Error("no app");
      const sealedAfter = await storedValues(after);
      expect(sealedAfter).toHaveLength(INSTALLATIONS + 1);
      sealedAfter.forEach((value, i) => {
        expect(value).not.toBe(sealedBefore[i]);
        expect(newBox.decrypt(value)).toBe(oldBox.decrypt(sealedBefore[i] ?? ""));
      });
      expect(await postWebFormLead(after, { teamId: TEAM, secret, body: { email: "rotated@x.io" } })).toMatchObject({ status: 201 });

      // Another start finds nothing left to do; and without the previous key everything still opens.
      const again = await start(rotated);
      expect(await storedValues(again)).toEqual(sealedAfter);
      for (const app of [...apps]) await stop(app);
      const later = await start({ ENCRYPTION_KEY: NEW_KEY });
      expect(await postWebFormLead(later, { teamId: TEAM, secret, body: { email: "later@x.io" } })).toMatchObject({ status: 201 });
    } finally {
      for (const app of apps) await app.stop().catch(() => undefined);
      await database.drop();
    }
  });
});

describe("ENCRYPTION_KEY_PREVIOUS", () => {
  const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SIGNING_SECRET };
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ ...base, ...env });
      return [];
    } catch (error) {
      return (error as { problems?: string[] }).problems ?? [String(error)];
    }
  };

  it("needs the new key beside it, different from it", () => {
    expect(problems({ ENCRYPTION_KEY_PREVIOUS: OLD_KEY })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY: missing; ENCRYPTION_KEY_PREVIOUS is the old key/),
    ]);
    expect(problems({ ENCRYPTION_KEY: OLD_KEY, ENCRYPTION_KEY_PREVIOUS: OLD_KEY })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY_PREVIOUS: should be the old key, not the same/),
    ]);
    expect(problems({ ENCRYPTION_KEY: NEW_KEY, ENCRYPTION_KEY_PREVIOUS: "short" })).toEqual([
      "ENCRYPTION_KEY_PREVIOUS: should be the ENCRYPTION_KEY used before this one: 32 bytes in base64, as it was (value hidden)",
    ]);
    expect(loadConfig({ ...base, ENCRYPTION_KEY: NEW_KEY, ENCRYPTION_KEY_PREVIOUS: OLD_KEY }).encryptionKeyPrevious).toEqual(
      Buffer.from(OLD_KEY, "base64"),
    );
  });

  it("decrypts with either key and encrypts with the new one", () => {
    const both = new SecretBox(Buffer.from(NEW_KEY, "base64"), [Buffer.from(OLD_KEY, "base64")]);
    const old = oldBox.encrypt("xoxb-old");
    expect(both.decrypt(old)).toBe("xoxb-old");
    expect(newBox.decrypt(both.encrypt("xoxb-new"))).toBe("xoxb-new");
    expect(both.resealed(both.encrypt("xoxb-new"))).toBeUndefined();
    expect(newBox.decrypt(both.resealed(old) ?? "")).toBe("xoxb-old");
    expect(() => both.decrypt(new SecretBox(Buffer.alloc(32, 33)).encrypt("x"))).toThrow();
  });
});
