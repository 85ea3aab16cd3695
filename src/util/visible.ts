/**
 * Text from a project file, an answer or a file name is shown, never obeyed: a terminal reads
 * control characters as commands (set the window title, move the cursor back over a warning,
 * hide what follows). Each one is written out as `\u{1b}` instead, so the user sees it and can
 * remove it. Tab and line feed are text.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visible(text: string): string {
  return text.replace(CONTROL, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/**
 * For text that mixes adopt's own styling with words: the colour and weight codes adopt writes
 * (chalk's, at level 1, for bold, dim, green, yellow, red, cyan) pass; every other control character
 * is shown. A second line of defence for views that style text: user text is made visible
 * where it is put into a message.
 */
const OWN_STYLE = /\u001b\[(?:1|2|22|31|32|33|36|39)m/y;

export function visibleKeepingStyle(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\u001b') continue;
    OWN_STYLE.lastIndex = i;
    const own = OWN_STYLE.exec(text);
    if (!own) continue;
    out += visible(text.slice(from, i)) + own[0];
    i += own[0].length - 1;
    from = i + 1;
  }
  return out + visible(text.slice(from));
}
