import type { PolicyDocument, TextBlock } from '../document/types';
import { BlockIndex } from './blockIndex';
import { evidencePattern, type EvidencePattern } from './evidence';

/**
 * What a record of access to health information must let a reviewer answer: who acted, on whose
 * record, doing what, and when. ISO 27799 expects all four in every entry of the access trail
 * (12.4.1); generic logging policies often list the object touched ("file or resource") but never
 * the person the record is about.
 */
export type AccessRecordField = 'user' | 'subject' | 'function' | 'time';

export interface AccessRecordFieldInfo {
  field: AccessRecordField;
  /** How the message names it. */
  name: string;
  /** What a policy would write to state it. */
  example: string;
}

export const ACCESS_RECORD_FIELDS: readonly AccessRecordFieldInfo[] = [
  { field: 'user', name: 'the user', example: 'the user ID or named account' },
  { field: 'subject', name: 'the subject of care', example: 'the patient or record identifier' },
  { field: 'function', name: 'the function performed', example: 'the action performed (view, create, modify, print, export or delete)' },
  { field: 'time', name: 'the time', example: 'the date and time' },
];

/**
 * Words that make a block a statement about audit records: the log or trail itself, an entry of
 * it, or a passive "is recorded". A block whose framing text (its heading, the sentence introducing a
 * list) says this counts too, so the items of "Each entry records:" are read as fields. Active verbs
 * ("staff must record the date and time") are left out: in policies they are mostly instructions to
 * people about clinical or paper records, not what a system's trail holds.
 */
const RECORD_TERMS = [
  'log', 'logs', 'logged', 'logging', 'log entr*', 'log record*', 'log file*', 'log data', 'log event*', 'audit', 'audit trail*',
  'audit record*', 'audit log*', 'audit entr*', 'audit event*', 'audit data', 'audit information', 'access log*',
  'access record*', 'access history', 'access trail*', 'access report*', 'event log*', 'event record*', 'each entry',
  'every entry', 'each record of', 'every record of', 'record of access', 'records of access', 'record of each',
  'is recorded', 'are recorded', 'be recorded', 'trail', 'trails', 'captured in',
];

/**
 * Each field in the words policies use for it. Phrases rather than single words where a word alone
 * is everywhere in a logging section ("user", "time", "record"): "the time" or "the patient" in a
 * sentence about logs usually states a field, "users" or "patient records" usually do not.
 */
const FIELD_TERMS: Record<AccessRecordField, string[]> = {
  user: [
    'user id*', 'userid*', 'user identifier*', 'user identit*', 'user name*', 'username*', 'user account*',
    'named user*', 'named account*', 'unique user*', 'individual user*', 'which user', 'the user or', 'the user who',
    'the user that', 'user or entity', 'user or system', 'user or process', 'by the user', 'by whom',
    'account name*', 'account id*', 'service account*', 'login id*', 'login name*', 'logon id*', 'identity of the',
    'identities of the', 'who did', 'who accessed', 'who performed', 'who viewed', 'who opened', 'who made', 'who changed',
    'who carried out', 'who initiated', 'who what', 'the person who', 'the individual who', 'staff member who',
    'staff id*', 'employee id*', 'employee number*', 'actor', 'performed by', 'accessed by', 'made by',
  ],
  subject: [
    'the patient', 'patient id*', 'patient identifier*', 'patient identit*', 'patient name*', 'patient number*',
    'patient record number*', 'medical record number*', 'health record number*', 'hospital number*', 'mrn', 'mrns',
    'nhs number*', 'chi number*', 'subject of care', 'subjects of care', 'care subject*', 'data subject*',
    'individual whose', 'person whose', 'patient whose', 'whose record*', 'whose data', 'whose information',
    'whose health', 'which patient*', 'which record*', 'record accessed', 'records accessed', 'record viewed',
    'records viewed', 'record affected', 'records affected', 'record identifier*', 'record id', 'record ids',
    'record number*', 'member id*', 'client id*', 'resident id*', 'service user id*', 'the individual concerned',
    'person concerned', 'person the record', 'individual the record', 'person the data', 'individual the data',
  ],
  function: [
    'event type*', 'type of event*', 'types of event*', 'event name*', 'event id*', 'event code*', 'action type*',
    'type of action*', 'type of access', 'access type*', 'action taken', 'actions taken', 'action performed',
    'actions performed', 'the action', 'action carried out', 'function performed', 'functions performed',
    'function used', 'operation performed', 'operations performed', 'type of operation*', 'operation type*',
    'activity performed', 'activities performed', 'activity type*', 'type of activity', 'what was done',
    'what they did', 'what the user did', 'did what', 'who what', 'what action*', 'what function*', 'command*',
    'transaction type*', 'view create', 'view modify', 'view edit', 'view print', 'view change', 'viewed created',
    'viewed modified', 'viewed changed', 'viewed printed', 'create read', 'created read', 'read update',
    'read updated', 'read modify', 'read write', 'creation reading', 'creation modification', 'viewing printing',
    'viewing editing', 'viewing modifying', 'create modify', 'created modified', 'read or modified',
  ],
  time: [
    'date and time', 'time and date', 'date time', 'datetime', 'timestamp*', 'time stamp*', 'time of access',
    'time of the', 'time of each', 'time at which', 'time when', 'time it occurred', 'time that the', 'time the',
    'date of access', 'date of the', 'when it occurred', 'when it happened', 'when the event', 'when the action',
    'when the access', 'when and where', 'when and how', 'what when', 'what and when', 'where and when', 'utc', 'iso 8601', 'time of day',
  ],
};

const PATTERNS = new Map<AccessRecordField, EvidencePattern>(
  ACCESS_RECORD_FIELDS.map(({ field }) => [field, evidencePattern([RECORD_TERMS, FIELD_TERMS[field]])]),
);

/**
 * A field counts where it is named in a paragraph, list item or table row of its own, and that block
 * is about audit records. A list item or table row may take that from its framing ("Each entry
 * holds:", a table's header, the heading above); a paragraph must say it itself, because a heading
 * such as "Log review" sits over sentences about other things ("staff note the date and time of the
 * appointment"). Short sections are not read as one block here for the same reason.
 */
function statesField(block: TextBlock, own: readonly boolean[]): boolean {
  const [record, field] = own;
  if (!field || block.kind === 'section') return false;
  return record! || block.kind === 'list-item' || block.kind === 'table-row';
}

/** Where a field is stated: the first paragraph, list item or table row about audit records that names it. */
export function accessRecordField(document: PolicyDocument, field: AccessRecordField): { block: TextBlock; words: string[] } | undefined {
  return BlockIndex.of(document).find(PATTERNS.get(field)!, statesField);
}
