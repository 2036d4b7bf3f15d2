import { approvalIncomplete } from './approvalIncomplete';
import { approvalStale } from './approvalStale';
import { auditRecordFields } from './auditRecordFields';
import { brokenReference } from './brokenReference';
import { documentTooComplex } from './documentTooComplex';
import { duplicateId } from './duplicateId';
import { emptyElement } from './emptyElement';
import { exclusionInvalid } from './exclusionInvalid';
import { frontmatterMissing } from './frontmatterMissing';
import { frontmatterSchemaRule } from './frontmatterSchema';
import { frontmatterSyntax } from './frontmatterSyntax';
import { missingElement } from './missingElement';
import { requiredField } from './requiredField';
import { reviewOverdue } from './reviewOverdue';
import { soaIncomplete } from './soaIncomplete';
import type { Rule } from './types';
import { unknownClause } from './unknownClause';
import { unreadableFile } from './unreadableFile';
import { untaggedMention } from './untaggedMention';
import { versionNotBumped } from './versionNotBumped';

/** Every rule, in the order their findings are documented. */
export const rules: readonly Rule[] = [
  unreadableFile,
  documentTooComplex,
  frontmatterMissing,
  frontmatterSyntax,
  frontmatterSchemaRule,
  requiredField,
  approvalIncomplete,
  versionNotBumped,
  approvalStale,
  reviewOverdue,
  unknownClause,
  missingElement,
  emptyElement,
  auditRecordFields,
  untaggedMention,
  exclusionInvalid,
  soaIncomplete,
  duplicateId,
  brokenReference,
];

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);
