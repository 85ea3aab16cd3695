describe('wrapping for the terminal', () => {
  test('breaks between words, keeps the indent, never cuts a word', async () => {
    const { wrap } = await import('../../src/view/wrap.js');
    const text = '  The method has 8 steps. Today, steps 1 to 3 take about twenty minutes; the others can wait.';
    const lines = wrap(text, 30).split('\n');
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines.every((line) => line.startsWith('  '))).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.trim());
    expect(wrap('short', 30)).toBe('short');
  });
});
