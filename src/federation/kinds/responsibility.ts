// issue 20: the messages of AMMR Part III between member states' installations, each with the article that lets
// the other state receive it. The bodies (src/domain/responsibility/messages.ts) carry a person only in the
// request and the notification: what AMMR Art. 52 lets the requested state know to apply the criteria.
import {
  RESPONSIBILITY_KIND_NAMES as N,
  TakeBackConfirmationBody,
  TakeBackNotificationBody,
  TakeChargeReplyBody,
  TakeChargeRequestBody,
  TransferNoticeBody,
} from '../../domain/responsibility/messages.ts';
import type { MessageKind } from '../contract.ts';

export const RESPONSIBILITY_KINDS: readonly MessageKind[] = [
  {
    name: N.takeChargeRequest,
    basis: 'AMMR Art. 39(1)',
    body: TakeChargeRequestBody,
    personal: true,
    to: 'member-state',
  },
  {
    name: N.takeChargeReply,
    basis: 'AMMR Art. 40',
    body: TakeChargeReplyBody,
    personal: false,
    to: 'member-state',
  },
  {
    name: N.takeBackNotification,
    basis: 'AMMR Art. 41(1)',
    body: TakeBackNotificationBody,
    personal: true,
    to: 'member-state',
  },
  {
    name: N.takeBackConfirmation,
    basis: 'AMMR Art. 41(3)',
    body: TakeBackConfirmationBody,
    personal: false,
    to: 'member-state',
  },
  {
    name: N.transferNotice,
    basis: 'AMMR Art. 46',
    body: TransferNoticeBody,
    personal: false,
    to: 'member-state',
  },
];
