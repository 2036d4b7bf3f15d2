import Ajv from 'ajv';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import configSchema from '../../../controls/schema/config.schema.json';
import type { Catalog } from '../catalog/catalog';
import { BUILT_IN_CATALOGS, builtInCatalogNames, builtInCatalogPath, isBuiltInCatalog } from '../catalog/builtIn';
import { bundledCatalogPath, loadCatalog } from '../catalog/load';
import type { SeveritySetting } from '../findings/types';
import { readRegularFile } from '../files/readFile';
import { isReallyInside, repositoryRoot } from '../files/confine';
import { dropPaths, readDataFile, type DataFile } from '../yaml/dataFile';
import { DataFileError, type SourceProblem } from '../yaml/problem';
import { parseDuration } from './duration';
import {
  CONFIG_FILE_NAMES, DEFAULT_LIMITS, DEFAULT_ORGANISATION_TYPE, DEFAULT_REQUIRED_FIELDS, DEFAULT_REVIEW_EVERY, type ElementMatchMode, type ElementOverride, type ResolvedConfig,
} from './types';
import type { Control, OrganisationType } from '../catalog/types';
import { didYouMean } from '../text/similar';
import { evidenceProblems } from '../policy/evidence';

/** A config is a page or two; the cap keeps a hostile one from costing seconds and gigabytes to read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

interface RawConfig {
  catalog?: string;
  include?: string[];
  exclude?: string[];
  rules?: Record<string, SeveritySetting>;
  'required-fields'?: string[];
  'review-every'?: string;
  'organisation-type'?: OrganisationType;
  /** `match` is the mode; every other key is a control id. */
  elements?: Record<string, ElementOverride> & { match?: ElementMatchMode };
  essential?: Record<string, boolean>;
  limits?: { 'parse-seconds'?: number; 'nesting-depth'?: number; 'emphasis-markers'?: number };
  today?: string;
}

let validator: ReturnType<Ajv['compile']> | undefined;
function validateConfig() {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(configSchema);
  return validator;
}

/** The configuration used when no config file is found: everything at its default. */
export function defaultConfig(root: string): ResolvedConfig {
  return {
    root,
    catalogPath: bundledCatalogPath(),
    include: [],
    exclude: [],
    rules: {},
    requiredFields: DEFAULT_REQUIRED_FIELDS,
    reviewEvery: DEFAULT_REVIEW_EVERY,
    elements: {},
    elementMatch: 'prose',
    organisationType: DEFAULT_ORGANISATION_TYPE,
    essential: {},
    limits: DEFAULT_LIMITS,
  };
}

/** The nearest config file at or above a folder, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads and validates a config file, and the catalog it names. Throws DataFileError naming the
 * file and line of every problem: a broken config never silently falls back to defaults.
 */
export function loadConfig(file: string, options: CatalogPolicy = {}): { config: ResolvedConfig; catalog: Catalog; ignored: SourceProblem[] } {
  let text: string;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString('utf8');
  } catch (error) {
    throw new DataFileError('config', [{ file, line: 1, column: 1, message: `cannot read the config: ${(error as Error).message}` }]);
  }
  return configFromText(text, file, options);
}

/**
 * Validates a config's text as if read from `file` (which need not be on disk: a config of a past
 * revision read through git), and loads the catalog it names. Throws DataFileError like loadConfig;
 * with `dropInvalid` (the editor) wrong entries are left out instead and returned as `ignored`.
 */
export function configFromText(text: string, file: string, options: CatalogPolicy = {}): { config: ResolvedConfig; catalog: Catalog; ignored: SourceProblem[] } {
  // An empty config (a blank file, or only comments) means every default, as an empty .eslintrc does.
  const source = readDataFile<RawConfig>(text, file, validateConfig(), 'config', { dropInvalid: options.dropInvalid, empty: {} });
  let raw = source.data;
  const root = dirname(file);
  const builtIn = options.catalog === undefined && raw.catalog !== undefined && isBuiltInCatalog(raw.catalog) ? raw.catalog : undefined;
  const named = options.catalog === undefined && builtIn === undefined ? raw.catalog : undefined;
  const catalogPath = options.catalog ?? (builtIn ? builtInCatalogPath(builtIn) : named ? (isAbsolute(named) ? named : resolve(root, named)) : bundledCatalogPath());
  // Confinement comes first: a config must not even learn whether a file outside exists.
  const confinedTo = options.confineCatalogTo ?? (options.confineToRepository ? [repositoryRoot(root)] : undefined);
  if (named && confinedTo && !isReallyInside(catalogPath, confinedTo)) {
    const where = options.confineCatalogTo ? 'the workspace folders' : `the repository that holds the config (${confinedTo[0]})`;
    throw new DataFileError('config', [
      source.problemAt(['catalog'], `catalog "${named}" is outside ${where}; Clausewise reads a config's catalog only from inside it. Move the catalog there${options.confineCatalogTo ? '' : ', or pass --catalog FILE to use a catalog you trust'}`),
    ]);
  }
  if (named && !existsSync(catalogPath)) {
    throw new DataFileError('config', [
      source.problemAt(['catalog'], `catalog file "${named}" does not exist (looked for ${catalogPath}); name a catalog file, or a built-in catalog: ${builtInCatalogNames()}${didYouMean(named, Object.keys(BUILT_IN_CATALOGS))}`),
    ]);
  }
  const catalog = loadCatalog(catalogPath);
  const problems = controlProblems(raw, catalog, source);
  if (problems.length > 0 && !options.dropInvalid) throw new DataFileError('config', problems.map(({ problem }) => problem));
  if (problems.length > 0) raw = dropPaths(raw, problems.map(({ drop }) => drop)) as RawConfig;
  const { match: elementMatch = 'prose', ...overrides } = raw.elements ?? {};
  const config: ResolvedConfig = {
    file,
    root,
    catalogPath,
    include: raw.include ?? [],
    exclude: raw.exclude ?? [],
    rules: raw.rules ?? {},
    requiredFields: raw['required-fields'] ?? DEFAULT_REQUIRED_FIELDS,
    reviewEvery: (raw['review-every'] && parseDuration(raw['review-every'])) || DEFAULT_REVIEW_EVERY,
    elements: overrides as Record<string, ElementOverride>,
    elementMatch,
    organisationType: raw['organisation-type'] ?? DEFAULT_ORGANISATION_TYPE,
    essential: raw.essential ?? {},
    limits: {
      parseSeconds: raw.limits?.['parse-seconds'] ?? DEFAULT_LIMITS.parseSeconds,
      nestingDepth: raw.limits?.['nesting-depth'] ?? DEFAULT_LIMITS.nestingDepth,
      emphasisMarkers: raw.limits?.['emphasis-markers'] ?? DEFAULT_LIMITS.emphasisMarkers,
    },
    today: raw.today,
  };
  return { config, catalog, ignored: [...source.dropped, ...problems.map(({ problem }) => problem)] };
}

/** Entries naming a control or element the catalog does not have, each with the part of the config to leave out. */
function controlProblems(raw: RawConfig, catalog: Catalog, source: DataFile<unknown>): { problem: SourceProblem; drop: (string | number)[] }[] {
  const problems: { problem: SourceProblem; drop: (string | number)[] }[] = [];
  const at = (path: (string | number)[], message: string, atKey = false, drop = path) => problems.push({ problem: source.problemAt(path, message, atKey), drop });
  const { match: _match, ...overrides } = raw.elements ?? {};
  for (const section of ['elements', 'essential'] as const) {
    for (const id of Object.keys((section === 'elements' ? overrides : raw[section]) ?? {})) {
      if (!catalog.control(id)) {
        at([section, id], `"${id}" is not a control of ${catalog.info.name}${didYouMean(id, catalog.controls.map((c) => c.id))}`, true);
      }
    }
  }
  for (const [id, override] of Object.entries(overrides as Record<string, ElementOverride>)) {
    const control = catalog.control(id);
    if (!control) continue;
    const known = control.elements.map((element) => element.id);
    for (const [index, waived] of (override.waive ?? []).entries()) {
      if (!known.includes(waived)) at(['elements', id, 'waive', index], unknownElement(control, waived, known));
    }
    const all = [...known, ...(override.add ?? []).map((element) => element.id), ...(override.replace ?? []).map((element) => element.id)];
    for (const key of ['aliases', 'evidence'] as const) {
      for (const elementId of Object.keys(override[key] ?? {})) {
        if (!all.includes(elementId)) at(['elements', id, key, elementId], unknownElement(control, elementId, all), true);
      }
    }
    // An element's own phrases are one group of alternatives; added elements carry groups of their own.
    for (const [elementId, phrases] of Object.entries(override.evidence ?? {})) {
      for (const { path: [, t], problem } of evidenceProblems([phrases])) at(['elements', id, 'evidence', elementId, t!], problem);
    }
    for (const key of ['add', 'replace'] as const) {
      (override[key] ?? []).forEach((element, index) => {
        for (const { path, problem } of evidenceProblems(element.evidence ?? [])) at(['elements', id, key, index, 'evidence', ...path], problem, false, ['elements', id, key, index]);
      });
    }
  }
  return problems;
}

/**
 * Why a control has no element of this id: one the baseline retired (replaced, or moved to another
 * control: say where it went, since the config was right before) or a plain typo (did you mean).
 */
function unknownElement(control: Control, elementId: string, known: string[]): string {
  const retired = control.retiredElements.find((entry) => entry.id === elementId);
  if (!retired) return `control ${control.id} has no element "${elementId}"${didYouMean(elementId, known)}`;
  const where = retired.movedTo
    ? `moved to control ${retired.movedTo} under the same id; put this entry under elements.${retired.movedTo}`
    : retired.replacedBy
      ? `was replaced by "${retired.replacedBy}" (${retired.reason.replace(/\.$/, '')}); name "${retired.replacedBy}" if it should apply to that element, or remove this entry`
      : `was retired (${retired.reason.replace(/\.$/, '')}); remove this entry`;
  return `control ${control.id} no longer has element "${elementId}": Clausewise's baseline changed and it ${where}`;
}

/** Where a config may take its catalog from, and a catalog that overrides the config's. */
export interface CatalogPolicy {
  /** Folders a config's `catalog` must stay inside (the editor's workspace folders). */
  confineCatalogTo?: string[];
  /** Keep a config's `catalog` inside the git repository holding the config (else its folder): the CLI's rule. */
  confineToRepository?: boolean;
  /** The file of a catalog the user named (`--catalog`, a built-in name already resolved): used for every document, whatever the config says. */
  catalog?: string;
  /**
   * Leave out the keys and entries that are wrong (each reported in `ignored`) and use the rest,
   * instead of refusing the config: the editor's choice, so a typo never stops the checking. A
   * config that does not parse, or whose catalog cannot be used, is still refused.
   */
  dropInvalid?: boolean;
}

