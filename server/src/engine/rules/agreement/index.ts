import type { Rule } from '../api';
import { rule as resourceExists } from './resource-exists';
import { rule as itemExists } from './item-exists';
import { rule as providerOwnsResource } from './provider-owns-resource';
import { rule as unsharedResource } from './unshared-resource';
import { rule as conditionalNeedsReply } from './conditional-needs-reply';
import { rule as replyDeadline } from './reply-deadline';
import { rule as onwardTransfer } from './onward-transfer';
import { rule as sensitiveSafeguards } from './sensitive-safeguards';
import { rule as gradeAssessment } from './grade-assessment';
import { rule as validity } from './validity';
import { rule as expired } from './expired';
import { rule as selfSharing } from './self-sharing';
import { rule as servicesExist } from './services-exist';
import { rule as duplicateId } from './duplicate-id';

/** The agreement/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const AGREEMENT_RULES: readonly Rule[] = [
  resourceExists, itemExists, providerOwnsResource, unsharedResource, conditionalNeedsReply, replyDeadline, onwardTransfer,
  sensitiveSafeguards, gradeAssessment, validity, expired, selfSharing, servicesExist, duplicateId,
];
