import type { Control, Element } from '../catalog/types';
import { elementsFor } from '../config/elements';
import type { ElementMatchMode } from '../config/types';
import { positionAt } from '../document/lines';
import type { PolicyDocument, Section } from '../document/types';
import type { Fix } from '../findings/types';
import { elementIds } from '../model/summary';
import { fix } from './edits';
import { claimedControls } from './claimedControls';
import { controlElementsFinding } from './controlElements';
import { controlHome, insertSectionEdit, insertSectionsEdit } from './sectionEdit';
import type { DocumentRule } from './types';

/** Why a missing section has no fix: the document ends inside a block never closed, where it would land. */
function unclosedNote(document: PolicyDocument): string {
  const block = document.unclosed;
  if (!block) return '';
  return ` (No fix: the document ends inside the ${block.kind} opened on line ${positionAt(document.lineStarts, block.range.start).line + 1}, never closed; close it and a section can be added after it.)`;
}

/** The element's evidence in a few words, one per group: "“review” with “access” and a frequency". */
function lookedFor(element: Element): string {
  const name = (group: string[]) => {
    const typed = group.find((term) => term.startsWith('$'));
    const plain = group.find((term) => !term.startsWith('$') && !term.endsWith('*')) ?? group.find((term) => !term.startsWith('$'));
    if (!plain) return `a ${typed!.slice(1)}`;
    return `“${plain.replace(/\*$/, '…')}”`;
  };
  const names = element.evidence.map(name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} with ${names.at(-1)}`;
}

/** What was not found and where Clausewise looked, as the mode decides. */
function notFound(element: Element, mode: ElementMatchMode): string {
  if (mode === 'headings') {
    const aliases = element.aliases.length ? ` (or ${element.aliases.slice(0, 3).map((alias) => `"${alias}"`).join(', ')})` : '';
    return `"${element.title}" has no section; add a heading or bold lead-in "${element.title}"${aliases}.`;
  }
  const sought = lookedFor(element);
  return `"${element.title}" is not addressed, under a heading or in the text${sought ? ` (looked for ${sought} in one paragraph, list item or table row)` : ''}.`;
}

export const missingElement: DocumentRule = {
  id: 'missing-element',
  description: 'A claimed control’s baseline element is not addressed anywhere in the document',
  severity: 'error',
  fixable: true,
  workspace: false,
  rationale:
    'For each control a document claims, Clausewise expects its baseline elements (see `clausewise explain <id>`; the config can add, replace or waive them). An element is found, strongest signal first, (1) under a heading, a pseudo-heading (a paragraph that is only bold text) or a lead-in (a bold opening, a list item\'s short label before a colon, a table row\'s first cell) matching its title or an alias, with real text under it — case, punctuation, numbering, plurals, "&"/"and", a trailing "policy" or "procedure" and the order of two words are ignored, so `### 7.3 Session Time-outs` matches; or (2) by its evidence: the element\'s concept groups (words, and typed concepts such as a frequency, a duration or a role) found together in one paragraph, list item, table row or short section, for example "access is reviewed quarterly by the system owner" (a term counts in its other usual forms too: "access review" as "review of access", "must not" as "should never" or "is prohibited"; a phrase\'s words are never read across a sentence, paragraph, list item or table cell, and may have one other word between two of them, "access rights review" being an "access review", unless that word is a negation, "and", "or" or an article, or comes before a small word; a sentence saying a topic does not apply, or announcing what the document covers ("This policy defines …"), is no evidence). This rule reports the elements found neither way, in one finding per claimed control that names them all ("9.4.2 Secure log-on procedures: 2 of 4 elements not found — …"), with each element as related information saying where Clausewise looked; the hint for each element is in the hover on the clause id. With `elements: { match: headings }` in `.clausewise.yaml`, only (1) counts. One fix per element inserts its heading with a TODO prompt under the section about the control, or at the end of the document, and "Insert all missing sections" inserts them all (the fix `check --fix` and fix-all apply); no fix removes text. When the document ends inside a code fence or an HTML comment that is never closed, there is no fix: the section would land inside it; close the block first.',
  check({ document, summary, catalog, config, report }) {
    for (const { control, claim } of claimedControls(summary, catalog)) {
      // The summary holds each element's state: the finding is built from it, not from matching again.
      const statuses = summary.elements[control.id] ?? [];
      const missingIds = new Set(elementIds(statuses, 'missing'));
      if (missingIds.size === 0) continue;
      const missing = elementsFor(control, config).filter((element) => missingIds.has(element.id));
      const home = controlHome(document, control);
      const fixes = missingFixes(document, control, missing, home);
      const grouped = controlElementsFinding(control, `${missing.length} of ${statuses.length} elements not found`, missing);
      report({
        ...grouped,
        message: `${grouped.message}${fixes.length ? '' : unclosedNote(document)}`,
        range: claim.range,
        related: missing.map((element) => ({ message: notFound(element, config.elementMatch), range: home?.titleRange ?? claim.range })),
        fixes,
      });
    }
  },
};

/** "Insert all 3 missing sections for 9.4.2" (the one fix-all applies), then one fix per element. */
function missingFixes(document: PolicyDocument, control: Control, missing: Element[], home: Section | null): Fix[] {
  const single = missing.map((element) => ({ element, edit: insertSectionEdit(document, control, element, home) }));
  if (single.some(({ edit }) => !edit)) return [];
  const stub = (element: Element) => ({ clause: control.id, element: element.id });
  const each = single.map(({ element, edit }) => ({ ...selectingTodo(fix(`Insert section "${element.title}" for ${control.id}`, [edit!], missing.length === 1)), stubs: [stub(element)] }));
  if (missing.length === 1) return each;
  const all = insertSectionsEdit(document, control, missing, home)!;
  return [{ ...selectingTodo(fix(`Insert all ${missing.length} missing sections for ${control.id}`, [all])), stubs: missing.map(stub) }, ...each];
}

/** Selects the first inserted "TODO: …" line once the fix is applied, so the author can type over it. */
function selectingTodo(inserted: Fix): Fix {
  const text = inserted.edits[0]!.newText;
  const start = text.indexOf('TODO: ');
  if (start < 0) return inserted;
  const end = text.slice(start).search(/\r?\n|$/) + start;
  return { ...inserted, select: { edit: 0, start, end } };
}
