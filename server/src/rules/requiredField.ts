import { frontmatterKeys } from '../document/frontmatterKeys';
import { closestMatches } from '../text/similar';
import { fix, lineRange } from './edits';
import { addKeyEdit } from './frontmatterKeyEdit';
import { starterValue } from './draftFrontmatter';
import type { Rule } from './types';

export const requiredField: Rule = {
  id: 'required-field',
  description: 'A frontmatter key every policy document needs is missing',
  severity: 'error',
  fixable: true,
  workspace: false,
  rationale:
    'By default every policy document names its id, title, type, owner, status, version and clauses (the SoA document, `type: soa`, needs no clauses); `required-fields` in `.clausewise.yaml` changes the list. The fix adds the key with a starting value (`status: draft`, `owner: TODO`) for you to complete, in the frontmatter\'s own style (a line, or an entry of a `{…}` or JSON mapping); where an unknown key is a misspelling of it (`stauts`), the frontmatter-schema fix renames that key instead.',
  check({ document, summary, config, report }) {
    const frontmatter = document.frontmatter;
    if (!frontmatter?.data || !summary.isPolicy) return;
    // The SoA document lists controls in applicability, not clauses.
    const missing = config.requiredFields.filter((key) => !frontmatter.fields.has(key) && !(key === 'clauses' && summary.type === 'soa'));
    if (missing.length === 0) return;
    const known = frontmatterKeys().map((info) => info.key);
    // The single known key each unknown key is a misspelling of: frontmatter-schema's fix renames it,
    // so adding the key as well would write it twice.
    const renamed = new Set([...frontmatter.fields.keys()].filter((key) => !known.includes(key)).map((key) => closestMatches(key, known)).filter((matches) => matches.length === 1).map(([match]) => match));
    for (const key of missing) {
      const value = starterValue(key, document.path, summary.title);
      const edit = value === undefined || renamed.has(key) ? undefined : addKeyEdit(document, key, value);
      report({
        message: `frontmatter has no "${key}"; every policy document needs one (required-fields)`,
        range: lineRange(document, 0),
        fixes: edit ? [fix(`Add "${key}"`, [edit])] : [],
      });
    }
  },
};
