import { linkTarget } from '../model/linkTarget';
import { closestMatches } from '../text/similar';
import { fix, replaceRange } from './edits';
import type { WorkspaceRule } from './types';

export const brokenReference: WorkspaceRule = {
  id: 'broken-reference',
  description: 'related names a document id, or a link names a file, that does not exist',
  severity: 'error',
  fixable: true,
  workspace: true,
  reads: ['related-ids', 'link-targets'],
  rationale:
    'Every id in `related` must be the id of a policy document in the workspace, and every relative link in the body must point at an existing file. The finding suggests the nearest ids as quick fixes; they are never applied by --fix, since another document’s id is only a guess.',
  check({ document, summary, index, config, fileExists, report }) {
    for (const reference of summary.related) {
      if (index.withId(reference.value).length > 0) continue;
      const matches = closestMatches(reference.value, index.ids().filter((id) => id !== summary.id?.value));
      report({
        message: `related names "${reference.value}", which is not the id of any policy document${matches.length ? ` (did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?)` : '; check the id or remove it'}`,
        range: reference.range,
        fixes: matches.map((match) => fix(`Change to ${match}`, [replaceRange(reference.range, match)], false)),
      });
    }
    for (const link of summary.links) {
      const target = linkTarget(document.path, link.url, config.root);
      if (target && !fileExists(target.path)) report({ message: `the link points to "${target.written}", which does not exist; fix the path or remove the link`, range: link.range });
    }
  },
};
