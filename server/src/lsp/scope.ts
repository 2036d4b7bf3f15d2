import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { isInside } from '../paths';
import { WorkspaceIndex } from '../workspace/index';
import type { PolicySet } from '../workspace/policySet';
import { DataFileError } from '../yaml/problem';
import type { ScopeParams } from '../protocol/customMessages';
import type { ServerContext } from './context';

/** The policy set a custom request is about, and its index narrowed to the documents under the requested folder. */
export interface RequestScope {
  set: PolicySet;
  index: WorkspaceIndex;
}

/** Resolves `{ uri }` (a folder or file; default the first workspace folder) to its policy set and documents. */
export function requestScope(context: ServerContext, params: ScopeParams | null | undefined): RequestScope {
  const { workspace } = context;
  const path = params?.uri ? workspace.pathOf(params.uri) : workspace.folders.paths()[0];
  if (params?.uri && !path) throw new ResponseError(ErrorCodes.InvalidParams, `Clausewise reads only files on this machine's disk (file: URIs), not ${params.uri}; open the folder from a local disk (or a local copy of it) and ask again`);
  const folder = path ?? process.cwd();
  const dir = existsSync(folder) && statSync(folder).isDirectory() ? folder : dirname(folder);
  let set: PolicySet;
  try {
    set = workspace.core.setForDirectory(dir);
  } catch (error) {
    if (error instanceof DataFileError) throw new ResponseError(ErrorCodes.InvalidRequest, `the ${error.kind} for ${folder} cannot be used: ${error.message}`);
    throw error;
  }
  const index = new WorkspaceIndex();
  for (const summary of set.index.policies()) if (isInside(summary.path, folder)) index.set(summary);
  return { set, index };
}
