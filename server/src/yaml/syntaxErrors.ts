import type { YAMLError } from 'yaml';

/** A YAML syntax error in our words, placed where the problem starts (offsets into the source). */
export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

/**
 * The yaml parser's errors, said the way an author can act on them and placed at their cause: the
 * `[`, `{` or quote never closed (the parser notices only where the text runs out), the value that
 * holds ": ", the line indented wrongly. One problem per line the parser stopped on: its errors after
 * the first there follow from it. An error without a known cause keeps the parser's words.
 */
export function yamlSyntaxProblems(source: string, errors: readonly YAMLError[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const lines = new Set<number>();
  for (const error of errors) {
    // Where the parser stopped, not where the problem is placed: its later errors there follow from the first.
    const line = lineStartOf(source, error.pos[0]);
    if (lines.has(line)) continue;
    lines.add(line);
    problems.push(explain(source, error));
  }
  return problems;
}

function explain(source: string, error: YAMLError): SyntaxProblem {
  const [at, to] = error.pos;
  const text = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const lineStart = lineStartOf(source, at);
  const line = source.slice(lineStart, lineEndOf(source, at));
  const here = (message: string, start = at, end = Math.max(to, start + 1)) => ({ message, start, end: Math.min(end, source.length) });
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^\s:]+/.exec(source.slice(at))?.[0] ?? '';
      return here(`the key "${key}" appears twice; keep one`, at, at + Math.max(key.length, 1));
    }
    case 'BAD_INDENT': {
      const flow = /^Flow (sequence|map)/.exec(text);
      const opener = flow && unclosedOpener(source.slice(0, at), flow[1] === 'sequence' ? '[' : '{');
      if (opener !== undefined && opener !== null) {
        return flow![1] === 'sequence'
          ? here('this list is never closed: add ] after its last item', opener, opener + 1)
          : here('this mapping is never closed: add } after its last entry', opener, opener + 1);
      }
      break;
    }
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(text)?.[1];
      const opener = quote === undefined ? -1 : source.lastIndexOf(quote, at - 1);
      if (opener >= 0) return here(`this quoted text is never closed: add ${quote} at its end`, opener, lineEndOf(source, opener));
      break;
    }
    case 'TAB_AS_INDENT':
      return here('a tab indents this line; YAML needs spaces', lineStart, lineStart + line.length);
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const nested = /^\s*[^\s:#][^:#]*:\s+(\S[^#]*?:\s[^#]*?)\s*(#.*)?$/.exec(line);
      if (nested) return here(`this value holds ": ", which YAML reads as another key: put the value in quotes ("${nested[1]}")`, lineStart + line.indexOf(nested[1]!), lineStart + line.indexOf(nested[1]!) + nested[1]!.length);
      if (/^\s*-/.test(line)) return here('this list item is indented differently from the items above it; indent every item of a list alike', lineStart, lineStart + line.length);
      const next = nextLine(source, lineStart + line.length);
      if (next && indentOf(next.text) > indentOf(line)) return here('this line is indented more than the key above it, so YAML cannot tell where it belongs; indent it like the other keys', next.start + indentOf(next.text), next.start + next.text.length);
      break;
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      const glued = /^(\s*)([\w-]+):(\S.*)$/.exec(line);
      if (glued) return here(`put a space after the colon ("${glued[2]}: ${glued[3]}")`, lineStart + glued[1]!.length, lineStart + line.length);
      return here('YAML reads this line as part of a key; write one "key: value" per line', lineStart, lineStart + line.length);
    }
    case 'UNEXPECTED_TOKEN': {
      const token = /"([\]}])"/.exec(text)?.[1];
      if (token) return here(`this ${token} closes no ${token === ']' ? 'list' : 'mapping'}; remove it`);
      break;
    }
  }
  return here(`this is not valid YAML (${text})`);
}

/** The offset of the last `[` or `{` still open at the end of `before` (quotes and comments skipped), if any. */
function unclosedOpener(before: string, kind: '[' | '{'): number | undefined {
  const open: { char: string; at: number }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const char = before[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\n') quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = /[\s[{,:]/.test(before[i - 1] ?? ' ') ? char : undefined;
    else if (char === '#' && /\s/.test(before[i - 1] ?? ' ')) i = Math.max(i, before.indexOf('\n', i) === -1 ? before.length : before.indexOf('\n', i) - 1);
    else if (char === '[' || char === '{') open.push({ char, at: i });
    else if ((char === ']' || char === '}') && open.length) open.pop();
  }
  return [...open].reverse().find((entry) => entry.char === kind)?.at;
}

function lineStartOf(source: string, offset: number): number {
  return Math.max(source.lastIndexOf('\n', offset - 1) + 1, 0);
}

function lineEndOf(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  const stop = end === -1 ? source.length : end;
  return source[stop - 1] === '\r' ? stop - 1 : stop;
}

function nextLine(source: string, lineEnd: number): { start: number; text: string } | undefined {
  const start = source.indexOf('\n', lineEnd);
  if (start === -1 || start + 1 >= source.length) return undefined;
  return { start: start + 1, text: source.slice(start + 1, lineEndOf(source, start + 1)) };
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}
