import type { Control } from '../catalog/types';
import type { PolicyDocument, Range, TextBlock } from '../document/types';
import { ACCESS_RECORD_FIELDS, accessRecordField } from '../policy/accessRecordFields';
import { claimedControls } from './claimedControls';
import { controlHome } from './sectionEdit';
import type { DocumentRule } from './types';

/** Per built-in catalog, the event-logging control whose access trail the rule checks (12.4.1 became 8.15 in 2022). */
const LOGGING_CONTROL: Record<string, string> = { 'iso27799-2016': '12.4.1', 'iso27002-2022': '8.15' };

/** "a, b and c" */
function listed(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export const auditRecordFields: DocumentRule = {
  id: 'audit-record-fields',
  description: 'A document claiming 12.4.1 (8.15 under ISO/IEC 27002:2022) does not say what each access record holds (user, subject of care, function, time)',
  severity: 'warning',
  fixable: false,
  workspace: false,
  rationale:
    'For 12.4.1 (event logging), ISO 27799 expects every record of access to personal health information to identify four things: the user, the subject of care (whose record it was), the function performed (view, create, modify, print, export, delete) and the time. Without all four, a trail cannot answer the question it exists for — did this person have a reason to open this patient\'s record at that moment — and generic logging policies often name the file or resource touched but never the patient. For a document that claims 12.4.1 under the ISO 27799:2016 catalog, or 8.15 (event logging) under the ISO/IEC 27002:2022 one, Clausewise looks for each field in a paragraph, list item or table row about audit records (a log, trail, entry or "is recorded": a paragraph must say so itself, a list item or table row may take it from the sentence, table header or heading that introduces it), in the words policies use: "user ID", "named account", "who accessed"; "the patient", "medical record number", "patient identifier", "subject of care", "record accessed"; "event type", "action taken", "functions performed", "view, create, modify"; "date and time", "timestamp". It reports one finding naming the fields it did not find, on the heading of the section about 12.4.1 or about logging, or else on the 12.4.1 claim. It is a warning, not an error: the fields are guidance for health records rather than a baseline element every logging policy must have, and they are recognised by their wording, so a policy that states them in words Clausewise does not know can turn the rule off for the file (`<!-- clausewise-disable-file audit-record-fields -->`). Write down what every access record holds; there is no automatic fix because only you know what your systems record. Two more expectations for the trail are in 12.4.1\'s health note (`clausewise explain 12.4.1`) and are not checked here: the people it records, administrators included, cannot switch it off or edit it, and it is kept as long as the health records it protects.',
  check({ document, summary, catalog, report }) {
    const logging = LOGGING_CONTROL[catalog.info.id];
    if (!logging) return;
    const claimed = claimedControls(summary, catalog).find(({ control }) => control.id === logging);
    if (!claimed) return;
    const { control, claim } = claimed;
    const places = ACCESS_RECORD_FIELDS.map(({ field }) => accessRecordField(document, field)?.block);
    const found = ACCESS_RECORD_FIELDS.filter((_info, index) => places[index]);
    if (found.length === ACCESS_RECORD_FIELDS.length) return;
    const missing = ACCESS_RECORD_FIELDS.filter((info) => !found.includes(info));
    const stated = found.length > 0 ? ` (it does name ${listed(found.map((info) => info.name))})` : '';
    report({
      message: `${control.id} ${control.title}: the document does not say that each record of access to health information identifies ${listed(missing.map((info) => info.name))}${stated}. Add a sentence or list stating that every access record holds ${listed(missing.map((info) => info.example))}.`,
      range: placeOf(document, control, places.filter((block) => block !== undefined)) ?? claim.range,
      clause: control.id,
    });
  },
};

/**
 * Where the missing fields belong: the heading of the section about the control, else the heading
 * over the first place the document already says what its records hold, else the claim.
 */
function placeOf(document: PolicyDocument, control: Control, stated: TextBlock[]): Range | undefined {
  const home = controlHome(document, control);
  if (home) return home.titleRange;
  if (stated.length === 0) return undefined;
  const first = Math.min(...stated.map((block) => block.range.start));
  return document.sections.filter((section) => section.kind === 'heading' && section.titleRange.start <= first).at(-1)?.titleRange;
}
