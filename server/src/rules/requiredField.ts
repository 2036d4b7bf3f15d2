import { frontmatterKeys } from '../document/frontmatterKeys';
import { closestMatches } from '../text/similar';
import { isSoaDocument } from '../model/statement';
import { fix, lineRange } from './edits';
import { addKeyEdit } from './frontmatterKeyEdit';
import { starterValue } from './draftFrontmatter';
import type { DocumentRule } from './types';

export const requiredField: DocumentRule = {
  id: 'required-field',
  description: 'A frontmatter key every policy document needs is missing',
  severity: 'error',
  fixable: true,
  workspace: false,
  rationale:
    'By default every policy document names its id, title, type, owner, status, version and clauses (the SoA document, `type: soa`, needs no clauses); `required-fields` in `.clausewise.yaml` changes the list. In a comply-style header, `name` counts as the title. All the missing keys are one finding; its fix adds them all (and one fix per key adds that key) with a starting value (`status: draft`, `owner: TODO`) for you to complete, in the frontmatter\'s own style (a line, or an entry of a `{…}` or JSON mapping); where an unknown key is a misspelling of it (`stauts`), the frontmatter-schema fix renames that key instead.',
  check({ document, summary, config, report }) {
    const frontmatter = document.frontmatter;
    if (!frontmatter?.data || !summary.isPolicy) return;
    // comply's header names the document `name`: that is its title. The SoA document lists controls in applicability, not clauses.
    const present = (key: string) => frontmatter.fields.has(key) || (key === 'title' && frontmatter.header !== undefined && frontmatter.fields.has('name')) || (key === 'clauses' && isSoaDocument(summary));
    const missing = config.requiredFields.filter((key) => !present(key));
    if (missing.length === 0) return;
    const known = frontmatterKeys().map((info) => info.key);
    // The single known key each unknown key is a misspelling of: frontmatter-schema's fix renames it,
    // so adding the key as well would write it twice.
    const renamed = new Set([...frontmatter.fields.keys()].filter((key) => !known.includes(key)).map((key) => closestMatches(key, known)).filter((matches) => matches.length === 1).map(([match]) => match));
    const added = missing.flatMap((key) => {
      const value = starterValue(key, document.path, summary.title);
      const edit = value === undefined || renamed.has(key) ? undefined : addKeyEdit(document, key, value);
      return edit ? [{ key, edit }] : [];
    });
    // One finding for the whole draft: "add all" is the fix --fix and fix-all apply, one per key the rest.
    const each = added.map(({ key, edit }) => fix(`Add "${key}"`, [edit], added.length === 1));
    const names = missing.map((key) => `"${key}"`);
    report({
      message: missing.length === 1 ? `frontmatter has no ${names[0]}; every policy document needs one (required-fields)` : `frontmatter has no ${names.slice(0, -1).join(', ')} or ${names.at(-1)}; every policy document needs them (required-fields)`,
      range: lineRange(document, 0),
      fixes: added.length > 1 ? [fix(`Add the ${added.length} missing keys`, added.map(({ edit }) => edit)), ...each] : each,
    });
  },
};
