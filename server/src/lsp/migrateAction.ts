import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { builtInCatalogPath } from '../catalog/builtIn';
import { loadCatalog } from '../catalog/load';
import { planMigration } from '../migrate/plan';
import type { WorkspaceDocument } from '../workspace/policyWorkspace';
import { toLspEdits } from './conversion';

export const MIGRATE_KIND = `${CodeActionKind.RefactorRewrite}.clausewise.migrate`;

/**
 * "Migrate clauses to ISO/IEC 27002:2022" on the frontmatter of a document still naming 2013 ids: the same
 * rewrite as `clausewise migrate` (one edit over the frontmatter's lines; the body is never touched).
 */
export function migrateAction(entry: WorkspaceDocument, uri: string): CodeAction | undefined {
  const document = entry.document;
  const frontmatter = document?.frontmatter;
  if (!document || !frontmatter) return undefined;
  const target = loadCatalog(builtInCatalogPath('iso27002-2022'));
  if (entry.set.catalog === target) return undefined;
  const plan = planMigration(document, target);
  if (plan.refused || plan.text === document.text) return undefined;
  const range = frontmatter.contentRange;
  const content = plan.text.slice(range.start, range.end + plan.text.length - document.text.length);
  return {
    title: `Migrate clauses to ${target.info.name} (${plan.mapped.map((entry) => `${entry.from} → ${entry.to.join(' + ')}`).join(', ')})`,
    kind: MIGRATE_KIND,
    edit: { changes: { [uri]: toLspEdits(entry.shell, [{ range, newText: content }]) } },
  };
}
