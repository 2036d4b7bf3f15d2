import { dirname } from 'node:path';
import { commands, Uri, window, workspace } from 'vscode';
import { CoverageReportRequest, type CoverageReportFormat } from '../../../server/src/protocol/customMessages';
import type { Ctx } from '../ctx';

const FORMATS: { format: CoverageReportFormat; label: string; extensions: string[] }[] = [
  { format: 'html', label: 'HTML (heat map, searchable Statement of Applicability)', extensions: ['html'] },
  { format: 'markdown', label: 'Markdown (Statement of Applicability)', extensions: ['md'] },
  { format: 'csv', label: 'CSV (one row per control)', extensions: ['csv'] },
  { format: 'soa-xlsx', label: 'Excel: the Statement of Applicability with reasons, owners and status', extensions: ['xlsx'] },
  { format: 'soa-html', label: 'HTML: the Statement of Applicability, for printing to PDF', extensions: ['html'] },
  { format: 'soa-md', label: 'Markdown: the Statement of Applicability with reasons, owners and status', extensions: ['md'] },
  { format: 'soa-csv', label: 'CSV: the Statement of Applicability, one row per control', extensions: ['csv'] },
];

/** Saves the coverage report as HTML, Markdown or CSV, or the Statement of Applicability (also as Excel), rendered by the server's formatters; returns the file written. */
export function exportCoverageReport(ctx: Ctx) {
  return async (format?: CoverageReportFormat, target?: Uri | string): Promise<string | undefined> => {
    const chosen = format ?? (await window.showQuickPick(FORMATS.map((entry) => ({ ...entry, label: entry.format, description: entry.label })), { placeHolder: 'Export the coverage report as' }))?.format;
    if (!chosen) return undefined;
    const scope = ctx.scope();
    const folder = scope.uri ? Uri.parse(scope.uri) : workspace.workspaceFolders?.[0]?.uri;
    let rendered = await ctx.request(CoverageReportRequest, { ...scope, format: chosen, ...(folder ? { outputUri: folder.toString() } : {}) });
    const file =
      typeof target === 'string' ? Uri.file(target)
      : target ?? (await window.showSaveDialog({ defaultUri: rendered.suggestedUri ? Uri.parse(rendered.suggestedUri) : folder ? Uri.joinPath(folder, rendered.fileName) : undefined, filters: { [chosen]: FORMATS.find((entry) => entry.format === chosen)!.extensions }, title: 'Save the coverage report' }));
    if (!file) return undefined;
    // The HTML report links to the documents relative to where it is saved.
    if (chosen === 'html' && dirname(file.fsPath) !== folder?.fsPath) {
      rendered = await ctx.request(CoverageReportRequest, { ...scope, format: chosen, outputUri: Uri.file(dirname(file.fsPath)).toString() });
    }
    // The suggested reports folder may not exist yet.
    await workspace.fs.createDirectory(Uri.file(dirname(file.fsPath)));
    await workspace.fs.writeFile(file, rendered.encoding === 'base64' ? Buffer.from(rendered.content, 'base64') : new TextEncoder().encode(rendered.content));
    ctx.output.info(`Saved the ${chosen} coverage report to ${file.fsPath}.`);
    void window.showInformationMessage(`Clausewise saved the coverage report to ${file.fsPath}.`, 'Open').then((choice) => choice && commands.executeCommand('vscode.open', file));
    return file.fsPath;
  };
}
