// What the gallery shows: one surface per entry, the builder that makes it, and where people see it.
import type { HomeView, ModalView } from "@slack/types";
import type { Message } from "../../src/slack/blocks/message.js";

type Builder = (...args: any[]) => Message | ModalView | HomeView;

interface Common {
  /** Short, unique, used for the anchor and the PNG's file name: "handoff-card-pending". */
  id: string;
  /** What the reviewer is looking at: "Handoff card, waiting for sales". */
  title: string;
  /** The builder in src/slack/blocks/ that makes it (its name is shown and counted). */
  builder: Builder;
  /** Who sees it: "rep Ava Adams". */
  seenBy: string;
}

export type Surface =
  | (Common & {
      kind: "message";
      /** "#sales", or "direct message" for a DM from Baton. */
      where: string;
      /** Only visible to the person (an ephemeral reply). */
      ephemeral?: boolean;
      render: () => Message;
      /** A PNG posted with the message (the digest's chart): drawn in the thread, and for any slack_file image. */
      chart?: { title: string; alt: string; image: () => Buffer };
    })
  | (Common & { kind: "modal"; render: () => ModalView })
  | (Common & { kind: "home"; render: () => HomeView });
