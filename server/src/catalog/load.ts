import Ajv from 'ajv';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readRegularFile } from '../files/readFile';
import { basename, resolve } from 'node:path';
import type { Node } from 'yaml';
import catalogSchema from '../../../controls/schema/catalog.schema.json';
import { packagePath } from '../packageRoot';
import { readDataFile, type DataFile } from '../yaml/dataFile';
import { nodeAt } from '../yaml/locate';
import { DataFileError, type SourceProblem } from '../yaml/problem';
import { builtInCatalogPath, DEFAULT_CATALOG } from './builtIn';
import { Catalog } from './catalog';
import { evidenceProblems } from '../policy/evidence';
import type { Category, Control, Framework, MapReview, Objective, OrganisationType, RetiredElement, ReviewedLink } from './types';

interface RawElement { id: string; title: string; aliases?: string[]; prompt: string; 'applies-to'?: OrganisationType[]; evidence?: string[][] }
interface RawReviewedLinks { items: string[]; reason: string }
interface RawMapReview { remove?: RawReviewedLinks[]; add?: RawReviewedLinks[] }
interface RawControl {
  id: string; title: string; summary: string; health?: string; essential?: boolean; reason?: string;
  elements: RawElement[]; retiredElements?: RetiredElement[]; maps?: Record<string, string[]>; mapReview?: Record<string, RawMapReview>;
}
interface RawObjective { id: string; title: string; controls: RawControl[] }
/** A category holds objectives, or (as ISO/IEC 27002:2022's themes do) its controls directly. */
interface RawCategory { id: string; title: string; objectives?: RawObjective[]; controls?: RawControl[] }
interface RawCatalog {
  catalog: { id: string; name?: string; title: string; short?: string; version?: string; notice?: string };
  frameworks?: Record<string, Framework>;
  categories: RawCategory[];
}

let validator: ReturnType<Ajv['compile']> | undefined;
function validateCatalog() {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(catalogSchema);
  return validator;
}

/** The default catalog that ships with Clausewise (ISO 27799:2016); builtIn.ts lists the others. */
export function bundledCatalogPath(): string {
  return builtInCatalogPath(DEFAULT_CATALOG);
}

const loaded = new Map<string, Catalog>();

/** The bundled catalog is under 1 MB; a catalog of every ISO control with rich evidence stays well below this. */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024;

/** Loads (once per process per path) and validates a catalog file; throws DataFileError naming file and line. */
export function loadCatalog(file = bundledCatalogPath()): Catalog {
  const path = resolve(file);
  const cached = loaded.get(path);
  if (cached) return cached;
  let text: string;
  try {
    text = readRegularFile(path, MAX_CATALOG_BYTES).toString('utf8');
  } catch (error) {
    throw new DataFileError('catalog', [{ file: path, line: 1, column: 1, message: `cannot read the catalog: ${(error as Error).message}` }]);
  }
  const catalog = readCompiled(path, text) ?? parseCatalog(text, path);
  loaded.set(path, catalog);
  return catalog;
}

/** Where the build keeps a catalog already validated and turned into JSON (reading YAML costs ~250 ms). */
export function compiledCatalogPath(file: string): string {
  return packagePath('dist', 'catalogs', `${basename(file)}.json`);
}

export interface CompiledCatalog {
  sourceHash: string;
  info: Catalog['info'];
  categories: Catalog['categories'];
  frameworks: Catalog['frameworks'];
}

export function sourceHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The compiled form of a catalog, used only when it was made from exactly this text. */
function readCompiled(path: string, text: string): Catalog | undefined {
  const compiled = compiledCatalogPath(path);
  if (!existsSync(compiled)) return undefined;
  try {
    const data = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledCatalog;
    if (data.sourceHash !== sourceHash(text)) return undefined;
    return new Catalog({ ...data.info, file: path }, data.categories, data.frameworks);
  } catch {
    return undefined;
  }
}

/** Parses catalog text; every problem (syntax, schema, duplicate or misplaced id) is reported with its line. */
export function parseCatalog(text: string, file: string): Catalog {
  const source = readDataFile<RawCatalog>(text, file, validateCatalog(), 'catalog');
  const problems: SourceProblem[] = [];
  const lineOf = (path: (string | number)[]) => {
    const { node } = nodeAt(source.doc, path);
    return source.counter.linePos((node as Node | undefined)?.range?.[0] ?? 0).line;
  };
  const seen = new Map<string, number>();
  const claimId = (id: string, path: (string | number)[], parent?: string) => {
    const line = lineOf([...path, 'id']);
    const first = seen.get(id);
    if (first !== undefined) problems.push(source.problemAt([...path, 'id'], `duplicate id "${id}" (first defined on line ${first}); give each clause its own id`));
    else seen.set(id, line);
    if (parent !== undefined && !id.startsWith(`${parent}.`)) {
      problems.push(source.problemAt([...path, 'id'], `id "${id}" does not belong under "${parent}"; a child's id starts with its parent's id`));
    }
  };
  const raw = source.data;
  const categories: Category[] = raw.categories.map((rawCategory, ci) => {
    const categoryPath = ['categories', ci];
    claimId(rawCategory.id, categoryPath);
    const category: Category = { kind: 'category', id: rawCategory.id, title: rawCategory.title, objectives: [], line: lineOf(categoryPath) };
    // A category that holds its controls directly gets one implicit objective with its own id and title.
    const rawObjectives = rawCategory.objectives ?? [{ id: rawCategory.id, title: rawCategory.title, controls: rawCategory.controls ?? [] }];
    const implicit = rawCategory.objectives === undefined;
    category.objectives = rawObjectives.map((rawObjective, oi) => {
      const objectivePath = implicit ? categoryPath : [...categoryPath, 'objectives', oi];
      if (!implicit) claimId(rawObjective.id, objectivePath, rawCategory.id);
      const objective: Objective = {
        kind: 'objective', id: rawObjective.id, title: rawObjective.title, categoryId: rawCategory.id, controls: [], line: lineOf(objectivePath),
        ...(implicit ? { implicit } : {}),
      };
      objective.controls = rawObjective.controls.map((rawControl, ki) => {
        const controlPath = [...objectivePath, 'controls', ki];
        claimId(rawControl.id, controlPath, rawObjective.id);
        checkControl(source, rawControl, controlPath, raw.frameworks ?? {}, problems);
        return toControl(rawControl, rawObjective.id, rawCategory.id, lineOf(controlPath), raw.frameworks ?? {});
      });
      return objective;
    });
    return category;
  });
  checkMovedElements(source, raw, categories, problems);
  if (problems.length > 0) throw new DataFileError('catalog', problems);
  const info = { ...raw.catalog, name: raw.catalog.name ?? raw.catalog.title, short: raw.catalog.short ?? raw.catalog.id, file };
  return new Catalog(info, categories, raw.frameworks ?? {});
}

function checkControl(
  source: DataFile<RawCatalog>,
  control: RawControl,
  path: (string | number)[],
  frameworks: Record<string, Framework>,
  problems: SourceProblem[],
): void {
  const elementIds = new Set<string>();
  control.elements.forEach((element, index) => {
    for (const { path: at, problem } of evidenceProblems(element.evidence ?? [])) {
      problems.push(source.problemAt([...path, 'elements', index, 'evidence', ...at], `control ${control.id}, element ${element.id}: ${problem}`));
    }
    if (elementIds.has(element.id)) {
      problems.push(source.problemAt([...path, 'elements', index, 'id'], `control ${control.id} has two elements with id "${element.id}"; element ids must be unique within a control`));
    }
    elementIds.add(element.id);
  });
  (control.retiredElements ?? []).forEach((retired, index) => {
    const at = [...path, 'retiredElements', index];
    if (elementIds.has(retired.id)) {
      problems.push(source.problemAt([...at, 'id'], `control ${control.id}: "${retired.id}" is listed as retired but is still one of its elements; a retired id may not be reused`));
    }
    if (retired.replacedBy !== undefined && !elementIds.has(retired.replacedBy)) {
      problems.push(source.problemAt([...at, 'replacedBy'], `control ${control.id}: "${retired.id}" is replaced by "${retired.replacedBy}", which is not one of its elements`));
    }
  });
  for (const [name, ids] of Object.entries(control.maps ?? {})) {
    const framework = frameworks[name];
    if (!framework) continue;
    ids.forEach((id, index) => {
      if (!(id in framework.items)) {
        problems.push(source.problemAt([...path, 'maps', name, index], `control ${control.id} maps to "${id}", which frameworks.${name}.items does not list`));
      }
    });
  }
  checkMapReview(source, control, path, frameworks, problems);
}

/** An element retired as moved must exist, under the same id, in the control it moved to. */
function checkMovedElements(source: DataFile<RawCatalog>, raw: RawCatalog, categories: Category[], problems: SourceProblem[]): void {
  const controls = new Map(categories.flatMap((category) => category.objectives.flatMap((objective) => objective.controls)).map((control) => [control.id, control]));
  raw.categories.forEach((category, ci) =>
    (category.objectives ?? [{ controls: category.controls ?? [] }]).forEach((objective, oi) =>
      objective.controls.forEach((control, ki) =>
        (control.retiredElements ?? []).forEach((retired, ri) => {
          if (retired.movedTo === undefined) return;
          if (!controls.get(retired.movedTo)?.elements.some((element) => element.id === retired.id)) {
            const objectivePath = category.objectives ? ['objectives', oi] : [];
            const at = ['categories', ci, ...objectivePath, 'controls', ki, 'retiredElements', ri, 'movedTo'];
            problems.push(source.problemAt(at, `control ${control.id}: "${retired.id}" moved to ${retired.movedTo}, which has no element "${retired.id}"`));
          }
        }),
      ),
    ),
  );
}

/** A review may remove only derived links and add only links the derivation lacks, each once, all known to the framework. */
function checkMapReview(
  source: DataFile<RawCatalog>,
  control: RawControl,
  path: (string | number)[],
  frameworks: Record<string, Framework>,
  problems: SourceProblem[],
): void {
  for (const [name, review] of Object.entries(control.mapReview ?? {})) {
    const at = [...path, 'mapReview', name];
    const framework = frameworks[name];
    if (!framework) {
      problems.push(source.problemAt(at, `control ${control.id} reviews its links to "${name}", which frameworks does not list; add frameworks.${name} or correct the name`, true));
      continue;
    }
    const derived = new Set(control.maps?.[name] ?? []);
    const named = new Set<string>();
    for (const change of ['remove', 'add'] as const) {
      review[change]?.forEach((entry, entryIndex) => {
        entry.items.forEach((id, itemIndex) => {
          const where = `control ${control.id}, mapReview.${name}.${change}: "${id}"`;
          let problem: string | undefined;
          if (!(id in framework.items)) problem = `${where} is not in frameworks.${name}.items; correct the identifier`;
          else if (named.has(id)) problem = `${where} is named twice in this review; keep one entry`;
          else if (change === 'remove' && !derived.has(id)) problem = `${where} is not a derived link (maps.${name} does not list it), so there is nothing to remove`;
          else if (change === 'add' && derived.has(id)) problem = `${where} is already a derived link (maps.${name} lists it); drop it from add`;
          named.add(id);
          if (problem) problems.push(source.problemAt([...at, change, entryIndex, 'items', itemIndex], problem));
        });
      });
    }
  }
}

/** The curated maps (derived minus removed plus added, in the order of the framework's items) and the review behind them. */
function curateMaps(raw: RawControl, frameworks: Record<string, Framework>): Pick<Control, 'maps' | 'mapReview'> {
  const maps = { ...(raw.maps ?? {}) };
  const mapReview: Record<string, MapReview> = {};
  const flatten = (entries: RawReviewedLinks[] = []): ReviewedLink[] => entries.flatMap(({ items, reason }) => items.map((id) => ({ id, reason })));
  for (const [name, review] of Object.entries(raw.mapReview ?? {})) {
    const derived = raw.maps?.[name] ?? [];
    const added = flatten(review.add);
    const removed = flatten(review.remove);
    const gone = new Set(removed.map((link) => link.id));
    const order = Object.keys(frameworks[name]?.items ?? {});
    maps[name] = [...derived.filter((id) => !gone.has(id)), ...added.map((link) => link.id)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    mapReview[name] = { derived, added, removed };
  }
  return { maps, mapReview };
}

function toControl(raw: RawControl, objectiveId: string, categoryId: string, line: number, frameworks: Record<string, Framework>): Control {
  return {
    kind: 'control',
    id: raw.id,
    title: raw.title,
    summary: raw.summary.trim(),
    health: raw.health?.trim(),
    essential: raw.essential === true,
    reason: raw.reason,
    elements: raw.elements.map(({ 'applies-to': appliesTo, ...element }) => ({
      ...element,
      aliases: element.aliases ?? [],
      evidence: element.evidence ?? [],
      ...(appliesTo ? { appliesTo } : {}),
    })),
    retiredElements: raw.retiredElements ?? [],
    ...curateMaps(raw, frameworks),
    objectiveId,
    categoryId,
    line,
  };
}
