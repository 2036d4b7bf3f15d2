import { readRegularFile, type FileReadError } from '../files/readFile';
import type { ReadProblem } from './types';

/** Larger files are not parsed: a policy is tens of kilobytes, and parsing time grows with size. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

// ignoreBOM keeps a byte-order mark in the text, so the parser can note it and --fix can write it back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

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

/**
 * Reads a file from disk as document text; a file that cannot be read becomes a read problem, not an
 * exception. The bytes read come back too, so a command that rewrites the file (adopt) can check
 * that nothing else changed it meanwhile.
 */
export function readDocumentFile(path: string): { text: string; problem?: ReadProblem; bytes?: Buffer } {
  try {
    const bytes = readRegularFile(path, MAX_DOCUMENT_BYTES);
    return { ...decodeDocument(bytes), bytes };
  } catch (error) {
    const { code, message } = error as FileReadError;
    if (code === 'EFBIG') return { text: '', problem: { kind: 'too-large', message: `${message}; split it or exclude it in .clausewise.yaml` } };
    if (code === 'ENOTREG') return { text: '', problem: { kind: 'unreadable', message: `cannot read the file: ${message}; remove it or exclude it in .clausewise.yaml` } };
    return { text: '', problem: { kind: 'unreadable', message: `cannot read the file (${code ?? message}); check that it exists and that you may read it, or exclude it in .clausewise.yaml` } };
  }
}
