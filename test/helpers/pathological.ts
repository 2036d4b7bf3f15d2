/**
 * Markdown on which remark's parse time grows faster than its size (issue #15): a line of 5,000
 * nested list markers (10 KB), 30 KB of nested emphasis, and a list nested 1,000 levels deep by
 * indentation (1 MB). Each took remark seconds to tens of seconds on this kind of machine.
 */
export const pathological: Record<string, string> = {
  'nested list markers': `${'- '.repeat(5000)}x\n`,
  'nested emphasis': `${'*_'.repeat(7500)}x${'_*'.repeat(7500)}\n`,
  'a 1,000-level list': `${Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n')}\n`,
};

/** A valid policy document whose body is `body`. */
export function pathologicalPolicy(body: string, id = 'POL-HOSTILE'): string {
  return `---\nid: ${id}\ntitle: Hostile\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.4.2]\n---\n# Hostile\n\n${body}`;
}
