import type { DocumentRule } from './types';

export const unreadableFile: DocumentRule = {
  id: 'unreadable-file',
  description: 'A file is binary, not UTF-8, too large, or not a regular file (a FIFO, a device)',
  severity: 'error',
  fixable: false,
  workspace: false,
  scope: 'every-file',
  rationale:
    'Clausewise reads policy documents as UTF-8 Markdown of at most 2 MB. Binary files and larger files are not parsed; files with invalid UTF-8 are read with replacement characters so the rest of the document is still checked. A named pipe, device or socket where a document should be (or a link to one) is reported without being read, so it cannot hang a run or fill memory.',
  check({ document, report }) {
    if (!document.readProblem || document.readProblem.kind === 'too-complex') return;
    report({ message: document.readProblem.message, range: { start: 0, end: 0 } });
  },
};
