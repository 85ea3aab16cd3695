/** The checklist grid: several ticks per row on one screen, a column cursor moved with ←→, Space to tick. */
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { render } from '@inquirer/testing';
import { ticksPrompt, ticksLines, type TicksConfig, type TicksView } from '../../src/wizard/ticks-prompt.js';
import { inquirerPrompter } from '../../src/wizard/inquirer-prompter.js';
import { GoBack, ScriptedPrompter, type TicksRow } from '../../src/wizard/prompter.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { makeStyle, type Style } from '../../src/view/style.js';

const plain: Style = (_colour, text) => text;
const marked: Style = (colour, text) => `[${colour}:${text}]`;
const uses = ['le paramétrer', 'saisir des données', 'consulter', "l'utiliser au quotidien", "l'utiliser de temps en temps"];
const text = { blank: '— à choisir —', keys: '↑↓ ligne · ←→ choix · ␣ cocher · ⏎ valider', unicode: true };
// The choices line keeps a choice whole with non-breaking spaces: compared here as plain ones.
const spaced = (line: string) => line.replace(/\u00a0/g, ' ');

function config(start: number[][], labels = ['Secrétaire du bureau', 'Bénévoles d’accueil']): TicksConfig {
  return {
    message: 'Ce que chaque public fera de l’outil',
    labels,
    choices: labels.map(() => uses),
    hints: labels.map(() => uses.map((u) => (u === 'consulter' ? 'lire sans rien changer' : undefined))),
    start,
    width: 79,
    text,
    style: plain,
    pair: (label, choices) => `${label} : ${choices ?? '—'}`,
  };
}

describe('the checklist grid prompt', () => {
  test('each row shows its ticked choices, a row without any the blank marker; Enter gives them back as they are', async () => {
    const { answer, events, getScreen } = await render(ticksPrompt, config([[0, 4], []]));
    expect(getScreen()).toMatch(/^❯ Secrétaire du bureau {2}le paramétrer, l'utiliser de temps en temps$/m);
    expect(getScreen()).toMatch(/^ {2}Bénévoles d’accueil {3}— à choisir —$/m);
    // The current row's choices under the rows, each with its box, wrapped between choices.
    expect(spaced(getScreen())).toMatch(/^ {2}◉ le paramétrer {2}◯ saisir des données {2}◯ consulter {2}◯ l'utiliser au quotidien\n {2}◉ l'utiliser de temps en temps$/m);
    events.keypress('enter');
    await expect(answer).resolves.toEqual([[0, 4], []]);
  });

  test('Space ticks and unticks the choice under the column cursor; ←→ move it and stop at the ends', async () => {
    const { answer, events, getScreen } = await render(ticksPrompt, config([[], []]));
    events.keypress('left'); // already on the first choice: stays there
    events.keypress('space');
    expect(getScreen()).toMatch(/^❯ Secrétaire du bureau {2}le paramétrer$/m);
    events.keypress('right');
    events.keypress('right');
    events.keypress('space');
    expect(getScreen()).toMatch(/^❯ Secrétaire du bureau {2}le paramétrer, consulter$/m);
    expect(getScreen()).toContain('lire sans rien changer'); // the hint of the choice under the cursor
    events.keypress('left');
    events.keypress('left');
    events.keypress('space'); // unticks the first again
    for (let i = 0; i < 9; i++) events.keypress('right');
    events.keypress('space'); // the last choice: → stopped there
    events.keypress('enter');
    await expect(answer).resolves.toEqual([[2, 4], []]);
  });

  test('↓ keeps each row’s ticks and the column; ↑ on the first row and ↓ on the last stay where they are', async () => {
    const { answer, events, getScreen } = await render(ticksPrompt, config([[0], []]));
    events.keypress('up');
    events.keypress('right');
    events.keypress('space');
    events.keypress('down');
    events.keypress('down');
    expect(getScreen()).toMatch(/^ {2}Secrétaire du bureau {2}le paramétrer, saisir des données$/m);
    events.keypress('space'); // the same column, on the second row: saisir des données
    events.keypress('right');
    events.keypress('space');
    expect(getScreen()).toMatch(/^❯ Bénévoles d’accueil {3}saisir des données, consulter$/m);
    events.keypress('enter');
    await expect(answer).resolves.toEqual([[0, 1], [1, 2]]);
  });

  test('once answered, the question is followed by each row with its ticked choices, as the grid does', async () => {
    const { answer, events, getScreen } = await render(ticksPrompt, config([[0, 4], []]));
    events.keypress('enter');
    await answer;
    expect(getScreen()).toMatch(/^ {2}Secrétaire du bureau : le paramétrer, l'utiliser de temps en temps\n {2}Bénévoles d’accueil : —$/m);
    expect(getScreen()).not.toContain('◯');
    expect(getScreen()).not.toContain('cocher');
  });
});

describe('the checklist grid layout', () => {
  const long = 'Membres du conseil d’administration et des commissions thématiques';
  const view: TicksView = {
    labels: ['Secrétaire du bureau', long, 'Bénévoles'],
    choices: [uses, [...uses, 'tenir la comptabilité des adhésions et des cotisations de toutes les antennes locales'], uses],
    hints: [[], [], []],
    ticked: [[true], [true, true, true, true, true, true], []],
    active: 1,
    column: 5,
  };

  test.each([60, 80])('at %i columns no line is wider than the terminal; a long label and a long list of ticks are cut', (width) => {
    const lines = ticksLines(view, width - 1, plain, text);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(width - 1);
    expect(lines[1]).toMatch(/^❯ Membres du conseil.*… {2}le paramétrer, saisir des.*…$/);
    // Labels line up: every row's ticks start in the same column.
    expect(new Set(lines.slice(0, 3).map((line) => line.search(/(le paramétrer|— à choisir —)/))).size).toBe(1);
    // Each choice keeps its box with it, and moves to the next line whole.
    const choices = lines.slice(3, -1).map(spaced);
    expect(choices.length).toBeGreaterThan(1);
    for (const line of choices) expect(line).toMatch(/^ {2}[◉◯] /);
  });

  test('the choice under the column cursor is set apart, a ticked one shows its box in green; without Unicode the boxes are ASCII', () => {
    const styled = ticksLines({ ...view, active: 0, column: 1 }, 79, marked, text).map(spaced).join('\n');
    expect(styled).toContain('[green:◉] le paramétrer  [bold:[cyan:◯ saisir des données]]  ◯ consulter');
    const ascii = ticksLines({ ...view, active: 0, column: 0 }, 79, plain, { ...text, unicode: false }).map(spaced);
    expect(ascii[0]).toMatch(/^> Secrétaire/);
    expect(ascii[3]).toMatch(/^ {2}\[x\] le paramétrer {2}\[ \] saisir des données/);
    expect(ascii.join('')).not.toMatch(/[❯◉◯…]/);
  });

  test('a column beyond a shorter row is kept to its last choice', () => {
    const lines = ticksLines({ ...view, active: 0, column: 5 }, 79, marked, text).map(spaced).join('\n');
    expect(lines).toContain("[bold:[cyan:◯ l'utiliser de temps en temps]]");
  });
});

describe('the checklist grid through the prompters', () => {
  const rows: TicksRow<string>[] = [
    { label: 'Board', choices: [{ value: 'configure', label: 'configure it' }, { value: 'consult', label: 'look things up' }], default: ['configure'] },
    { label: 'Volunteers', choices: [{ value: 'configure', label: 'configure it' }, { value: 'consult', label: 'look things up' }] },
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

  test('keys as a terminal sends them tick the rows; the answer is each row’s values', async () => {
    const { prompter, input, shown } = await terminal('fr');
    const answer = prompter.ticks({ message: 'Ce que chaque public fera de l’outil', rows });
    await settle();
    expect(shown()).toContain('↑↓ ligne · ←→ choix · Espace cocher · ⏎ valider');
    input.write('\x1b[B \x1b[C ');
    await settle();
    input.write('\r');
    expect(await answer).toEqual([['configure'], ['configure', 'consult']]);
    expect(shown()).toMatch(/✔ Ce que chaque public fera de l’outil\n {2}Board\s:\sconfigure it\n {2}Volunteers\s:\sconfigure it, look\s+things up/);
  });

  test('Esc, where going back is offered, ends it with GoBack; Ctrl-C as the other prompts do; no rows, nothing asked', async () => {
    const { prompter, input, shown } = await terminal();
    await expect(prompter.ticks({ message: 'Uses', rows: [] })).resolves.toEqual([]);
    expect(shown()).toBe('');
    prompter.back = true;
    const back = prompter.ticks({ message: 'Uses', rows });
    await settle();
    input.write('\x1b');
    await expect(back).rejects.toBeInstanceOf(GoBack);
    const stopped = prompter.ticks({ message: 'Uses', rows });
    await settle();
    input.write('\x03');
    await expect(stopped).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  test("scripted: one array per row, '' keeping a row's ticks, a label taken for its value, a wrong value refused", async () => {
    const prompter = new ScriptedPrompter(['', ['', ['look things up', 'configure']], [['feed']]]);
    await expect(prompter.ticks({ message: 'Uses', rows })).resolves.toEqual([['configure'], []]);
    await expect(prompter.ticks({ message: 'Uses', rows })).resolves.toEqual([['configure'], ['consult', 'configure']]);
    await expect(prompter.ticks({ message: 'Uses', rows })).rejects.toThrow('scripted answer feed is not a choice of row "Board" of "Uses"');
  });
});
