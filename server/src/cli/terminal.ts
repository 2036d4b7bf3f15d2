/** Output helpers: colour only when the stream is a TTY and NO_COLOR is unset. */
export interface Output {
  write(text: string): void;
  color: boolean;
  width: number;
}

export function stdoutOutput(): Output {
  const tty = process.stdout.isTTY === true;
  return {
    write: (text) => process.stdout.write(text),
    color: tty && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0',
    width: Math.min(process.stdout.columns ?? 100, 100),
  };
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], gray: [90, 39] } as const;
export type Style = keyof typeof CODES;

export function paint(output: Pick<Output, 'color'>, style: Style, text: string): string {
  if (!output.color) return text;
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Word-wraps text to a width, each line prefixed by indent. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
