import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { ACCESS_RECORD_FIELDS, accessRecordField, type AccessRecordField } from '../../../server/src/policy/accessRecordFields';

/** The fields a Markdown body states about its audit records. */
function stated(body: string): AccessRecordField[] {
  const document = parsePolicyDocument('/policies/logging.md', `---\nid: T\nclauses: [12.4.1]\n---\n${body}\n`);
  return ACCESS_RECORD_FIELDS.map(({ field }) => field).filter((field) => accessRecordField(document, field));
}

const ALL: AccessRecordField[] = ['user', 'subject', 'function', 'time'];

/** Each body and the fields it states, in the words real policies use. */
const cases: [string, AccessRecordField[]][] = [
  // A sentence about the log that names the fields.
  ['Every access to a health record is recorded with the username, the patient identifier, the type of access and a timestamp.', ALL],
  ['Audit logs capture the user ID, the MRN, the action taken and the date and time of each event.', ALL],
  ['The EHR audit trail shows who accessed which patient record, what they did and when it occurred.', ALL],
  ['Audit logs must include sufficient information to identify who did what, when and where.', ['user', 'function', 'time']],
  ['Each log entry must include the user ID, the timestamp, the event type and the resource affected.', ['user', 'function', 'time']],
  // A list introduced by a sentence about the log, or a table whose header says so.
  ['Each audit record contains:\n\n- user identity\n- subject of care\n- function performed\n- time stamp', ALL],
  ['## Audit trail content\n\n- Named user and role\n- Medical record number of the patient whose record was opened\n- View, create, modify, print or export\n- Date and time (UTC)', ALL],
  ['| Audit log field | Example |\n|---|---|\n| Account name | jsmith |\n| Patient number | 0048211 |\n| Event type | record viewed |', ['user', 'subject', 'function']],
  // Not about audit records: the same words elsewhere do not count.
  ['Staff must note the date and time of each appointment in the patient chart.', []],
  ['## Log review\n\nUsers must record the date and time of each appointment for the patient.\n\nLogs are reviewed weekly.', []],
  ['Security logs are collected centrally and reviewed weekly by the Security Officer.', []],
];

describe('the fields of an access record a policy states', () => {
  it.each(cases)('%s', (body, fields) => {
    expect(stated(body)).toEqual(fields);
  });
});
