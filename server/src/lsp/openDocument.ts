import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { parsePolicyDocument } from '../document/parse';
import type { PolicyDocument } from '../document/types';
import type { SessionDocument } from '../engine/session';
import { afterIndexing, type ServerContext } from './context';

/** The document as Clausewise checks it, once indexing is over; a refusal says why there is none. */
export async function openEntry(context: ServerContext, uri: string, token: CancellationToken | undefined): Promise<SessionDocument> {
  await afterIndexing(context, token);
  const entry = await context.workspace.upToDate(uri);
  if (entry?.document) return entry;
  if (!uri.startsWith('file:')) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not a file on disk; save it in the workspace, then ask again`);
  const path = fileURLToPath(uri);
  if (context.workspace.session.isExcluded(path)) throw new ResponseError(ErrorCodes.InvalidParams, `${path} is left out by the \`exclude\` setting of its .clausewise.yaml, so Clausewise does not check it`);
  throw new ResponseError(ErrorCodes.InvalidParams, `${path} is not open in the editor; open it, then ask again`);
}

/** The parsed document of an entry: the one kept for a document open in the editor, else one parsed now from the text last read from disk. */
export function fullDocument(entry: SessionDocument): PolicyDocument {
  return entry.document ?? parsePolicyDocument(entry.path, entry.treeless.text, undefined, entry.set.config.limits);
}
