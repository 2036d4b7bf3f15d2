import type { Connection } from 'vscode-languageserver';
import { adoptFolder } from './adoptFolder';
import { reported, type ServerContext } from './context';
import { controlPlaces } from './controlPlaces';
import { excludeControlEdit } from './excludeControl';
import { AdoptFolderRequest, ControlPlacesRequest, ExcludeControlEditRequest } from '../protocol/gapMessages';

/** Registers the requests of protocol/gapMessages.ts: adopt a folder, exclude a control, where could a control go. */
export function listenForGapRequests(connection: Connection, ctx: () => ServerContext): void {
  connection.onRequest(AdoptFolderRequest, reported(ctx, 'adopting the folder', (params, token) => adoptFolder(ctx(), params, token)));
  connection.onRequest(ExcludeControlEditRequest, reported(ctx, 'excluding a control', (params, token) => excludeControlEdit(ctx(), params, token)));
  connection.onRequest(ControlPlacesRequest, reported(ctx, 'ranking documents for a control', (params, token) => controlPlaces(ctx(), params, token)));
}
