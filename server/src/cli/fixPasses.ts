import { failedFixes, fixKey, fixRound, type CheckedText, type FixRound, type PlannedFix } from '../findings/checkedFixes';
import { checkFiles, type BatchOptions, type FileResult } from '../engine/batch';
import { withBom } from '../text/bom';

/** Rounds of fixing: a fix can reveal another (a claimed clause whose sections are then missing). */
const MAX_PASSES = 5;

interface FileRound {
  before: CheckedText;
  round: FixRound;
  bom: boolean;
}

/**
 * The fixing of `--fix`, in memory: applies a round of automatic fixes to every file, re-checks them
 * all, and keeps a file's round only when each of its fixes passed its check (checkedFixes: its
 * finding is gone, the frontmatter is whole, the document is still a policy); a file where one
 * failed is fixed again without it and re-checked. Repeats while fixes apply. Fills `texts` (path →
 * fixed text, byte-order mark kept) and `counts` (fixes applied per file), and returns the last check,
 * where a fix that failed on a file's final text is no longer offered.
 */
export async function fixInMemory(paths: string[], options: BatchOptions, texts: Map<string, string>, counts: Map<string, number>): ReturnType<typeof checkFiles> {
  // Fixes that failed, with the text they failed on: tried again only once other fixes changed it.
  const withheld = new Map<string, { text: string; keys: Set<string> }>();
  const heldFor = (path: string, text: string) => {
    let held = withheld.get(path);
    if (held?.text !== text) withheld.set(path, (held = { text, keys: new Set() }));
    return held.keys;
  };
  const hold = (path: string, text: string, fixes: PlannedFix[]) => fixes.forEach((planned) => heldFor(path, text).add(fixKey(planned)));
  const rounds = new Map<string, FileRound>();
  const plan = (path: string, before: CheckedText, bom: boolean) => {
    const round = fixRound(before, heldFor(path, before.text));
    hold(path, before.text, round.refused);
    if (round.applied.length > 0 && round.text !== before.text) rounds.set(path, { before, round, bom });
    else rounds.delete(path);
  };
  let checked = await checkFiles(paths, { ...options, texts });
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    rounds.clear();
    for (const result of checked.results) {
      if (!result.document.readProblem) plan(result.path, checkedText(result), result.document.bom);
    }
    if (rounds.size === 0) break;
    for (let failed = true; failed; ) {
      const trial = new Map(texts);
      for (const [path, { round, bom }] of rounds) trial.set(path, withBom(round.text, bom));
      checked = await checkFiles(paths, { ...options, texts: trial, cache: undefined });
      failed = false;
      for (const result of checked.results) {
        const entry = rounds.get(result.path);
        const failures = entry ? failedFixes(entry.before, entry.round, checkedText(result)) : [];
        if (failures.length === 0) continue;
        failed = true;
        hold(result.path, entry!.before.text, failures);
        plan(result.path, entry!.before, entry!.bom);
      }
    }
    for (const [path, { round, bom }] of rounds) {
      texts.set(path, withBom(round.text, bom));
      counts.set(path, (counts.get(path) ?? 0) + round.applied.length);
    }
  }
  const results = checked.results.map((result) => {
    const held = withheld.get(result.path);
    return held?.text === result.document.text && held.keys.size > 0 ? withoutFixes(result, held.keys) : result;
  });
  return { ...checked, results };
}

function checkedText(result: FileResult): CheckedText {
  return { text: result.document.text, findings: result.findings, isPolicy: result.summary.isPolicy };
}

/** A result without the fixes that failed their check: its findings remain, but not as fixable. */
function withoutFixes(result: FileResult, withheld: ReadonlySet<string>): FileResult {
  return { ...result, findings: result.findings.map((finding) => ({ ...finding, fixes: finding.fixes.filter((fix) => !withheld.has(fixKey({ finding, fix }))) })) };
}
