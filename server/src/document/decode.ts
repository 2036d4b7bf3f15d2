import type { ReadProblem } from './types';

/** Larger files are not parsed: a policy is tens of kilobytes, and parsing time grows with size. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Turns file bytes into text, saying why when they are not a readable UTF-8 Markdown file. */
export function decodeDocument(bytes: Uint8Array): { text: string; problem?: ReadProblem } {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return {
      text: '',
      problem: { kind: 'too-large', message: `the file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_DOCUMENT_BYTES / 1048576} MB Clausewise reads; split it or exclude it in .clausewise.yaml` },
    };
  }
  if (bytes.subarray(0, 8000).includes(0)) {
    return { text: '', problem: { kind: 'binary', message: 'the file is binary, not Markdown text; exclude it in .clausewise.yaml' } };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return {
      text: lossy.decode(bytes),
      problem: { kind: 'encoding', message: 'the file is not valid UTF-8 (invalid bytes were read as �); save it as UTF-8' },
    };
  }
}
