import type { Rule } from '../api';
import { rule as promisedExceedsStatutory } from './promised-exceeds-statutory';
import { rule as limitUnitMismatch } from './limit-unit-mismatch';
import { rule as licensingLimit } from './licensing-limit';
import { rule as caseTypeLimit } from './case-type-limit';
import { rule as feeBasis } from './fee-basis';
import { rule as onlineUrl } from './online-url';
import { rule as onsiteReason } from './onsite-reason';
import { rule as maxOneVisit } from './max-one-visit';
import { rule as originalForSharedLicence } from './original-for-shared-licence';
import { rule as enforcementNotService } from './enforcement-not-service';
import { rule as commitmentComplete } from './commitment-complete';
import { rule as offlineChannel } from './offline-channel';
import { rule as typeExtension } from './type-extension';
import { rule as duplicateCode } from './duplicate-code';
import { rule as duplicateMaterialId } from './duplicate-material-id';
import { rule as sharedMaterialAgreement } from './shared-material-agreement';
import { rule as resubmittedSharedData } from './resubmitted-shared-data';

/** The service/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const SERVICE_RULES: readonly Rule[] = [
  promisedExceedsStatutory,
  limitUnitMismatch,
  licensingLimit,
  caseTypeLimit,
  feeBasis,
  onlineUrl,
  onsiteReason,
  maxOneVisit,
  originalForSharedLicence,
  enforcementNotService,
  commitmentComplete,
  offlineChannel,
  typeExtension,
  duplicateCode,
  duplicateMaterialId,
  sharedMaterialAgreement,
  resubmittedSharedData,
];
