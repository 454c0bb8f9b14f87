import type { BlockAction, BlockButtonAction, SlackActionMiddlewareArgs, UsersSelectAction } from "@slack/bolt";
import type { WithContext } from "../../listener-deps.js";

export type ButtonArgs = WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>;
export type UsersSelectArgs = WithContext<SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>>>;
export type AnyBlockActionArgs = WithContext<SlackActionMiddlewareArgs<BlockAction>>;
