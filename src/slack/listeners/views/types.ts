import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WithContext } from "../../context.js";

export type SubmitArgs = WithContext<SlackViewMiddlewareArgs<ViewSubmitAction>>;
