import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { type CancellationToken } from 'vscode-languageserver';
import { elementsFor } from '../config/elements';
import { insertAt } from '../rules/edits';
import { ADOPTION_DEFAULTS } from '../suggest/adoption';
import { ALREADY_TAGGED, FRONTMATTER_RULES, planAdoption } from '../suggest/adoptionPlan';
import type { ScopeParams } from '../protocol/customMessages';
import type { AdoptFolderResult } from '../protocol/gapMessages';
import { afterIndexing, throwIfCancelled, type ServerContext } from './context';
import { toLspEdits } from './conversion';
import { fullDocument } from './openDocument';
import { requestSet } from './scope';
import { yieldEvery } from './yieldEvery';
import { withoutBom } from '../text/bom';


/**
 * clausewise/adoptFolder: `clausewise adopt` for the Markdown files under the folder in scope, from the
 * text the editor holds (or the file's): the draft block each untagged policy would get, as edits.
 */
export async function adoptFolder(context: ServerContext, params: ScopeParams | null, token?: CancellationToken): Promise<AdoptFolderResult> {
  await afterIndexing(context, token);
  const { folder } = requestSet(context, params);
  const prefix = folder.endsWith(sep) ? folder : `${folder}${sep}`;
  const core = context.workspace.session;
  const takenIds = new Set(core.policySets().flatMap((set) => set.index.ids()));
  const result: AdoptFolderResult = { changes: {}, adopted: [], skipped: [] };
  // The indexed files and those open in the editor (one opened a moment ago may not be analysed yet).
  const editing = new Set(context.workspace.openPaths());
  // Only files on disk: a file deleted a moment ago may still be indexed (until its watcher event comes) or
  // held by the editor (until it disposes the closed document). Nor a file the config's `exclude` leaves out.
  const paths = [...new Set([...core.all().map((entry) => entry.path), ...editing])].filter((path) => path.startsWith(prefix) && existsSync(path) && !core.isExcluded(path)).sort();
  const pace = yieldEvery();
  for (const path of paths) {
    await pace();
    throwIfCancelled(token);
    const uri = context.workspace.uriOf(path);
    const entry = await context.workspace.upToDate(uri);
    throwIfCancelled(token);
    if (!entry) continue;
    // A document that claims or excludes controls is a policy already (planAdoption's ALREADY_TAGGED, which is not
    // reported): its summary says so, without parsing it again.
    const { summary } = entry.analyzed;
    if (summary.clauses.length > 0 || summary.exclusions.length > 0) continue;
    const { set } = entry;
    const document = fullDocument(entry);
    if (document.readProblem) {
      result.skipped.push({ uri, reason: `${document.readProblem.message}; not adopted` });
      continue;
    }
    const options = { ...ADOPTION_DEFAULTS, elementsOf: (control: Parameters<typeof elementsFor>[0]) => elementsFor(control, set.config), takenIds, requiredFields: set.config.requiredFields };
    const outcome = planAdoption(document, set.catalog, options);
    if (!('proposal' in outcome)) {
      // Files that are already policies are not news; everything else says why it was left alone.
      if (outcome.skipped !== ALREADY_TAGGED) {
        result.skipped.push({ uri, reason: outcome.belowThreshold ? `${outcome.skipped}; run "Suggest Clauses…" on it to pick its clauses yourself` : outcome.skipped });
      }
      continue;
    }
    const { proposal } = outcome;
    const problem = core.preview(entry.path, withoutBom(proposal.text)).findings.find((finding) => FRONTMATTER_RULES.has(finding.ruleId));
    if (problem) {
      result.skipped.push({ uri, reason: `the proposed frontmatter would not pass the check (${problem.ruleId}: ${problem.message}); not adopted` });
      continue;
    }
    result.changes[uri] = toLspEdits(document, [insertAt(0, proposal.block)]);
    result.adopted.push({ uri, id: proposal.id, type: proposal.type, clauses: proposal.clauses });
  }
  return result;
}
