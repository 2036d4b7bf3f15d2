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
    'By default every policy document names its id, title, type, owner, status, version and clauses; `required-fields` in `.clausewise.yaml` changes the list. The fix adds the key with a starting value (`status: draft`, `owner: TODO`) for you to complete.',
  check({ document, summary, config, report }) {
    const frontmatter = document.frontmatter;
    if (!frontmatter?.data || !summary.isPolicy) return;
    const missing = config.requiredFields.filter((key) => !frontmatter.fields.has(key));
    if (missing.length === 0) return;
    for (const key of missing) {
      const value = starterValue(key, document.path, summary.title);
      const edit = value === undefined ? undefined : addKeyEdit(document, key, value);
      report({
        message: `frontmatter has no "${key}"; every policy document needs one (required-fields)`,
        range: lineRange(document, 0),
        fixes: edit ? [fix(`Add "${key}"`, [edit])] : [],
      });
    }
  },
};
