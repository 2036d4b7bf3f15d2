import type { Catalog } from './catalog';
import { clauseParts, normalizeClauseId } from './clauseId';
import type { Clause, Control } from './types';
import { editDistance } from '../text/similar';

const STOP_WORDS = new Set(['and', 'the', 'for', 'of', 'with', 'from', 'policy', 'policies', 'information', 'security']);

/** Nearest clauses to a mistyped id (same parent first, then nearest number) or to title words. */
export function suggestClauses(catalog: Catalog, text: string, limit: number): Clause[] {
  const id = normalizeClauseId(text) ?? looseId(text);
  return id !== undefined ? byNumber(catalog, id, limit) : byWords(catalog, text, limit);
}

/** "9.42" or "9,4,2" still read as numbers, so they can be compared digit by digit. */
function looseId(text: string): string | undefined {
  const match = /^\s*(?:§|A\.)?\s*(\d+(?:[.,]\d+)+)\s*$/.exec(text);
  return match ? match[1]!.replace(/,/g, '.') : undefined;
}

function byNumber(catalog: Catalog, id: string, limit: number): Clause[] {
  const wanted = clauseParts(id);
  const digits = wanted.join('');
  const pool: Clause[] = wanted.length >= 3 ? catalog.controls : wanted.length === 2 ? catalog.objectives : catalog.categories;
  const scored = [...catalog.controls, ...catalog.objectives, ...catalog.categories].map((clause) => {
    const parts = clauseParts(clause.id);
    let prefix = 0;
    while (prefix < wanted.length && parts[prefix] === wanted[prefix]) prefix++;
    const gap = Math.abs((parts[prefix] ?? 0) - (wanted[prefix] ?? 0));
    let score = prefix * 10 - Math.min(gap, 9) * 0.5;
    if (parts.join('') === digits) score += 25;
    else if (editDistance(clause.id, id, 1) <= 1) score += 12;
    if (!pool.includes(clause) && parts.join('') !== digits) score -= 100;
    return { clause, score };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.clause.id.localeCompare(b.clause.id, 'en', { numeric: true }))
    .slice(0, limit)
    .map((entry) => entry.clause);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}

function byWords(catalog: Catalog, text: string, limit: number): Clause[] {
  const query = words(text);
  if (query.length === 0) return [];
  const matches = (vocabulary: string[]) =>
    query.filter((word) => vocabulary.some((known) => known.startsWith(word) || word.startsWith(known))).length;
  return catalog.controls
    .map((control: Control) => ({
      clause: control,
      score:
        matches(words(control.title)) * 2 +
        matches(control.elements.flatMap((element) => words([element.title, ...element.aliases].join(' ')))),
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.clause.id.localeCompare(b.clause.id, 'en', { numeric: true }))
    .slice(0, limit)
    .map((entry) => entry.clause);
}
