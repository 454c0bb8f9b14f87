import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WithContext } from "../../listener-deps.js";

export type SubmitArgs = WithContext<SlackViewMiddlewareArgs<ViewSubmitAction>>;
