import type { Connection } from 'vscode-languageserver';
import { adoptFolder, adoptFolderRequestType } from './adoptFolder';
import { reported, type ServerContext } from './context';
import { controlPlaces, controlPlacesRequestType } from './controlPlaces';
import { excludeControlEdit, excludeControlEditRequestType } from './excludeControl';

/** Registers the requests of protocol/gapMessages.ts: adopt a folder, exclude a control, where could a control go. */
export function listenForGapRequests(connection: Connection, ctx: () => ServerContext): void {
  connection.onRequest(adoptFolderRequestType, reported(ctx, 'adopting the folder', (params, token) => adoptFolder(ctx(), params, token)));
  connection.onRequest(excludeControlEditRequestType, reported(ctx, 'excluding a control', (params, token) => excludeControlEdit(ctx(), params, token)));
  connection.onRequest(controlPlacesRequestType, reported(ctx, 'ranking documents for a control', (params, token) => controlPlaces(ctx(), params, token)));
}
