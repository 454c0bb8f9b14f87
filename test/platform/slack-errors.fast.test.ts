// Slack's error codes are classified once (src/slack/slack-errors.ts): a refusal no retry fixes becomes an
// AppError("not_configured") carrying Slack's code; anything a retry may fix passes through untouched.
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/lib/errors.js";
import { noteFor, postingRefusal, problemForAdmins, refusedHere, slackErrorCode } from "../../src/slack/slack-errors.js";

const refusal = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), { code: "slack_webapi_platform_error", data: { ok: false, error } });

describe("Slack errors", () => {
  it.each([
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "channel_is_archived",
    "restricted_action",
    "invalid_auth",
    "token_revoked",
    "invalid_blocks",
    "message_not_found",
  ])("treats %s as a refusal for good, with Slack's code as its reason", (code) => {
    const error = postingRefusal(refusal(code), "C0SALES001");
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_configured", reason: code });
    expect((error as AppError).message).toContain("<#C0SALES001>");
  });

  it("lets what a retry may fix pass through unchanged", () => {
    for (const error of [
      refusal("ratelimited"),
      refusal("internal_error"),
      Object.assign(new Error("socket hang up"), { code: "slack_webapi_request_error" }),
    ]) {
      expect(postingRefusal(error, "C0SALES001")).toBe(error);
    }
  });

  it("says the same refusal to the person in the channel, to admins elsewhere and in an announcement note", () => {
    const refused = postingRefusal(refusal("not_in_channel"), "C0SALES001");
    expect((refused as AppError).message).toContain("/invite @Baton");
    expect((refusedHere(refused) as AppError).message).toBe(
      "I'm not in this channel yet: invite me with `/invite @Baton`, then try again.",
    );
    expect(problemForAdmins("not_in_channel")).toBe("Baton is not a member of that channel: invite it with `/invite @Baton`");
    expect(noteFor("is_archived")).toBe("it is archived: pick another in `/baton settings`.");
    expect(problemForAdmins("weird_error")).toBe("Slack answered `weird_error`");
    const other = new Error("boom");
    expect(refusedHere(other)).toBe(other);
  });

  it("names a failure by Slack's code, else the client's", () => {
    expect(slackErrorCode(refusal("not_in_channel"))).toBe("not_in_channel");
    expect(slackErrorCode(Object.assign(new Error("x"), { code: "slack_webapi_request_error" }))).toBe("slack_webapi_request_error");
    expect(slackErrorCode("nothing")).toBe("unknown_error");
  });
});
