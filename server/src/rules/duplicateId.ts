import { relative, dirname } from 'node:path';
import type { WorkspaceRule } from './types';

export const duplicateId: WorkspaceRule = {
  id: 'duplicate-id',
  description: 'Two documents share an id',
  severity: 'error',
  fixable: false,
  workspace: true,
  reads: ['same-id'],
  rationale:
    'Document ids are how `related`, coverage reports and auditors refer to a document, so each must be unique in the workspace. Every copy is reported, naming the others.',
  check({ summary, index, report }) {
    const id = summary.id;
    if (!id) return;
    const others = index.withId(id.value).filter((other) => other.path !== summary.path);
    if (others.length === 0) return;
    const names = others.map((other) => relative(dirname(summary.path), other.path) || other.path).join(', ');
    report({ message: `id "${id.value}" is also used by ${names}; give each document its own id`, range: id.range });
  },
};
