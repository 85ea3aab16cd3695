/**
 * Wraps text at word boundaries to the terminal's width, keeping each line's indent on the
 * lines it continues to, so that a terminal never cuts a word in two.
 */
export function wrap(text: string, width: number): string {
  if (width < 20) return text;
  return text
    .split('\n')
    .map((line) => {
      const indent = /^\s*/.exec(line)![0];
      const words = line.slice(indent.length).split(/ +/);
      const out: string[] = [];
      let current = indent;
      for (const word of words) {
        const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
        if (current.trim() && visible(current) + 1 + visible(word) > width) {
          out.push(current);
          current = indent + word;
        } else current = current.trim() ? `${current} ${word}` : indent + word;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}
