import type { SeveritySetting } from '../findings/types';

/** The server's settings (section `clausewise`), from initializationOptions and workspace/configuration. */
export interface Settings {
  /** Milliseconds to wait after the last change before checking a document again. */
  debounce: number;
  /** Catalog file for documents no .clausewise.yaml governs (absolute; the client checks it lies in the workspace). */
  catalog?: string;
  /** Rule severities for documents no .clausewise.yaml governs (a config file always wins, as in the CLI). */
  rules?: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: Settings = { debounce: 200 };

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/**
 * Reads settings from a client value: `{ clausewise: { debounce, catalog, rules } }` or the section
 * itself. Values that are missing or of the wrong type keep the current setting.
 */
export function readSettings(value: unknown, current: Settings): Settings {
  if (!value || typeof value !== 'object') return current;
  const record = value as Record<string, unknown>;
  const section = record.clausewise && typeof record.clausewise === 'object' ? (record.clausewise as Record<string, unknown>) : record;
  const { debounce, catalog, rules } = section;
  return {
    debounce: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : current.debounce,
    catalog: typeof catalog === 'string' ? catalog || undefined : current.catalog,
    rules: rules && typeof rules === 'object'
      ? Object.fromEntries(Object.entries(rules as Record<string, unknown>).filter((entry): entry is [string, SeveritySetting] => typeof entry[1] === 'string' && SEVERITIES.has(entry[1])))
      : current.rules,
  };
}

/** The part of the settings that changes what the checks find: a change means checking everything again. */
export function analysisSettings(settings: Settings): string {
  return JSON.stringify({ catalog: settings.catalog ?? null, rules: settings.rules ?? null });
}
