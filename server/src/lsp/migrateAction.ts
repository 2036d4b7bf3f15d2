import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CancellationToken, type CodeAction } from 'vscode-languageserver';
import { builtInCatalogPath } from '../catalog/builtIn';
import type { Catalog } from '../catalog/catalog';
import { loadCatalog } from '../catalog/load';
import { MAX_CONFIG_BYTES } from '../config/load';
import { computeLineStarts } from '../document/lines';
import type { PolicyDocument } from '../document/types';
import { readRegularFile } from '../files/readFile';
import type { TextEdit } from '../findings/types';
import { switchCatalog } from '../migrate/configCatalog';
import { planMigration, type MigrationPlan } from '../migrate/plan';
import type { MigrateWorkspaceResult, ScopeParams } from '../protocol/customMessages';
import type { SessionDocument } from '../engine/session';
import { afterIndexing, type ServerContext } from './context';
import { toLspEdits } from './conversion';
import { fullDocument } from './openDocument';
import { requestScope } from './scope';

export const MIGRATE_KIND = `${CodeActionKind.RefactorRewrite}.clausewise.migrate`;

const TARGET = 'iso27002-2022';
const target = (): Catalog => loadCatalog(builtInCatalogPath(TARGET));

/** The migration of one parsed document as one edit over its frontmatter's lines, with the plan behind it. */
function frontmatterEdit(document: PolicyDocument): { plan: MigrationPlan; edit?: TextEdit } {
  const plan = planMigration(document, target());
  const range = document.frontmatter?.contentRange;
  if (!range || plan.refused || plan.text === document.text) return { plan };
  return { plan, edit: { range, newText: plan.text.slice(range.start, range.end + plan.text.length - document.text.length) } };
}

/**
 * "Migrate clauses to ISO/IEC 27002:2022" on the frontmatter of a document still naming 2013 ids: the same
 * rewrite as `clausewise migrate` (the body is never touched).
 */
export function migrateAction(entry: SessionDocument, uri: string): CodeAction | undefined {
  if (!entry.document || entry.set.catalog === target()) return undefined;
  const { plan, edit } = frontmatterEdit(entry.document);
  if (!edit) return undefined;
  return {
    title: `Migrate clauses to ${target().info.name} (${plan.mapped.map((mapped) => `${mapped.from} → ${mapped.to.join(' + ')}`).join(', ')})`,
    kind: MIGRATE_KIND,
    edit: { changes: { [uri]: toLspEdits(entry.treeless, [edit]) } },
  };
}

/** clausewise/migrateWorkspace: every policy document of the set in scope, and its config's catalog line. */
export async function migrateWorkspace(context: ServerContext, params: ScopeParams | null, token?: CancellationToken): Promise<MigrateWorkspaceResult> {
  await afterIndexing(context, token);
  const { set, index } = requestScope(context, params);
  const result: MigrateWorkspaceResult = { changes: {}, documents: 0, refused: [], config: '' };
  for (const summary of index.policies()) {
    const uri = context.workspace.uriOf(summary.path);
    const entry = await context.workspace.upToDate(uri);
    if (!entry) continue;
    // The text the editor holds for an open document, else the one last read from disk.
    const document = fullDocument(entry);
    const { plan, edit } = frontmatterEdit(document);
    if (plan.refused) result.refused.push({ uri, reason: plan.refused });
    if (!edit) continue;
    result.changes[uri] = toLspEdits(document, [edit]);
    result.documents++;
  }
  result.config = configEdit(set.config.file, result);
  return result;
}

/** Adds the config's new catalog line to the edits (a built-in name rewritten, or the line added), or says what to write. */
function configEdit(file: string | undefined, result: MigrateWorkspaceResult): string {
  if (!file) return `No .clausewise.yaml governs these documents: create one holding the line "catalog: ${TARGET}".`;
  let text: string;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString('utf8');
  } catch (error) {
    return `Could not read ${file} (${(error as Error).message}): set "catalog: ${TARGET}" in it yourself.`;
  }
  const switched = switchCatalog(text, file, TARGET);
  if ('unchanged' in switched) return `${file} already uses catalog: ${TARGET}.`;
  if ('manual' in switched) return `Config: ${switched.manual}.`;
  const lines = { text, lineStarts: computeLineStarts(text) };
  result.changes[pathToFileURL(file).href] = toLspEdits(lines, [{ range: { start: 0, end: text.length }, newText: switched.text }]);
  return `${file} will say "catalog: ${TARGET}".`;
}
