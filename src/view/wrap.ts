const visibleLength = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;

/**
 * Wraps text at word boundaries to the terminal's width, so that a terminal never cuts a word
 * in two. A line continues at its own indent, or under the text after a mark ("  ! ", markHang)
 * or a label (" ◐ 3 Needs  ", given by `hang`) that it should line up with. Only plain
 * spaces break: French keeps « guillemets » and "46 jours" together with non-breaking ones, and
 * a command with its arguments is kept whole without them, as it is copied.
 */
export function wrap(text: string, width: number | undefined, hang?: (line: string) => number | undefined): string {
  if (width === undefined || width < 20) return text;
  return text
    .split('\n')
    .map((line) => {
      if (visibleLength(line) <= width) return line;
      const indent = /^ */.exec(line)![0];
      const hanging = hang?.(line) ?? markHang(line);
      // A label too wide for a narrow terminal: its continuation steps in a little instead.
      const next = hanging === undefined ? indent : ' '.repeat(hanging < width / 2 ? hanging : indent.length + 4);
      // Each word with the spaces before it, so that a column's padding survives on its line; a
      // command people copy ("→ adopt edit besoins") moves whole, never split across two lines.
      const words = line.slice(indent.length).match(/ *(?:(?:→ )?adopt(?: [^ ]+){1,2}|[^ ]+)/gu) ?? [];
      const out: string[] = [];
      let current = indent;
      for (const spaced of words) {
        const word = spaced.trimStart();
        if (current.trim() && visibleLength(current) + visibleLength(spaced) > width) {
          out.push(current);
          current = next + word;
        } else current = current.trim() ? current + spaced : current + word;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** An indented line that starts with a mark ("  ! ", "    → ", "  · ") goes on under the text after it. */
export function markHang(line: string): number | undefined {
  return /^ +[!→·•-] /u.exec(line.replace(/\u001b\[[0-9;]*m/g, ''))?.[0].length;
}

/** The width text may take at this output: none for a pipe or a file, whose reader wraps. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = {}): number | undefined {
  if (!stream.isTTY) return undefined;
  const columns = stream.columns || Number(env.COLUMNS) || 80;
  // One column spare: some terminals move to the next line when the last one is written.
  return columns - 1;
}
