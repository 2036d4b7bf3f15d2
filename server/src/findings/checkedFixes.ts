import { readFrontmatter } from '../document/frontmatter';
import { applyFixes, firstAutomaticFix } from './applyFixes';
import { frontmatterKept } from './frontmatterKept';
import type { Finding, Fix } from './types';
import { findingKey } from './findingKey';

/** A document's text (without a byte-order mark) and what the rules found in it. */
export interface CheckedText {
  text: string;
  findings: Finding[];
  isPolicy: boolean;
}

/** An automatic fix and the finding it is meant to clear. */
export interface PlannedFix {
  finding: Finding;
  fix: Fix;
}

/** One round of automatic fixes applied in memory, before the result is checked. */
export interface FixRound {
  text: string;
  applied: PlannedFix[];
  /** Left out: applied with the others, their edits would break the frontmatter. */
  refused: PlannedFix[];
}

/** What a fix is, across re-checks of the same file: its finding's file, rule, clause, element and message, and its title. */
export function fixKey({ finding, fix }: PlannedFix): string {
  return `${findingKey(finding)}\0${fix.title}`;
}

/**
 * Applies the first automatic fix of each finding (as applyFixes: overlapping fixes wait for the
 * next round), except those named in `withheld` and those whose edits would break the frontmatter
 * (see frontmatterKept). Only fixes that reach into the frontmatter are tried one by one.
 */
export function fixRound(checked: CheckedText, withheld: ReadonlySet<string> = new Set()): FixRound {
  const candidates = checked.findings
    .flatMap((finding) => {
      const fix = firstAutomaticFix(finding);
      return fix ? [{ finding, fix }] : [];
    })
    .filter((planned) => !withheld.has(fixKey(planned)));
  const frontmatter = readFrontmatter(checked.text);
  // An edit after the frontmatter's closing fence cannot change it.
  const reach = frontmatter?.range.end ?? 0;
  const reachesFrontmatter = (planned: PlannedFix) => planned.fix.edits.some((edit) => edit.range.start <= reach);
  const accepted: PlannedFix[] = [];
  const refused: PlannedFix[] = [];
  for (const planned of candidates) {
    if (!reachesFrontmatter(planned)) {
      accepted.push(planned);
      continue;
    }
    const trial = [...accepted.filter(reachesFrontmatter), planned].map(({ fix }) => fix);
    const result = applyFixes(checked.text, trial);
    const edits = result.applied.flatMap((fix) => fix.edits);
    if (!result.applied.includes(planned.fix) || frontmatterKept(frontmatter, readFrontmatter(result.text), edits)) accepted.push(planned);
    else refused.push(planned);
  }
  const { text, applied } = applyFixes(checked.text, accepted.map(({ fix }) => fix));
  return { text, applied: accepted.filter(({ fix }) => applied.includes(fix)), refused };
}

/**
 * The fixes of a round that did not do their job, judged on the re-checked result: their finding is
 * still there (when one finding is reported several times, every fix for it fails unless enough
 * went), or the document stopped being a policy (every fix fails then).
 */
export function failedFixes(before: CheckedText, round: FixRound, after: CheckedText): PlannedFix[] {
  if (before.isPolicy && !after.isPolicy) return round.applied;
  const counted = (findings: Finding[]) => {
    const counts = new Map<string, number>();
    for (const finding of findings) counts.set(findingKey(finding), (counts.get(findingKey(finding)) ?? 0) + 1);
    return counts;
  };
  const was = counted(before.findings);
  const now = counted(after.findings);
  const cleared = counted(round.applied.map(({ finding }) => finding));
  return round.applied.filter(({ finding }) => {
    const key = findingKey(finding);
    return (now.get(key) ?? 0) > (was.get(key) ?? 0) - cleared.get(key)!;
  });
}

/** A round of fixes that passed their check, the ones held back, and the re-checked result. */
export interface CheckedRound {
  text: string;
  applied: PlannedFix[];
  /** Refused (they would break the frontmatter) or failed (their finding remained): the text is as if they were never tried. */
  withheld: PlannedFix[];
  /** The re-checked text, when any fix was applied. */
  after?: CheckedText;
}

/**
 * Fixes checked before they are kept: applies a round, re-checks the result with `recheck`, and
 * while some fix failed, applies the round again without it. Each retry holds back at least one more
 * fix, so this ends; `withheld` names fixes (fixKey) already known to fail.
 */
export function checkedFixRound(checked: CheckedText, recheck: (text: string) => CheckedText, withheld: ReadonlySet<string> = new Set()): CheckedRound {
  const skip = new Set(withheld);
  const held: PlannedFix[] = [];
  for (;;) {
    const round = fixRound(checked, skip);
    hold(round.refused);
    if (round.applied.length === 0) return { text: checked.text, applied: [], withheld: held };
    const after = recheck(round.text);
    const failed = failedFixes(checked, round, after);
    if (failed.length === 0) return { text: round.text, applied: round.applied, withheld: held, after };
    hold(failed);
  }

  function hold(fixes: PlannedFix[]): void {
    held.push(...fixes);
    for (const planned of fixes) skip.add(fixKey(planned));
  }
}
