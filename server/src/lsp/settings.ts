/** The server's settings (section `clausewise`), from initializationOptions and workspace/configuration. */
export interface Settings {
  /** Milliseconds to wait after the last change before checking a document again. */
  debounce: number;
}

export const DEFAULT_SETTINGS: Settings = { debounce: 200 };

/**
 * Reads settings from a client value: `{ clausewise: { debounce } }` or the section itself
 * (`{ debounce }`). Values that are missing or of the wrong type keep the current setting.
 */
export function readSettings(value: unknown, current: Settings): Settings {
  if (!value || typeof value !== 'object') return current;
  const record = value as Record<string, unknown>;
  const section = record.clausewise && typeof record.clausewise === 'object' ? (record.clausewise as Record<string, unknown>) : record;
  const debounce = section.debounce;
  return {
    debounce: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : current.debounce,
  };
}
