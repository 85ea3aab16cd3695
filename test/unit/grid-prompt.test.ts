/** The grid: one choice per row on one screen, moved through with the arrows, answered with Enter. */
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { render } from '@inquirer/testing';
import { gridPrompt, gridLines, gridSummary, PAGE, type GridConfig, type GridView } from '../../src/wizard/grid-prompt.js';
import { inquirerPrompter } from '../../src/wizard/inquirer-prompter.js';
import { GoBack, type GridRow } from '../../src/wizard/prompter.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { makeStyle, type Style } from '../../src/view/style.js';

const plain: Style = (_colour, text) => text;
// Marks the styled parts, so that a test can see which choice is the row's own.
const marked: Style = (colour, text) => `[${colour}:${text}]`;
const profiles = ['Quotidien', 'Occasionnel', 'Administrateur', 'Encadrant', 'Bénévole'];
const text = { blank: '— à choisir —', keys: '↑↓ ligne · ←→ choix · ⏎ valider', unicode: true };

function config(start: number[], labels = ['Sophie Lambert', 'Karim Benali', 'Lucie Moreau']): GridConfig {
  return {
    message: 'Le profil de chacun',
    labels,
    choices: labels.map(() => profiles),
    hints: labels.map(() => profiles.map((p) => (p === 'Encadrant' ? 'encadre une équipe' : undefined))),
    start,
    width: 79,
    text,
    style: plain,
    pair: (label, choice) => `${label} : ${choice ?? '—'}`,
  };
}

describe('the grid prompt', () => {
  test('each row starts at its default, a row without one blank; Enter gives them back as they are', async () => {
    const { answer, events, getScreen } = await render(gridPrompt, config([0, -1, 4]));
    expect(getScreen()).toMatch(/❯ Sophie Lambert\s+‹ Quotidien ›/);
    expect(getScreen()).toMatch(/ {2}Karim Benali\s+‹ — à choisir — ›/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, -1, 4]);
  });

  test('→ on a blank row takes the first choice, ← steps back and wraps, Space changes nothing', async () => {
    const { answer, events, getScreen } = await render(gridPrompt, config([0, -1, -1]));
    events.keypress('down');
    events.keypress('right');
    expect(getScreen()).toMatch(/❯ Karim Benali\s+‹ Quotidien ›/);
    events.keypress('left');
    expect(getScreen()).toMatch(/❯ Karim Benali\s+‹ Bénévole ›/);
    events.keypress('down');
    events.keypress('space');
    events.keypress('right');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 4, 0]);
  });

  test('where each row needs its choice, Enter on a blank row goes to it and says so', async () => {
    const { answer, events, getScreen } = await render(gridPrompt, { ...config([0, -1, 1]), required: 'Chaque ligne attend son choix.' });
    events.keypress('enter');
    expect(getScreen()).toMatch(/❯ Karim Benali\s+‹ — à choisir — ›/);
    expect(getScreen()).toContain('Chaque ligne attend son choix.');
    events.keypress('right');
    expect(getScreen()).not.toContain('Chaque ligne attend son choix.');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 0, 1]);
  });

  test('↑ on the first row and ↓ on the last stay where they are', async () => {
    const { answer, events } = await render(gridPrompt, config([-1, -1, -1]));
    events.keypress('up');
    events.keypress('right');
    for (let i = 0; i < 5; i++) events.keypress('down');
    events.keypress('right');
    events.keypress('right');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, -1, 1]);
  });

  test('the line under the rows lists the current row’s choices, its own set apart, and its hint', async () => {
    const rows = { ...config([3, 0]), labels: ['Sophie', 'Karim'], choices: [profiles, ['Oui', 'Non']], hints: [profiles.map((p) => (p === 'Encadrant' ? 'encadre une équipe' : undefined)), [undefined, undefined]] };
    const { events, getScreen } = await render(gridPrompt, rows);
    expect(getScreen()).toContain('Quotidien · Occasionnel · Administrateur · Encadrant · Bénévole');
    expect(getScreen()).toContain('encadre une équipe');
    events.keypress('down');
    expect(getScreen()).toContain('Oui · Non');
    expect(getScreen()).not.toContain('Occasionnel');
    expect(getScreen()).not.toContain('encadre une équipe');
    const view: GridView = { labels: ['Sophie'], choices: [profiles], hints: [[]], picked: [1], active: 0 };
    expect(gridLines(view, 79, marked, text).join('\n')).toContain('Quotidien · [bold:[cyan:Occasionnel]] · Administrateur');
  });

  test('once answered, the question is followed by the answers alone', async () => {
    const { answer, events, getScreen } = await render(gridPrompt, config([0, -1, 1]));
    events.keypress('enter');
    await answer;
    const screen = getScreen();
    expect(screen).toContain('Le profil de chacun');
    // A row to a line: a choice may hold a comma or a dot of its own ("probabilité faible, impact fort").
    expect(screen).toContain('  Sophie Lambert : Quotidien\n  Karim Benali : —\n  Lucie Moreau : Occasionnel');
    expect(screen).not.toContain('‹');
    expect(screen).not.toContain('valider');
  });
});

describe('the grid layout', () => {
  const long = 'Marie-Christine de La Tour d’Auvergne-Lauragais, trésorière adjointe';
  const view: GridView = {
    labels: ['Sophie Lambert', long, 'Lucie'],
    choices: [profiles, [...profiles, 'Utilisatrice quotidienne du logiciel de comptabilité'], profiles],
    hints: [[], [], []],
    picked: [0, 5, -1],
    active: 1,
  };

  test.each([60, 80])('at %i columns no line is wider than the terminal, and a long label is cut, not the choice', (width) => {
    const lines = gridLines(view, width - 1, plain, text);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(width - 1);
    const rows = lines.slice(0, 3);
    expect(rows[1]).toMatch(/^❯ Marie-Christine.*… {2}‹/);
    expect(rows[1]).not.toContain('Auvergne-Lauragais, trésorière adjointe');
    // Labels line up: every row's choice starts in the same column.
    expect(new Set(rows.map((row) => row.indexOf('‹'))).size).toBe(1);
    expect(rows[0]!.indexOf('‹')).toBeLessThanOrEqual(Math.floor((width - 1) * 0.5) + 4);
    for (const line of gridSummary([`${long} : Quotidien`, 'Sophie Lambert : Bénévole'], width - 1, plain)) expect(line.length).toBeLessThanOrEqual(width - 1);
  });

  test('without Unicode the marks are ASCII', () => {
    const lines = gridLines(view, 59, plain, { ...text, unicode: false });
    expect(lines[1]).toMatch(/^> Marie.*\.\.\. {2}< Utilisatrice/);
    expect(lines.slice(0, 3).join('')).not.toMatch(/[❯‹›…]/);
  });

  test('more rows than a page: the rows around the cursor, with a mark where others are hidden', () => {
    const labels = Array.from({ length: 30 }, (_, i) => `Personne ${i + 1}`);
    const many: GridView = { labels, choices: labels.map(() => profiles), hints: [], picked: labels.map(() => -1), active: 20 };
    const lines = gridLines(many, 79, plain, text);
    const rows = lines.filter((line) => /Personne \d+ /.test(line));
    expect(rows).toHaveLength(PAGE);
    expect(rows.some((line) => line.startsWith('❯ Personne 21 '))).toBe(true);
    expect(lines[0]).toBe('  …');
    expect(lines[PAGE + 1]).toBe('  …');
    const top = gridLines({ ...many, active: 0 }, 79, plain, text);
    expect(top[0]).toMatch(/^❯ Personne 1 /);
  });
});

describe('the grid through the real prompter', () => {
  const rows: GridRow<string>[] = [
    { label: 'Sophie', choices: [{ value: 'daily', label: 'Daily' }, { value: 'weekly', label: 'Weekly' }], default: 'weekly' },
    { label: 'Karim', choices: [{ value: 'daily', label: 'Daily' }, { value: 'weekly', label: 'Weekly' }] },
    { label: 'Lucie', choices: [{ value: 'daily', label: 'Daily' }, { value: 'weekly', label: 'Weekly' }] },
  ];
  async function terminal(lang: 'en' | 'fr' = 'en') {
    const t = await loadTranslator(lang);
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    let shown = '';
    const output = Object.assign(new Writable({ write: (chunk: Buffer, _encoding, done) => ((shown += chunk.toString('utf8')), done()) }), { end: () => output, columns: 60 });
    const prompter = inquirerPrompter(t, await makeStyle({ env: {} }), output, { input, output }, true);
    return { prompter, input, shown: () => stripVTControlCharacters(shown) };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  test('arrow keys as a terminal sends them answer the rows; a blank row comes back undefined', async () => {
    const { prompter, input, shown } = await terminal('fr');
    const answer = prompter.grid({ message: 'Le rythme de chacun', help: 'Pour savoir qui former en premier.', rows });
    await settle();
    expect(shown()).toContain('Pour savoir qui former en premier.');
    expect(shown()).toContain('— à choisir —');
    expect(shown()).toContain('↑↓ ligne · ←→ choix · ⏎ valider');
    input.write('\x1b[B\x1b[C\x1b[C');
    await settle();
    input.write('\r');
    expect(await answer).toEqual(['weekly', 'weekly', undefined]);
    // French typography keeps the space before the colon unbreakable.
    expect(shown()).toMatch(/✔ Le rythme de chacun\n {2}Sophie\s:\sWeekly\n {2}Karim\s:\sWeekly\n {2}Lucie\s:\s—/);
  });

  test('Esc, where going back is offered, ends the grid with GoBack; Ctrl-C ends it as the other prompts do', async () => {
    const { prompter, input } = await terminal();
    prompter.back = true;
    const back = prompter.grid({ message: 'Rhythm', rows });
    await settle();
    input.write('\x1b');
    await expect(back).rejects.toBeInstanceOf(GoBack);
    const stopped = prompter.grid({ message: 'Rhythm', rows });
    await settle();
    input.write('\x03');
    await expect(stopped).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  test('a grid with no rows asks nothing', async () => {
    const { prompter, shown } = await terminal();
    await expect(prompter.grid({ message: 'Rhythm', rows: [] })).resolves.toEqual([]);
    expect(shown()).toBe('');
  });
});
