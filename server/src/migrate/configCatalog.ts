import { isMap, isScalar, parseDocument } from 'yaml';
import { isBuiltInCatalog } from '../catalog/builtIn';

/** How a config's `catalog` is switched: the new text, or why it is left for the user. */
export type CatalogSwitch = { text: string } | { unchanged: 'already' } | { manual: string };

/**
 * The config text with `catalog` set to a built-in catalog: the value rewritten in place, or the line added at
 * the end. Every other byte stays. A catalog file of the organisation's own, a JSON config or a config that does
 * not parse is left for the user, with the line to write.
 */
export function switchCatalog(text: string, file: string, name: string): CatalogSwitch {
  const line = `catalog: ${name}`;
  if (file.endsWith('.json')) return { manual: `set "catalog": "${name}" in ${file}` };
  const document = parseDocument(text);
  if (document.errors.length > 0 || !(isMap(document.contents) || document.contents === null)) return { manual: `${file} does not parse; add the line "${line}" once it does` };
  const pair = isMap(document.contents) ? document.contents.items.find((item) => isScalar(item.key) && item.key.value === 'catalog') : undefined;
  if (!pair) {
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    return { text: `${text}${text === '' || /[\r\n]$/.test(text) ? '' : newline}${line}${newline}` };
  }
  const value = pair.value;
  if (!isScalar(value) || typeof value.value !== 'string' || !value.range) return { manual: `${file}: set "${line}"` };
  if (value.value === name) return { unchanged: 'already' };
  if (!isBuiltInCatalog(value.value)) return { manual: `${file} names the catalog file "${value.value}"; Clausewise leaves it as it is: write "${line}" if the set should use the built-in one` };
  return { text: `${text.slice(0, value.range[0])}${name}${text.slice(value.range[1])}` };
}
