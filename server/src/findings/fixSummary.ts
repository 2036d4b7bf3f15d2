import type { PlannedFix } from './checkedFixes';
import type { Finding } from './types';

/** Most subjects a summary names before it says "and N more". */
const MAX_NAMED = 5;

/**
 * What fix-all did and what still needs the author, as one sentence: "inserted 8 section stubs
 * (write each TODO); made 2 other fixes; 9.4.9 and HX-NOPE-404 need you". `left` are the findings
 * of the fixed text; the empty sections the stubs themselves make (the fixes' `stubs`) are not counted as left.
 */
export function fixAllSummary(applied: PlannedFix[], left: Finding[], text: string): string {
  const stubs = applied.filter(({ fix }) => fix.stubs?.length);
  const inserted = new Set(stubs.flatMap(({ fix }) => fix.stubs!.map((stub) => `${stub.clause}/${stub.element}`)));
  const parts: string[] = [];
  if (inserted.size > 0) parts.push(`inserted ${inserted.size} section ${inserted.size === 1 ? 'stub' : 'stubs'} (write each TODO)`);
  const others = applied.length - stubs.length;
  if (others > 0) parts.push(`${parts.length ? 'made ' : 'applied '}${others} ${parts.length ? 'other ' : ''}${others === 1 ? 'fix' : 'fixes'}`);
  // A finding is the stubs' own when every element it names (a control's grouped finding names several) was just inserted.
  const open = left.filter((finding) => {
    const named = finding.elements?.map((element) => element.id) ?? (finding.element === undefined ? [] : [finding.element]);
    return !(named.length > 0 && named.every((element) => inserted.has(`${finding.clause}/${element}`)));
  });
  const subjects = [...new Set(open.map((finding) => subjectOf(finding, text)))];
  if (subjects.length === 0) parts.push('nothing else needs you');
  else {
    const named = subjects.slice(0, MAX_NAMED);
    const rest = subjects.length - named.length;
    const list = rest > 0 ? `${named.join(', ')} and ${rest} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]!;
    parts.push(`${list} ${subjects.length === 1 ? 'needs' : 'need'} you`);
  }
  return parts.join('; ');
}

/** What a finding is about, in a word: its clause, the short text it points at (an id in `related`), or its rule. */
function subjectOf(finding: Finding, text: string): string {
  if (finding.clause) return finding.clause;
  const target = text.slice(finding.range.start, finding.range.end).trim();
  return target.length > 0 && target.length <= 40 && !/[\r\n]/.test(target) && /[\p{L}\d]/u.test(target) ? target : finding.ruleId;
}
