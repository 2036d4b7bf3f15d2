import { existsSync, statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { isInside } from '../shared/paths';
import { computeControlCoverage, computeCoverage, type ControlCoverage, type CoverageReport } from '../model/coverage';
import { SummaryIndex } from '../model/summaryIndex';
import type { Control } from '../catalog/types';
import type { PolicySet } from '../engine/policySet';
import { DataFileError } from '../yaml/problem';
import type { ScopeParams } from '../protocol/customMessages';
import type { ServerContext } from './context';

/** The policy set a custom request is about, and its index narrowed to the documents under the requested folder. */
export interface RequestScope {
  set: PolicySet;
  /** The set's own index when the folder holds all its documents (its coverage is then cached), else a narrowed copy. */
  index: SummaryIndex;
}

/** The coverage of a request's scope: the set's cached coverage when the scope is the whole set. */
export function scopeCoverage(context: ServerContext, { set, index }: RequestScope): CoverageReport {
  const today = context.workspace.session.today(set);
  return index === set.index ? set.coverage.report(today).report : computeCoverage(index, set.catalog, set.config, today);
}

/** The control an id names in the set's catalog, or an InvalidParams error (naming `method`) that suggests the nearest ids. */
export function controlNamed(set: PolicySet, id: unknown, method: string): Control {
  const text = typeof id === 'string' ? id.trim() : '';
  if (!text) throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs the id of a control, for example { "id": "9.4.2" }`);
  const control = set.catalog.control(text);
  if (control) return control;
  const near = set.catalog.nearest(text, 3).map((candidate) => `${candidate.id} ${candidate.title}`);
  throw new ResponseError(ErrorCodes.InvalidParams, `"${text}" is not a control of ${set.catalog.info.name}${near.length ? `; did you mean ${near.join('; ')}?` : ''}`);
}

/** The coverage of one control in a request's scope: the set's cached coverage of it when the scope is the whole set, else computed from the documents naming it. */
export function scopeControlCoverage(context: ServerContext, { set, index }: RequestScope, control: Control): ControlCoverage {
  const today = context.workspace.session.today(set);
  return index === set.index ? set.coverage.control(control, today) : computeControlCoverage(index, control, set.config, today);
}

/** Resolves `{ uri }` (a folder or file; default the first workspace folder) to its policy set and documents. */
export function requestScope(context: ServerContext, params: ScopeParams | null | undefined): RequestScope {
  const { set, folder } = requestSet(context, params);
  const policies = set.index.policies();
  // A prefix test first: isInside resolves both paths, which counts on 10,000 documents.
  const prefix = folder.endsWith(sep) ? folder : `${folder}${sep}`;
  const inside = (path: string) => path.startsWith(prefix) || isInside(path, folder);
  if (policies.every((summary) => inside(summary.path))) return { set, index: set.index };
  const index = new SummaryIndex();
  for (const summary of policies) if (inside(summary.path)) index.set(summary);
  return { set, index };
}

/** Resolves `{ uri }` (a folder or file; default the first workspace folder) to its policy set, and the folder meant. */
export function requestSet(context: ServerContext, params: ScopeParams | null | undefined): { set: PolicySet; folder: string } {
  const { workspace } = context;
  const path = params?.uri ? workspace.pathOf(params.uri) : workspace.folders.paths()[0];
  if (params?.uri && !path) throw new ResponseError(ErrorCodes.InvalidParams, `Clausewise reads only files on this machine's disk (file: URIs), not ${params.uri}; open the folder from a local disk (or a local copy of it) and ask again`);
  const folder = path ?? process.cwd();
  const dir = existsSync(folder) && statSync(folder).isDirectory() ? folder : dirname(folder);
  let set: PolicySet;
  try {
    set = workspace.session.setForDirectory(dir);
  } catch (error) {
    if (error instanceof DataFileError) throw new ResponseError(ErrorCodes.InvalidRequest, `the ${error.kind} for ${folder} cannot be used: ${error.message}`);
    throw error;
  }
  return { set, folder };
}
