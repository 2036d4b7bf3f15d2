/**
 * An item a fix adds to a frontmatter list: a scalar as YAML writes it (`9.4.2`), or a mapping given
 * as its entries (`['clause: 11.1.5', 'justification: "…"']`), one per line in a block list and
 * `{…}` in a flow one.
 */
export type ListItem = string | readonly string[];

/** The item as a flow list holds it. */
export function flowItem(item: ListItem): string {
  return typeof item === 'string' ? item : `{${item.join(', ')}}`;
}

/** The item's lines in a block list whose items start with `dash` (`  - `): a mapping's later entries line up under its first. */
export function blockItem(item: ListItem, dash: string, newline: string): string {
  if (typeof item === 'string') return `${dash}${item}`;
  const under = ' '.repeat(dash.length);
  return item.map((entry, at) => `${at === 0 ? dash : under}${entry}`).join(newline);
}
