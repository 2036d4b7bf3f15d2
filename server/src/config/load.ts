import Ajv from 'ajv';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import configSchema from '../../../controls/schema/config.schema.json';
import type { Catalog } from '../catalog/catalog';
import { bundledCatalogPath, loadCatalog } from '../catalog/load';
import type { SeveritySetting } from '../findings/types';
import { isInside } from '../paths';
import { readDataFile } from '../yaml/dataFile';
import { DataFileError, type SourceProblem } from '../yaml/problem';
import { parseDuration } from './duration';
import {
  CONFIG_FILE_NAMES, DEFAULT_LIMITS, DEFAULT_REQUIRED_FIELDS, DEFAULT_REVIEW_EVERY, type ElementMatchMode, type ElementOverride, type ResolvedConfig,
} from './types';
import { didYouMean } from '../text/similar';
import { evidenceProblems } from '../policy/evidence';

interface RawConfig {
  catalog?: string;
  include?: string[];
  exclude?: string[];
  rules?: Record<string, SeveritySetting>;
  'required-fields'?: string[];
  'review-every'?: string;
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
export function loadConfig(file: string, options: { confineCatalogTo?: string[] } = {}): { config: ResolvedConfig; catalog: Catalog } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError('config', [{ file, line: 1, column: 1, message: `cannot read the config: ${(error as Error).message}` }]);
  }
  const source = readDataFile<RawConfig | null>(text, file, validateConfig(), 'config');
  const raw = source.data ?? {};
  const root = dirname(file);
  const problems: SourceProblem[] = [];
  const catalogPath = raw.catalog ? (isAbsolute(raw.catalog) ? raw.catalog : resolve(root, raw.catalog)) : bundledCatalogPath();
  if (raw.catalog && !existsSync(catalogPath)) {
    throw new DataFileError('config', [source.problemAt(['catalog'], `catalog file "${raw.catalog}" does not exist (looked for ${catalogPath})`)]);
  }
  if (raw.catalog && options.confineCatalogTo && !isInsideAny(catalogPath, options.confineCatalogTo)) {
    throw new DataFileError('config', [
      source.problemAt(['catalog'], `catalog "${raw.catalog}" is outside the workspace (${catalogPath}); in the editor Clausewise reads catalogs only from inside the workspace folders`),
    ]);
  }
  const catalog = loadCatalog(catalogPath);
  const { match: elementMatch = 'prose', ...overrides } = raw.elements ?? {};
  for (const section of ['elements', 'essential'] as const) {
    for (const id of Object.keys((section === 'elements' ? overrides : raw[section]) ?? {})) {
      if (!catalog.control(id)) {
        problems.push(source.problemAt([section, id], `"${id}" is not a control of ${catalog.info.name}${didYouMean(id, catalog.controls.map((c) => c.id))}`, true));
      }
    }
  }
  for (const [id, override] of Object.entries(overrides as Record<string, ElementOverride>)) {
    const control = catalog.control(id);
    if (!control) continue;
    const known = control.elements.map((element) => element.id);
    for (const [index, waived] of (override.waive ?? []).entries()) {
      if (!known.includes(waived)) problems.push(source.problemAt(['elements', id, 'waive', index], `control ${id} has no element "${waived}"${didYouMean(waived, known)}`));
    }
    const all = [...known, ...(override.add ?? []).map((element) => element.id), ...(override.replace ?? []).map((element) => element.id)];
    for (const key of ['aliases', 'evidence'] as const) {
      for (const elementId of Object.keys(override[key] ?? {})) {
        if (!all.includes(elementId)) problems.push(source.problemAt(['elements', id, key, elementId], `control ${id} has no element "${elementId}"${didYouMean(elementId, all)}`, true));
      }
    }
    // An element's own phrases are one group of alternatives; added elements carry groups of their own.
    for (const [elementId, phrases] of Object.entries(override.evidence ?? {})) {
      for (const { path: [, t], problem } of evidenceProblems([phrases])) problems.push(source.problemAt(['elements', id, 'evidence', elementId, t], problem));
    }
    for (const key of ['add', 'replace'] as const) {
      (override[key] ?? []).forEach((element, index) => {
        for (const { path: at, problem } of evidenceProblems(element.evidence ?? [])) problems.push(source.problemAt(['elements', id, key, index, 'evidence', ...at], problem));
      });
    }
  }
  if (problems.length > 0) throw new DataFileError('config', problems);
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
    essential: raw.essential ?? {},
    limits: {
      parseSeconds: raw.limits?.['parse-seconds'] ?? DEFAULT_LIMITS.parseSeconds,
      nestingDepth: raw.limits?.['nesting-depth'] ?? DEFAULT_LIMITS.nestingDepth,
      emphasisMarkers: raw.limits?.['emphasis-markers'] ?? DEFAULT_LIMITS.emphasisMarkers,
    },
    today: raw.today,
  };
  return { config, catalog };
}

/** True when a path (symbolic links followed) lies inside one of the folders. */
function isInsideAny(path: string, folders: string[]): boolean {
  const real = (candidate: string) => {
    try {
      return realpathSync(candidate);
    } catch {
      return resolve(candidate);
    }
  };
  const target = real(path);
  return folders.map(real).some((folder) => isInside(target, folder));
}
