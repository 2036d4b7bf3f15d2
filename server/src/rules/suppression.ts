import type { Suppression } from '../document/types';

/**
 * markdownlint-style suppression: `clausewise-disable-file`, `-disable`/`-enable` regions from the
 * comment's line on, and `-disable-next-line`. An empty rule list means every rule.
 */
export function isSuppressed(suppressions: Suppression[], ruleId: string, line: number): boolean {
  if (suppressions.length === 0) return false;
  const names = (suppression: Suppression) => suppression.rules.length === 0 || suppression.rules.includes(ruleId);
  let disabled = false;
  for (const suppression of suppressions) {
    if (!names(suppression)) continue;
    switch (suppression.kind) {
      case 'disable-file':
        return true;
      case 'disable-next-line':
        if (suppression.line + 1 === line) return true;
        break;
      case 'disable':
        if (suppression.line <= line) disabled = true;
        break;
      case 'enable':
        if (suppression.line <= line) disabled = false;
        break;
    }
  }
  return disabled;
}
