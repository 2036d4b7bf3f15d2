import { realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { workspace, type WorkspaceFolder } from 'vscode';
import { isInside as isInsideByName } from '../../server/src/shared/paths';

/** The `clausewise` settings section as the client passes it to the server. */
export interface ServerSettings {
  /** Absolute path of the catalog to use instead of the bundled one (absent: the config's or the bundled catalog). */
  catalog?: string;
  /** Rule id → off | info | warning | error, over the config's `rules`. */
  rules: Record<string, RuleSeverity>;
  /** Milliseconds to wait after the last edit before checking a document again. */
  debounce: number;
}

type RuleSeverity = 'off' | 'info' | 'warning' | 'error';

/** Settings with the values the client refused to pass on, each with the message to show. */
interface CheckedSettings {
  settings: ServerSettings;
  refused: string[];
}

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];
const DEFAULT_DEBOUNCE = 200;

/** Reads `clausewise.*`; a workspace's catalog path that leaves the workspace (or any, when untrusted) is refused. */
export function readSettings(): CheckedSettings {
  const config = workspace.getConfiguration('clausewise');
  const refused: string[] = [];
  const debounce = config.get<number>('debounce', DEFAULT_DEBOUNCE);
  const rules: Record<string, RuleSeverity> = {};
  for (const [rule, severity] of Object.entries(config.get<Record<string, unknown>>('rules') ?? {})) {
    if (typeof severity === 'string' && SEVERITIES.includes(severity)) rules[rule] = severity as RuleSeverity;
    else refused.push(`Clausewise ignores clausewise.rules["${rule}"]: "${String(severity)}" is not one of ${SEVERITIES.join(', ')}.`);
  }
  const catalog = catalogPath(refused);
  return { settings: { ...(catalog ? { catalog } : {}), rules, debounce: Number.isFinite(debounce) && debounce >= 0 ? debounce : DEFAULT_DEBOUNCE }, refused };
}

function catalogPath(refused: string[]): string | undefined {
  const inspected = workspace.getConfiguration('clausewise').inspect<string>('catalog');
  const folders = workspace.workspaceFolders ?? [];
  const fromWorkspace = inspected?.workspaceFolderValue || inspected?.workspaceValue;
  if (fromWorkspace) {
    if (!workspace.isTrusted) {
      refused.push(`Clausewise ignores the workspace setting clausewise.catalog ("${fromWorkspace}") because this workspace is not trusted; the bundled catalog (or the one .clausewise.yaml names) is used. Trust the workspace, or set clausewise.catalog in your user settings.`);
      return userCatalog(inspected?.globalValue, folders);
    }
    const path = resolveCatalog(fromWorkspace, folders);
    if (path === fromWorkspace && BUILT_IN_CATALOG.test(path)) return path;
    if (!folders.some((folder) => isInside(path, folder.uri.fsPath))) {
      const where = folders.map((folder) => folder.uri.fsPath).join(', ') || 'no folder';
      refused.push(`Clausewise refuses the workspace setting clausewise.catalog: "${fromWorkspace}" resolves to ${path}, outside the workspace (${where}). A workspace may not point Clausewise at files outside it. Move the catalog into the workspace, or set clausewise.catalog in your user settings.`);
      return userCatalog(inspected?.globalValue, folders);
    }
    return path;
  }
  return userCatalog(inspected?.globalValue, folders);
}

/** The user's own setting is trusted: it may name any file. */
function userCatalog(value: string | undefined, folders: readonly WorkspaceFolder[]): string | undefined {
  return value ? resolveCatalog(value, folders) : undefined;
}

/** The catalogs that ship with Clausewise, passed on by name (the server knows their files). */
const BUILT_IN_CATALOG = /^iso27799-2016$|^iso27002-2022$/;

function resolveCatalog(value: string, folders: readonly WorkspaceFolder[]): string {
  if (BUILT_IN_CATALOG.test(value)) return value;
  const base = folders[0]?.uri.fsPath ?? process.cwd();
  const expanded = value.replace(/^\$\{workspaceFolder\}/, base);
  return isAbsolute(expanded) ? expanded : resolve(base, expanded);
}

/** Whether `path` is strictly inside `folder` once symbolic links are resolved (a link may not lead out of the workspace). */
function isInside(path: string, folder: string): boolean {
  const [real, base] = [realPath(path), realPath(folder)];
  return real !== base && isInsideByName(real, base);
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // A file that does not exist yet cannot be a link: its lexical path is what the server would open.
    return resolve(path);
  }
}
