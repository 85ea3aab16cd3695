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

  test('a step command moves whole to the next line: → adopt edit recherche is never split', async () => {
    const { wrap } = await import('../../src/view/wrap.js');
    const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;
    for (const line of [' ○ 4 Recherche d’outils            à faire → adopt edit recherche', ` ○ 4 Recherche d’outils            à faire${dim(' → adopt edit recherche')}`]) {
      for (let width = 40; width <= 62; width++) {
        const lines = wrap(line, width).replace(/\u001b\[[0-9;]*m/g, '').split('\n');
        expect([width, lines.some((l) => l.includes('→ adopt edit recherche'))]).toEqual([width, true]);
      }
    }
  });

  test('an example in a message stays on one line at any width: (15 mars 2027) is never cut', async () => {
    const { wrap } = await import('../../src/view/wrap.js');
    const { loadTranslator } = await import('../../src/i18n/index.js');
    for (const [lang, example] of [['fr', '(15\u00a0mars\u00a02027)'], ['en', '(15\u00a0March\u00a02027)']] as const) {
      const message = (await loadTranslator(lang))('prompt.badDate');
      for (let width = 30; width <= 100; width++) expect([lang, width, wrap(message, width).split('\n').some((line) => line.includes(example))]).toEqual([lang, width, true]);
    }
  });
});

describe('every printer wraps between words at 60 and 80 columns', () => {
  const longNames = {
    version: 1,
    language: 'fr',
    project: { title: 'Gestion des adhésions et des ateliers de réparation', organisation: 'Association Solidaire de Montreuil pour la réparation des vélos' },
    lead: { name: 'Camille Martin', skills: { projectManagement: 'none', facilitation: 'some' } },
    keyUsers: [
      { id: 'karim', name: 'Karim Benali-Chaouch', profile: 'daily' },
      { id: 'lea', name: 'Léa Dubois-Fontaine', profile: 'daily' },
    ],
    needs: { schedule: { milestones: [{ id: 'M2', name: 'Installation du logiciel dans les ateliers', date: '2027-05-01' }, { id: 'M3', name: 'Formation des bénévoles de l’accueil du samedi', date: '2027-03-15' }] } },
  };
  const words = (text: string) => text.split(/\s+/).filter(Boolean);

  test.each([
    [59, 'fr'],
    [79, 'fr'],
    [59, 'en'],
    [79, 'en'],
  ] as const)('status at %i columns (%s): no line longer, every word whole', async (width, lang) => {
    const { loadTranslator } = await import('../../src/i18n/index.js');
    const { statusReport } = await import('../../src/progress/status.js');
    const { printStatus } = await import('../../src/view/status.js');
    const { warningAdvice, warningMessage } = await import('../../src/view/warnings.js');
    const t = await loadTranslator(lang);
    const report = statusReport(longNames as never, 'adopt.yaml', '2027-03-16', (w) => ({ message: warningMessage(w, t, longNames), advice: warningAdvice(w, t) }));
    const plain = (_: string, text: string) => text;
    const unwrapped = printStatus(report, t, plain);
    const wrapped = printStatus(report, t, plain, { width });
    // The long lines were there to wrap, and wrapping moved words without cutting any.
    expect(unwrapped.split('\n').some((line) => line.length > width)).toBe(true);
    expect(wrapped.split('\n').filter((line) => line.length > width)).toEqual([]);
    expect(words(wrapped)).toEqual(words(unwrapped));
    if (lang === 'fr') expect(wrapped).toMatch(/\(dans 46\u00a0jours\)/);
    // A warning goes on under its text, not under its mark.
    expect(wrapped).toMatch(/ {2}! [^\n]+\n {4}\S/);
  });

  test('a column\'s padding survives on the line it stays on', async () => {
    const { wrap } = await import('../../src/view/wrap.js');
    const row = ' ◐ 3 Needs      in progress — missing: objectives, target users, budget lines and 5 more';
    const lines = wrap(row, 40, () => 16).split('\n');
    expect(lines[0]).toBe(' ◐ 3 Needs      in progress — missing:');
    expect(lines.slice(1).every((line) => line.startsWith(' '.repeat(16)) && line.length <= 40)).toBe(true);
  });
});
