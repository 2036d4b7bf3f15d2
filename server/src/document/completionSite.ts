import type { PolicyDocument, Range } from './types';

/**
 * Where the cursor is, for completion. Read from the text around the cursor rather than the parsed
 * YAML, because the frontmatter is often invalid while it is being typed (`clauses: [9.4.`).
 * `prefix` is what is typed so far; `range` is what a completion replaces.
 */
export type CompletionSite =
  | { kind: 'key'; prefix: string; range: Range; present: string[]; colonFollows: boolean }
  | { kind: 'value'; key: string; prefix: string; range: Range; list: 'flow' | 'block' | 'scalar'; indent: string }
  | { kind: 'exclusion-key'; prefix: string; range: Range; newItem: boolean; indent: string }
  | { kind: 'soa-key'; prefix: string; range: Range; newItem: boolean; indent: string }
  | { kind: 'soa-reason'; prefix: string; range: Range }
  | { kind: 'heading'; depth: number; prefix: string; range: Range }
  | { kind: 'mention'; prefix: string; range: Range };

const TOP_KEY = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*)$/;
const MENTION_PREFIX = /(?:\bISO(?:\/IEC)?\s*(?:27799|27002)(?::\s*20\d\d)?\s*(?:§\s*)?|\b(?:27799|27002)(?::\s*20\d\d)?\s+(?:§\s*)?|§\s*)([\d.]*)$/;

/** The completion site at an offset, or undefined where Clausewise has nothing to offer. */
export function completionSiteAt(document: PolicyDocument, offset: number): CompletionSite | undefined {
  const { text, frontmatter } = document;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const tokenEnd = (pattern: RegExp) => offset + (pattern.exec(text.slice(offset))?.[0].length ?? 0);
  const span = (prefix: string, pattern = /^[\w.§-]*/) => ({ start: offset - prefix.length, end: tokenEnd(pattern) });
  if (frontmatter && offset >= frontmatter.contentRange.start && (offset < frontmatter.contentRange.end || !frontmatter.closed)) {
    const content = text.slice(frontmatter.contentRange.start, frontmatter.contentRange.end);
    if (/^[A-Za-z0-9_-]*$/.test(before)) {
      const present = [...content.matchAll(/^([A-Za-z0-9_-]+)[ \t]*:/gm)].map((match) => match[1]!);
      const range = span(before, /^[\w-]*/);
      return { kind: 'key', prefix: before, range, present, colonFollows: /^[ \t]*:/.test(text.slice(range.end)) };
    }
    const top = TOP_KEY.exec(before);
    if (top) return valueSite(top[1]!, top[2]!, span, '');
    const parent = parentKey(text, frontmatter.contentRange.start, lineStart);
    if (!parent) return undefined;
    if (parent.key === 'excludes') return exclusionSite(before, span);
    if (parent.key === 'applicability') return applicabilitySite(text, frontmatter.contentRange.start, lineStart, before, span);
    const item = /^(\s*-[ \t]+)(\S*)$/.exec(before);
    if (item) return { kind: 'value', key: parent.key, prefix: item[2]!, range: span(item[2]!), list: 'block', indent: item[1]! };
    if (parent.value.startsWith('[') && !text.slice(parent.valueStart, offset).includes(']')) {
      const prefix = before.slice(before.lastIndexOf(',') + 1).trimStart();
      return { kind: 'value', key: parent.key, prefix, range: span(prefix), list: 'flow', indent: '' };
    }
    return undefined;
  }
  if (frontmatter && offset < frontmatter.range.end) return undefined;
  const heading = /^(#{1,6})[ \t]+(.*)$/.exec(before);
  const lineRest = /^[^\r\n]*/.exec(text.slice(offset))![0];
  if (heading && lineRest.trim() === '') {
    return { kind: 'heading', depth: heading[1]!.length, prefix: heading[2]!, range: { start: offset - heading[2]!.length, end: offset + lineRest.length } };
  }
  const mention = MENTION_PREFIX.exec(before);
  if (mention) return { kind: 'mention', prefix: mention[1]!, range: span(mention[1]!, /^[\d.]*/) };
  return undefined;
}

type Span = (prefix: string, pattern?: RegExp) => Range;

function valueSite(key: string, value: string, span: Span, indent: string): CompletionSite | undefined {
  if (value.startsWith('[')) {
    if (value.includes(']')) return undefined;
    const prefix = value.slice(Math.max(value.lastIndexOf(','), 0) + 1).trimStart();
    return { kind: 'value', key, prefix, range: span(prefix), list: 'flow', indent };
  }
  if (/\s/.test(value.trim())) return undefined;
  return { kind: 'value', key, prefix: value, range: span(value), list: 'scalar', indent };
}

function exclusionSite(before: string, span: Span): CompletionSite | undefined {
  const clause = /^(\s*(?:-[ \t]+)?)clause[ \t]*:[ \t]*(\S*)$/.exec(before);
  if (clause) return { kind: 'value', key: 'excludes', prefix: clause[2]!, range: span(clause[2]!), list: 'scalar', indent: clause[1]! };
  const newItem = /^(\s*)-[ \t]+([a-z-]*)$/.exec(before);
  if (newItem) return { kind: 'exclusion-key', prefix: newItem[2]!, range: span(newItem[2]!, /^[\w-]*/), newItem: true, indent: newItem[1]! };
  const key = /^([ \t]+)([a-z-]*)$/.exec(before);
  if (key) return { kind: 'exclusion-key', prefix: key[2]!, range: span(key[2]!, /^[\w-]*/), newItem: false, indent: key[1]! };
  return undefined;
}

/**
 * Inside `applicability`: a control id after `control:`, a status after `status:`, a reason's kind
 * on an item under `reasons:`, else an entry's keys (on a new `- ` entry or an indented line).
 */
function applicabilitySite(text: string, contentStart: number, lineStart: number, before: string, span: Span): CompletionSite | undefined {
  const value = /^(\s*(?:-[ \t]+)?)(control|status)[ \t]*:[ \t]*(\S*)$/.exec(before);
  if (value) return { kind: 'value', key: value[2] === 'control' ? 'applicability' : 'applicability.status', prefix: value[3]!, range: span(value[3]!), list: 'scalar', indent: value[1]! };
  const item = /^(\s*)-[ \t]+([a-z-]*)$/.exec(before);
  if (item && underReasons(text, contentStart, lineStart, item[1]!.length)) return { kind: 'soa-reason', prefix: item[2]!, range: span(item[2]!, /^[\w-]*/) };
  if (item) return { kind: 'soa-key', prefix: item[2]!, range: span(item[2]!, /^[\w-]*/), newItem: true, indent: item[1]! };
  const key = /^([ \t]+)([a-z-]*)$/.exec(before);
  if (key) return { kind: 'soa-key', prefix: key[2]!, range: span(key[2]!, /^[\w-]*/), newItem: false, indent: key[1]! };
  return undefined;
}

/** True when the nearest line above that is indented less than `indent` is `reasons:` (the item is a reason). */
function underReasons(text: string, contentStart: number, lineStart: number, indent: number): boolean {
  let end = lineStart - 1;
  while (end > contentStart) {
    const start = Math.max(text.lastIndexOf('\n', end - 1) + 1, contentStart);
    const line = text.slice(start, end).replace(/\r$/, '');
    const lineIndent = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() !== '' && lineIndent < indent) return /^\s*(?:-[ \t]+)?reasons[ \t]*:\s*$/.test(line);
    end = start - 1;
  }
  return false;
}

/** The top-level key a continuation line belongs to (the nearest line above that starts `key:`). */
function parentKey(text: string, contentStart: number, lineStart: number): { key: string; value: string; valueStart: number } | undefined {
  let end = lineStart - 1;
  while (end > contentStart) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(Math.max(start, contentStart), end).replace(/\r$/, '');
    const match = TOP_KEY.exec(line);
    if (match) return { key: match[1]!, value: match[2]!.trim(), valueStart: Math.max(start, contentStart) + line.length - match[2]!.length };
    if (/^\S/.test(line) && !line.startsWith('-') && !line.startsWith('#')) return undefined;
    end = start - 1;
  }
  return undefined;
}
