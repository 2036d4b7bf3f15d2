import { dirname } from 'node:path';
import { builtInCatalogPath, isBuiltInCatalog } from '../catalog/builtIn';
import type { Catalog } from '../catalog/catalog';
import { loadCatalog } from '../catalog/load';
import { MAX_CONFIG_BYTES } from '../config/load';
import { readDocumentFile } from '../document/decode';
import { scalarField } from '../document/frontmatter';
import { parsePolicyDocument } from '../document/parse';
import { readRegularFile } from '../files/readFile';
import { FileWriteError, replaceFile } from '../files/replaceFile';
import { switchCatalog } from '../migrate/configCatalog';
import { planMigration } from '../migrate/plan';
import { migrationReport } from '../migrate/report';
import { regionDiff } from '../text/unifiedDiff';
import { formatMigrationJson, formatMigrationMarkdown, formatMigrationText, type MigratedFile } from './format/migrate';
import { displayPath } from '../report/displayPath';
import { commandSets, CONFIG_OPTION, inputsOf, setOptionLines } from './inputs';
import { stdoutOutput, type Output } from './terminal';
import { oneOf, UsageError } from './usageError';
import { withBom } from '../text/bom';
import { commandArgs } from './commandArgs';

const FORMATS = ['text', 'markdown', 'json'] as const;

const migrateUsage = `Usage: clausewise migrate --to iso27002-2022 [paths…] [--write] [--format text|markdown|json] [--config FILE]

Carries a policy set from ISO 27799:2016 (ISO/IEC 27002:2013) ids to ISO/IEC 27002:2022 through the
correspondence: each document's clauses and excludes are rewritten (merged controls become one id,
18.2.3 becomes 5.36 and 8.8, duplicates go, order stays; an exclusion keeps its justification and
until). Body references are listed for review, never rewritten. Without --write it prints the diff
and the report and changes nothing; with --write it writes each file atomically (refusing one changed
meanwhile), changes no byte outside the frontmatter lines it rewrites, and sets catalog: iso27002-2022
in the set's .clausewise.yaml. A second run changes nothing.

Options:
  --to NAME         the catalog to migrate to (iso27002-2022)
  --write           write the files and the config
  --format F        text (default), markdown or json: the report
${setOptionLines(17, { catalog: false })}

Exit codes: 0 done, 1 a document could not be migrated or written, 2 usage or configuration error.`;

/** \`clausewise migrate\`: rewrites a set's ids to a later edition's, or shows what it would do. */
export async function migrateCommand(args: string[], output: Output = stdoutOutput()): Promise<number> {
  const parsed = commandArgs(args, migrateUsage, output, {
    to: { type: 'string' }, write: { type: 'boolean' }, format: { type: 'string', default: 'text' },
    ...CONFIG_OPTION,
  });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = oneOf(values.format!, FORMATS);
  if (values.to !== 'iso27002-2022' || !isBuiltInCatalog(values.to)) {
    throw new UsageError(values.to === undefined ? 'migrate needs --to iso27002-2022' : `cannot migrate to "${values.to}"`, 'the one migration Clausewise knows is --to iso27002-2022');
  }
  const cwd = process.cwd();
  const target = loadCatalog(builtInCatalogPath(values.to));
  const sets = commandSets(cwd, { config: values.config });
  const resolver = sets.resolver;
  const { files: paths, roots } = inputsOf(positionals.length ? positionals : ['.'], cwd, sets);
  const files: MigratedFile[] = [];
  const configs = new Set<string | undefined>();
  for (const path of paths) {
    const file = migrateFile(path, target, values.write === true, roots, resolver.forDocument(path).config.limits, output, cwd);
    if (!file) continue;
    files.push(file);
    configs.add(resolver.forDocument(path).config.file);
  }
  const report = migrationReport(files.map((file) => file.plan), target);
  const config = [...configs].map((file) => switchConfig(file, values.to!, values.write === true, cwd)).join('\n');
  const input = { files, report, config, written: values.write === true, cwd };
  output.write(format === 'json' ? formatMigrationJson(input) : format === 'markdown' ? formatMigrationMarkdown(input) : formatMigrationText(input));
  return files.some((file) => file.outcome === 'refused' || file.outcome === 'not written') ? 1 : 0;
}

/** Plans one policy document's migration, prints its diff (dry run) or writes it; undefined for a file that is no policy. */
function migrateFile(path: string, target: Catalog, write: boolean, roots: string[], limits: Parameters<typeof parsePolicyDocument>[3], output: Output, cwd: string): MigratedFile | undefined {
  const { text, problem, bytes } = readDocumentFile(path);
  if (problem || !bytes) return undefined;
  const document = parsePolicyDocument(path, text, undefined, limits);
  const fields = document.frontmatter?.fields;
  if (!fields?.has('clauses') && !fields?.has('excludes')) return undefined;
  const plan = { ...planMigration(document, target), id: scalarField(document.frontmatter, 'id')?.value };
  if (plan.refused) return { plan, outcome: 'refused', problem: plan.refused };
  if (plan.text === document.text) return { plan, outcome: 'unchanged' };
  const range = document.frontmatter!.contentRange;
  const grown = plan.text.length - document.text.length;
  if (plan.text.slice(0, range.start) !== document.text.slice(0, range.start) || plan.text.slice(range.end + grown) !== document.text.slice(range.end)) {
    return { plan, outcome: 'refused', problem: 'the text outside the frontmatter would change; not written (please report this)' };
  }
  if (!write) {
    output.write(regionDiff(displayPath(path, cwd), document.text, plan.text));
    return { plan, outcome: 'to change' };
  }
  try {
    replaceFile(path, bytes, withBom(plan.text, document.bom), roots);
    return { plan, outcome: 'written' };
  } catch (error) {
    if (error instanceof FileWriteError) return { plan, outcome: 'not written', problem: error.message };
    throw error;
  }
}

/** Sets the config's catalog (with --write), or says what it would do or what to write. */
function switchConfig(file: string | undefined, name: string, write: boolean, cwd: string): string {
  if (!file) return `No .clausewise.yaml governs these documents: create one holding the line "catalog: ${name}", or pass --catalog ${name} to every command.`;
  const shown = displayPath(file, cwd);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_CONFIG_BYTES);
  } catch (error) {
    return `Could not read ${shown} (${(error as Error).message}): set "catalog: ${name}" in it yourself.`;
  }
  const result = switchCatalog(bytes.toString('utf8'), shown, name);
  if ('unchanged' in result) return `${shown} already uses catalog: ${name}.`;
  if ('manual' in result) return `Config: ${result.manual}.`;
  if (!write) return `With --write, ${shown} will say "catalog: ${name}".`;
  try {
    replaceFile(file, bytes, result.text, [dirname(file)]);
    return `${shown} now says "catalog: ${name}".`;
  } catch (error) {
    if (error instanceof FileWriteError) return `Could not write ${shown} (${error.message}): set "catalog: ${name}" in it yourself.`;
    throw error;
  }
}
