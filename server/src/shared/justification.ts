/** Fewer words than this do not explain why a control does not apply (exclusion-invalid; the editor's input box asks as much). */
export const MIN_JUSTIFICATION_WORDS = 4;

/** How many words a justification has: its runs of non-space that hold a letter (a bare "N/A" or "-" is none). */
export function justificationWords(text: string | undefined): number {
  return text?.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word)).length ?? 0;
}
