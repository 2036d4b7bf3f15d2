/** True when the text starts with a byte-order mark (U+FEFF). */
export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/** The text without its byte-order mark, if it has one. */
export function withoutBom(text: string): string {
  return hasBom(text) ? text.slice(1) : text;
}

/** The text with a byte-order mark in front when `bom` is true (to write back a file that had one). */
export function withBom(text: string, bom: boolean): string {
  return (bom ? '\uFEFF' : '') + text;
}
