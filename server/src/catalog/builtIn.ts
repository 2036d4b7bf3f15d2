import { packagePath } from '../packageRoot';

/** The catalogs that ship with Clausewise, by the name `catalog:` and `--catalog` accept. */
export const BUILT_IN_CATALOGS = {
  'iso27799-2016': 'iso27799-2016.yaml',
  'iso27002-2022': 'iso27002-2022.yaml',
} as const;

export type BuiltInCatalogName = keyof typeof BUILT_IN_CATALOGS;

/** The catalog used when nothing names one. */
export const DEFAULT_CATALOG: BuiltInCatalogName = 'iso27799-2016';

export function isBuiltInCatalog(name: string): name is BuiltInCatalogName {
  return Object.hasOwn(BUILT_IN_CATALOGS, name);
}

/** The file of a catalog that ships with Clausewise. */
export function builtInCatalogPath(name: BuiltInCatalogName = DEFAULT_CATALOG): string {
  return packagePath('controls', BUILT_IN_CATALOGS[name]);
}

/** "iso27799-2016 or iso27002-2022", for messages that say which names are built in. */
export function builtInCatalogNames(): string {
  return Object.keys(BUILT_IN_CATALOGS).join(' or ');
}
