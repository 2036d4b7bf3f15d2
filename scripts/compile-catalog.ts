// Build step: validates the built-in catalogs and writes each as JSON to dist/catalogs/, so the CLI,
// the server and each worker thread skip the YAML parse. The loader uses it only when its
// sourceHash matches the YAML beside it, so a stale file is never used.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUILT_IN_CATALOGS, builtInCatalogPath, type BuiltInCatalogName } from '../server/src/catalog/builtIn';
import { compiledCatalogPath, parseCatalog, sourceHash, type CompiledCatalog } from '../server/src/catalog/load';

for (const name of Object.keys(BUILT_IN_CATALOGS) as BuiltInCatalogName[]) {
  const source = builtInCatalogPath(name);
  const text = readFileSync(source, 'utf8');
  const catalog = parseCatalog(text, source);
  const compiled: CompiledCatalog = { sourceHash: sourceHash(text), info: catalog.info, categories: catalog.categories, frameworks: catalog.frameworks };
  const target = compiledCatalogPath(source);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(compiled));
}
