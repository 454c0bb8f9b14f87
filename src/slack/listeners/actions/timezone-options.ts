import type { SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { searchTimeZones, timeZoneLabel } from "../../../lib/time-zones.js";
import { option } from "../../blocks/inputs.js";
import { Limits } from "../../blocks/text.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

/**
 * The time zone select (external_select) of the workspace settings, the digest editor and any other form: the IANA
 * zones whose name has every word typed, at most Slack's 100. No database, so it answers well within 3 seconds.
 */
export function timeZoneOptions(deps: ListenerDeps) {
  return async ({ ack, body }: WithContext<SlackOptionsMiddlewareArgs<"block_suggestion">>) => {
    const now = deps.clock.now();
    const zones = searchTimeZones(body.value ?? "", Limits.selectOptions);
    await ack({ options: zones.map((zone) => option(zone, timeZoneLabel(zone, now))) });
  };
}
