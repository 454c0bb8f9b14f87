// `/baton sla`: the sales-marketing agreement both teams are measured against, and the modal admins set it in.
import type { KnownBlock, ModalView } from "@slack/types";
import type { AgreementView } from "../../domain/playbook/agreement.js";
import { AGREEMENT_LIMITS } from "../../domain/playbook/agreement-input.js";
import { formatRate, formatWorkingTime } from "../../domain/playbook/describe.js";
import type { RecordedChange } from "../../domain/playbook/recorded-change.js";
import { PlaybookActions, PlaybookViews } from "../ids.js";
import { numberInput } from "./inputs.js";
import type { Message } from "./message.js";
import { adminsOnlyLine, lastChangeContext } from "./playbook-common.js";
import { Limits, mrkdwn, plain } from "./text.js";

export function agreementMessage(terms: AgreementView, canEdit: boolean, lastChange: RecordedChange | null): Message {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain("Sales-marketing agreement", Limits.headerText) },
    {
      type: "section",
      fields: [
        mrkdwn(`*Marketing commits to*\n${terms.mqlMonthlyTarget} MQLs a month`),
        mrkdwn(`*Sales commits to*\nAccept or reject every handoff within ${formatWorkingTime(terms.responseSlaMinutes)} of working time`),
        mrkdwn(`*Target acceptance rate*\n${formatRate(terms.acceptanceRateTarget)} of MQLs accepted by sales`),
      ],
    },
    {
      type: "context",
      elements: [
        mrkdwn(
          terms.agreed
            ? "Working time follows the workspace's working hours (`/baton settings`). The digests measure both teams against these terms."
            : "These are Baton's defaults: no agreement has been set yet. Working time follows the workspace's working hours.",
        ),
      ],
    },
  ];
  if (canEdit) {
    blocks.push({
      type: "actions",
      block_id: "agreement_actions",
      elements: [
        {
          type: "button",
          action_id: PlaybookActions.editAgreement,
          value: "agreement",
          text: plain("Change the terms", Limits.buttonText),
        },
      ],
    });
  }
  blocks.push(lastChangeContext(lastChange));
  if (!canEdit) blocks.push({ type: "context", elements: [mrkdwn(adminsOnlyLine)] });
  const text = `Agreement: ${terms.mqlMonthlyTarget} MQLs a month; sales responds within ${formatWorkingTime(terms.responseSlaMinutes)}; target acceptance ${formatRate(terms.acceptanceRateTarget)}.`;
  return { text, blocks };
}

/** Hours with at most two decimals, as typed back into the form: 240 -> "4", 90 -> "1.5". */
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);
const percent = (rate: number) => String(Math.round(rate * 1000) / 10);

export function agreementModal(terms: AgreementView): ModalView {
  return {
    type: "modal",
    callback_id: PlaybookViews.agreement,
    title: plain("Agreement", Limits.modalTitle),
    submit: plain("Save", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    private_metadata: JSON.stringify({ version: terms.version }),
    blocks: [
      numberInput("mqlMonthlyTarget", {
        label: "MQLs a month marketing commits to",
        decimals: false,
        initial: String(terms.mqlMonthlyTarget),
        min: "1",
        max: String(AGREEMENT_LIMITS.mqlMonthlyTarget),
      }),
      numberInput("responseHours", {
        label: "Hours of working time sales has to accept or reject a handoff",
        decimals: true,
        initial: hours(terms.responseSlaMinutes),
        min: String(AGREEMENT_LIMITS.minResponseHours),
        max: String(AGREEMENT_LIMITS.maxResponseHours),
        hint: "1.5 is an hour and a half. The handoff reminders and escalations run on this clock.",
      }),
      numberInput("acceptanceRatePercent", {
        label: "Target share of MQLs sales accepts (%)",
        decimals: true,
        initial: percent(terms.acceptanceRateTarget),
        min: "1",
        max: "100",
      }),
    ],
  };
}
