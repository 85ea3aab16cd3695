/**
 * `adopt init` driven for real, in a pseudo-terminal: the built command runs inside a detached
 * tmux session, keys are sent with `tmux send-keys` and the screen is read with `capture-pane`.
 * This is what a user sees: inquirer's raw-mode prompts, Ctrl-C, the exit code, the file left.
 *
 * Needs tmux on the PATH (the terminal tests are skipped otherwise, and fail in CI) and a build
 * (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { root, tempDir, TODAY } from '../helpers.js';
import { describeWith } from './tools.js';

const bin = path.join(root, 'bin/adopt.js');
const built = path.join(root, 'dist/main.js');

const tmuxCheck = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
const hasTmux = !tmuxCheck.error && tmuxCheck.status === 0;
// In CI tmux is installed by .ci/run: its absence is a failure there, not a skip.
const describeTmux = describeWith(hasTmux, 'the terminal tests of adopt init and evaluate need tmux on the PATH (apt-get install tmux).');

/**
 * A tmux server of our own (its socket in the temp folder, removed at the end), without the user's
 * configuration (-f /dev/null), UTF-8 forced (-u). It ends by itself when its last session is killed.
 */
const socket = path.join(tmpdir(), `adopt-tmux-${process.pid}.sock`);
const tmuxEnv: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
delete tmuxEnv.TMUX;
delete tmuxEnv.LC_ALL;

function tmux(...args: string[]) {
  return spawnSync('tmux', ['-S', socket, '-f', '/dev/null', '-u', ...args], { encoding: 'utf8', env: tmuxEnv });
}

/** Sessions opened by the running test, closed in afterEach whatever happened. */
const sessions = new Set<string>();
let sessionCount = 0;

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Starts `adopt init ...args` in `dir`, in a 120×50 terminal. The pane stays open after the command
 * ends (`sleep 60`), with the exit code written on the screen as EXIT=n.
 */
function start(dir: string, options: { lang: string; args: string[]; command?: string; width?: number }): string {
  const name = `adopt-pty-${process.pid}-${++sessionCount}`;
  const command = [
    `unset LC_ALL LC_MESSAGES`,
    `cd ${quote(dir)} || exit 1`,
    `ADOPT_TODAY=${TODAY} LANG=${quote(options.lang)} ${quote(process.execPath)} ${quote(bin)} ${options.command ?? 'init'} ${options.args.map(quote).join(' ')}`,
    `echo "EXIT=$?"`,
    `sleep 60`,
  ].join('; ');
  const open = () => tmux('new-session', '-d', '-s', name, '-x', String(options.width ?? 120), '-y', '50', command);
  // The server quits with its last session; a session opened just then meets it quitting.
  let result = open();
  if (result.status !== 0 && /server exited unexpectedly/.test(result.stderr)) result = open();
  if (result.status !== 0) throw new Error(`tmux new-session failed: ${result.stderr}`);
  sessions.add(name);
  return name;
}

function stop(name: string): void {
  tmux('kill-session', '-t', name);
  sessions.delete(name);
}

/** The whole screen, history included, with wrapped lines joined back (-J) and no colours. */
function screen(name: string): string {
  const result = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name);
  if (result.status !== 0) throw new Error(`tmux capture-pane failed: ${result.stderr}`);
  return result.stdout.replace(/\s+$/, '\n');
}

/** Polls the screen every 100 ms until it matches; fails with the screen as it was. */
async function waitFor(name: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      last = screen(name);
      if (pattern.test(last)) return last;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${pattern} on the screen of ${name}:\n${'-'.repeat(60)}\n${last}${'-'.repeat(60)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function keys(name: string, ...names: string[]): void {
  const result = tmux('send-keys', '-t', name, ...names);
  if (result.status !== 0) throw new Error(`tmux send-keys failed: ${result.stderr}`);
}

/** Types text literally (-l: no key names, any character), then Enter. */
function type(name: string, text: string): void {
  const result = tmux('send-keys', '-t', name, '-l', text);
  if (result.status !== 0) throw new Error(`tmux send-keys failed: ${result.stderr}`);
  keys(name, 'Enter');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The open question: inquirer shows "? Message" while it waits, "✔ Message answer" once answered. */
const asking = (message: string) => new RegExp(`^\\? ${escape(message)}`, 'm');

/** Waits for a text question, then answers it. */
async function answer(name: string, message: string, text: string): Promise<void> {
  await waitFor(name, asking(message));
  type(name, text);
}

/** Waits for a select, moves down `downs` times, checks the cursor is on `label`, then Enter. */
async function choose(name: string, message: string, downs: number, label: string): Promise<void> {
  await waitFor(name, asking(message));
  if (downs > 0) keys(name, ...Array.from({ length: downs }, () => 'Down'));
  await waitFor(name, new RegExp(`^❯ ${escape(label)}$`, 'm'));
  keys(name, 'Enter');
}

/** Ctrl-C, then the exit code as the shell saw it. */
async function interrupt(name: string): Promise<{ code: number; screen: string }> {
  keys(name, 'C-c');
  const shown = await waitFor(name, /^EXIT=\d+$/m);
  return { code: Number(/^EXIT=(\d+)$/m.exec(shown)![1]), screen: shown };
}

/** The screen as one line per paragraph: a long message wraps at the terminal's width. */
const flat = (screen: string) => screen.replace(/[ \t]*\n[ \t]*(?=\S)/g, ' ');

const stackTrace = /^\s+at .+:\d+:\d+\)?$|\b(TypeError|ReferenceError|ExitPromptError|AbortPromptError)\b|node:internal/m;

describeTmux(hasTmux ? 'adopt init in a real terminal (tmux)' : 'adopt init in a real terminal: SKIPPED, tmux is not on the PATH', () => {
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(() => {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build before these tests.`);
  });

  afterEach(async () => {
    for (const name of [...sessions]) stop(name);
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  afterAll(() => {
    for (const name of [...sessions]) stop(name);
    rmSync(socket, { force: true });
  });

  test('English: steps 1 and 2 answered, Ctrl-C in step 3 keeps them and the objective begun, and the next run resumes with it', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'adopt.yaml');

    const first = start(dir, { lang: 'C.UTF-8', args: ['--lang', 'en'] });
    await waitFor(first, /^Welcome to adopt\./m);

    // Step 1: the lead.
    await answer(first, 'Project title', 'Shared gardens');
    await answer(first, 'Organisation', 'Les Jardins du Quartier');
    // The summary is a detail: init's first pass leaves it for adopt edit.
    await answer(first, "Project lead's name", 'Camille Martin');
    await answer(first, 'Role in the organisation', 'Coordinator');
    await answer(first, 'Contact (e-mail or phone)', 'camille@');
    await waitFor(first, /This e-mail address looks incomplete/);
    keys(first, 'C-u'); // clears the line, as in any readline
    type(first, 'camille@jardins.org');
    await waitFor(first, /^✔ Contact \(e-mail or phone\) camille@jardins\.org$/m);
    // Both skills in one menu of nine pairs.
    await choose(first, 'Project management and group facilitation', 5, 'project management some, facilitation strong');
    await answer(first, 'Time available', 'Half a day a week');
    await waitFor(first, /^Saved in adopt\.yaml\.$/m);

    // Step 2: two key users with different profiles.
    await waitFor(first, /^Step 2 of 8 · Key users$/m);
    // The role typed with the name: its question is passed.
    await answer(first, 'Name', 'Alice Durand, Volunteer');
    await waitFor(first, /^Understood: Alice Durand · Volunteer\.$/m);
    await answer(first, 'Name', 'Bob Petit');
    await answer(first, 'Role or team', 'Treasurer');
    // The list has what the method needs: Enter on the next name finishes it.
    await waitFor(first, /^Key user 3 \(or Enter on the first question to finish the list\)$/m);
    await answer(first, 'Name', '');
    // Their profiles side by side, in one grid: → gives Alice the first choice; ↓ then → three times, Bob the third.
    await waitFor(first, asking("Each person's profile"));
    keys(first, 'Right');
    await waitFor(first, /^❯ Alice Durand\s+‹ daily user ›$/m);
    keys(first, 'Down', 'Right', 'Right', 'Right');
    await waitFor(first, /^❯ Bob Petit\s+‹ administrator ›$/m);
    keys(first, 'Enter');
    await waitFor(first, /^✔ Each person's profile/m);

    // Step 3: interrupted at its second question.
    await waitFor(first, /^Step 3 of 8 · Needs and constraints$/m);
    await answer(first, 'Objective', 'One rota for every garden');
    await waitFor(first, asking('Indicator'));
    const stopped = await interrupt(first);
    expect(stopped.code).toBe(130);
    expect(flat(stopped.screen)).toContain('Stopped. Your answers so far are saved in adopt.yaml; what you had typed for objective 1 (One rota for every garden) is kept aside and will be offered next time.');
    expect(stopped.screen.match(/Stopped\./g)).toHaveLength(1);
    expect(stopped.screen).not.toMatch(stackTrace);
    expect(stopped.screen.match(/^Saved in adopt\.yaml\.$/gm)).toHaveLength(2);
    stop(first);

    const project = parse(await readFile(file, 'utf8')) as Record<string, any>;
    expect(project.language).toBe('en');
    expect(project.project).toEqual({ title: 'Shared gardens', organisation: 'Les Jardins du Quartier', created: TODAY });
    expect(project.lead).toEqual({
      name: 'Camille Martin',
      role: 'Coordinator',
      contact: 'camille@jardins.org',
      skills: { projectManagement: 'some', facilitation: 'strong' },
      availability: 'Half a day a week',
    });
    expect(project.keyUsers).toEqual([
      { id: 'alice-durand', name: 'Alice Durand', role: 'Volunteer', profile: 'daily' },
      { id: 'bob-petit', name: 'Bob Petit', role: 'Treasurer', profile: 'admin' },
    ]);
    // The objective begun is not whole yet: it waits beside the file, not in it.
    expect(project).not.toHaveProperty('needs');
    expect(existsSync(path.join(dir, '.adopt.yaml.journal'))).toBe(true);

    // The same command again: welcome back, then the objective begun is offered first.
    const second = start(dir, { lang: 'C.UTF-8', args: ['--lang', 'en'] });
    const offered = await waitFor(second, asking('Carry on with it now?'));
    expect(offered).toMatch(/^Welcome back\. Let’s pick up your project where you left it \(adopt\.yaml\)\.$/m);
    expect(offered).not.toMatch(/Welcome to adopt/);
    expect(flat(offered)).toContain('Last time, adopt stopped while you were adding objective 1 (One rota for every garden).');
    expect(offered.match(/^[?✔] /gm)).toEqual(['? ']); // nothing asked before it
    keys(second, 'Enter');
    await answer(second, 'Indicator', 'Every garden on the rota');
    // Steps 1 and 2 done, step 3 carries on after the objective, which is in the file now.
    const resumed = await waitFor(second, asking('Objective'));
    expect(resumed).toMatch(/^✔ Step 1 of 8 · Project lead: already done\.$/m);
    expect(resumed).toMatch(/^✔ Step 2 of 8 · Key users: already done\.$/m);
    expect(resumed).toMatch(/^Step 3 of 8 · Needs and constraints$/m);
    expect(resumed).not.toMatch(/Project title/);
    expect((parse(await readFile(file, 'utf8')) as Record<string, any>).needs.objectives).toEqual([
      { id: 'O1', text: 'One rota for every garden', indicator: 'Every garden on the rota' },
    ]);
    expect(existsSync(path.join(dir, '.adopt.yaml.journal'))).toBe(false);
    // Enter ends the list; the priorities follow, in one grid.
    type(second, '');
    await waitFor(second, asking("Each objective's priority"));
    keys(second, 'Right');
    await waitFor(second, /^❯ One rota for every garden\s+‹ must have ›$/m);
    keys(second, 'Enter');
    await waitFor(second, asking('Who'));
    expect((parse(await readFile(file, 'utf8')) as Record<string, any>).needs.objectives[0].priority).toBe('must');
    const again = await interrupt(second);
    expect(again.code).toBe(130);
    expect(again.screen).not.toMatch(stackTrace);
    stop(second);
  }, 90_000);

  test('French from the locale: the language question first, French typography, Ctrl-C keeps the language', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'adopt.yaml');

    const session = start(dir, { lang: 'fr_FR.UTF-8', args: [] });
    const first = await waitFor(session, /^❯ Français$/m);
    // tmux keeps the non-breaking space (U+00A0) in what capture-pane prints: it is checked as such.
    expect(first).toMatch(/^\? Dans quelle langue adopt doit-il vous parler et rédiger vos documents\u00a0\?$/m);
    expect(first).toMatch(/^ {2}English$/m);
    expect(first).not.toMatch(/Bienvenue/);
    expect(existsSync(file)).toBe(false); // nothing written before the language is chosen
    keys(session, 'Enter');

    const welcome = await waitFor(session, asking('Titre du projet'));
    expect(welcome).toMatch(/^✔ Dans quelle langue adopt doit-il vous parler et rédiger vos documents\u00a0\? Français$/m);
    expect(welcome).toMatch(/^Bienvenue dans adopt\. Préparons ensemble l’arrivée du nouvel outil dans votre équipe\.$/m);
    expect(welcome).toContain('enregistrée dès que vous la donnez\u00a0: vous pouvez arrêter avec Ctrl-C');
    expect(welcome).toMatch(/^Étape 1 sur 8 · Responsable du projet$/m);
    expect(welcome).toContain('Qui pilote le projet\u00a0?');
    // No ordinary space before a high punctuation mark anywhere on the French screen.
    expect(welcome).not.toMatch(/ [?:;!»]/);

    await answer(session, 'Titre du projet', 'Jardins partagés');
    await waitFor(session, /^✔ Titre du projet Jardins partagés$/m);
    await waitFor(session, asking('Nom de votre association ou structure'));
    const stopped = await interrupt(session);
    expect(stopped.code).toBe(130);
    expect(flat(stopped.screen)).toContain('Arrêté. Toutes vos réponses sont enregistrées dans adopt.yaml\u00a0; seule la question à l’écran est restée sans réponse. Relancez la même commande pour continuer.');
    expect(stopped.screen).not.toMatch(stackTrace);
    stop(session);

    const project = parse(await readFile(file, 'utf8')) as Record<string, any>;
    expect(project.language).toBe('fr');
    expect(project.project?.created).toBe(TODAY);
    // Each answer is saved as it is given: the title is there, though step 1 was not finished.
    expect(project.project?.title).toBe('Jardins partagés');
  }, 60_000);
});

/** What the going-back tests type and read, in each language. */
const words = {
  en: {
    lang: 'C.UTF-8',
    title: 'Project title',
    organisation: 'Organisation',
    leadName: "Project lead's name",
    role: 'Role in the organisation',
    contact: 'Contact (e-mail or phone)',
    skills: 'Project management and group facilitation',
    someSome: 'project management some, facilitation some',
    time: 'Time available',
    name: 'Name',
    team: 'Role or team',
    keys: 'Esc go back · Tab edit the answer · Ctrl-C stop without losing anything',
    step2: 'Step 2 of 8 · Key users',
    cancelled: 'Key user 1: cancelled, nothing of it is kept.',
    first: 'This is the first question of this step: there is none before it.',
    stopped: 'what you had typed for key user 2 (Carol Roux) is kept aside and will be offered next time.',
    done: 'Done with this list',
    add: 'Add a key user',
    menu: /^\? Key users \(\d+\): what would you like to do\?$/m,
  },
  fr: {
    lang: 'fr_FR.UTF-8',
    title: 'Titre du projet',
    organisation: 'Nom de votre association ou structure',
    leadName: 'Nom de la personne responsable du projet',
    role: 'Rôle dans la structure',
    contact: 'Contact (e-mail ou téléphone)',
    skills: 'Gestion de projet et animation de groupe',
    someSome: 'gestion de projet un peu, animation un peu',
    time: 'Temps disponible',
    name: 'Nom',
    team: 'Rôle ou équipe',
    keys: 'Échap revenir · Tab modifier la réponse · Ctrl-C arrêter sans rien perdre',
    step2: 'Étape 2 sur 8 · Utilisateurs clefs',
    cancelled: 'Utilisateur clef n° 1\u00a0: ajout annulé, rien n’en est gardé.',
    first: 'C’est la première question de cette étape\u00a0: il n’y en a pas avant.',
    stopped: 'ce que vous aviez saisi pour',
    done: 'Terminer cette liste',
    add: 'Ajouter un utilisateur clef',
    menu: /^\? Utilisateurs clefs \(\d+\)\u00a0: que souhaitez-vous faire\u00a0\?$/m,
  },
};

/** Every line of the screen fits the terminal: what is too long is wrapped between words by adopt. */
const fits = (shown: string, width: number) => shown.split('\n').filter((line) => [...line].length > width);

const combos = [
  ['en', 80],
  ['en', 60],
  ['fr', 80],
  ['fr', 60],
] as const;

describeTmux(hasTmux ? 'going back in a real terminal (tmux)' : 'going back in a real terminal: SKIPPED, tmux is not on the PATH', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const name of [...sessions]) stop(name);
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  test.each(combos)('%s at %i columns: Esc goes back with the earlier answer as default, Tab edits it, Esc cancels a key user being added, Ctrl-C after the third answer of step 2 keeps the three', async (lang, width) => {
    const w = words[lang];
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const session = start(dir, { lang: w.lang, args: ['--lang', lang], width });

    // The keys, said under the step's title, wrapped between words at 60 columns.
    const opening = await waitFor(session, asking(w.title));
    expect(flat(opening)).toContain(w.keys);
    expect(fits(opening, width)).toEqual([]);
    await answer(session, w.title, 'Shared gardens');
    await waitFor(session, asking(w.organisation));
    // Esc (after readline's half-second wait for a longer key sequence): the title again, its answer the default.
    keys(session, 'Escape');
    const back = await waitFor(session, new RegExp(`^\\? ${escape(w.title)} \\(Shared gardens\\)`, 'm'));
    // The question left is gone from the screen, not left open above.
    expect(back).not.toMatch(asking(w.organisation));
    // Tab puts the answer in the line to be edited rather than typed again.
    keys(session, 'Tab');
    type(session, ' 2027');
    await waitFor(session, new RegExp(`^✔ ${escape(w.title)} Shared gardens 2027$`, 'm'));
    await answer(session, w.organisation, 'Les Jardins du Quartier');
    await answer(session, w.leadName, 'Camille Martin');
    await answer(session, w.role, 'Coordinator');
    await answer(session, w.contact, 'camille@jardins.org');
    await choose(session, w.skills, 4, w.someSome);
    await answer(session, w.time, 'Half a day a week');

    // Step 2: Esc in a key user being added goes back within it, then out of it, which cancels it.
    await waitFor(session, new RegExp(`^${escape(w.step2)}$`, 'm'));
    await answer(session, w.name, 'Bob Petit');
    await waitFor(session, asking(w.team));
    keys(session, 'Escape');
    await waitFor(session, new RegExp(`^\\? ${escape(w.name)} \\(Bob Petit\\)`, 'm'));
    keys(session, 'Escape');
    // Out of the item, which is cancelled; going back stops at the step's first question.
    const cancelled = await waitFor(session, new RegExp(`${escape(w.first).replace(/ /g, '\\s+')}\\n(.*\\n)*\\? ${escape(w.name)}\\s*$`));
    expect(flat(cancelled)).toContain(w.cancelled);
    expect(cancelled).not.toMatch(/^\? .*\(Bob Petit\)/m);

    // Three answers of step 2, then Ctrl-C: a key user whole, and the name of the next.
    await answer(session, w.name, 'Alice Durand');
    await answer(session, w.team, 'Volunteer');
    await answer(session, w.name, 'Carol Roux');
    await waitFor(session, asking(w.team));
    const stopped = await interrupt(session);
    expect(stopped.code).toBe(130);
    expect(stopped.screen).not.toMatch(stackTrace);
    expect(flat(stopped.screen)).toContain(w.stopped);
    stop(session);

    const project = parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Record<string, any>;
    expect(project.project.title).toBe('Shared gardens 2027');
    expect(project.lead.availability).toBe('Half a day a week');
    // The key user whole is in the file; the one begun waits beside it; Bob, cancelled, is nowhere.
    expect(project.keyUsers).toEqual([{ id: 'alice-durand', name: 'Alice Durand', role: 'Volunteer' }]);
    const kept = JSON.parse(readFileSync(path.join(dir, '.adopt.yaml.journal'), 'utf8')) as { adding: { item: unknown } };
    expect(kept.adding.item).toEqual({ name: 'Carol Roux' });
    expect(readFileSync(path.join(dir, 'adopt.yaml'), 'utf8')).not.toContain('Bob');
  }, 90_000);

  test.each(combos)('%s at %i columns: ↓ on the last entry of a list menu stays there, never wrapping onto "add"', async (lang, width) => {
    const w = words[lang];
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'adopt.yaml');
    copyFileSync(path.join(root, 'examples/food-bank/adopt.yaml'), file);
    const before = readFileSync(file, 'utf8');
    const session = start(dir, { lang: w.lang, args: ['--lang', lang], command: 'edit key-users', width });
    await waitFor(session, w.menu);
    await waitFor(session, new RegExp(`^❯ ${escape(w.done)}$`, 'm'));
    keys(session, 'Down', 'Down', 'Down');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const shown = screen(session);
    expect(shown).toMatch(new RegExp(`^❯ ${escape(w.done)}$`, 'm'));
    expect(shown).not.toMatch(new RegExp(`^❯ ${escape(w.add)}$`, 'm'));
    keys(session, 'Enter');
    expect((await waitFor(session, /^EXIT=\d+$/m)).match(/^EXIT=(\d+)$/m)![1]).toBe('0');
    expect(readFileSync(file, 'utf8')).toBe(before);
  }, 60_000);
});

describeTmux(hasTmux ? 'adopt evaluate in a real terminal (tmux)' : 'adopt evaluate in a real terminal: SKIPPED, tmux is not on the PATH', () => {
  afterEach(() => {
    for (const name of [...sessions]) stop(name);
  });

  test('a whole review with the keyboard, then Ctrl-C in a second one leaves the file as the first left it', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'adopt.yaml');
      copyFileSync(path.join(root, 'examples/food-bank/adopt.yaml'), file);
      const objectives = (parse(readFileSync(file, 'utf8')) as { needs: { objectives: { id: string }[] } }).needs.objectives;
      const first = start(dir, { lang: 'C.UTF-8', args: ['--lang', 'en', '--date', '2027-07-06'], command: 'evaluate' });
      await waitFor(first, /^Review of 6 July 2027/m);
      for (const [index] of objectives.entries()) {
        await choose(first, 'Is it met?', index === 0 ? 1 : 0, index === 0 ? 'partly met' : 'met');
        await answer(first, 'What shows it', index === 0 ? '3 rotas out of 4 online' : '');
      }
      await answer(first, 'Effect 1 (Enter when there are no more)', '');
      await choose(first, 'Measure how easy the tool is to use', 0, 'No');
      await answer(first, 'Who took part', '');
      await answer(first, 'With hindsight', '');
      await choose(first, 'What do you decide?', 0, 'Continue');
      await answer(first, 'Why this decision?', ''); // a "continue" may go without
      await answer(first, 'Anything else to note', '');
      await answer(first, 'When is the next review?', '');
      await waitFor(first, /The review is saved in adopt\.yaml\./);
      expect((await waitFor(first, /^EXIT=\d+$/m)).match(/^EXIT=(\d+)$/m)![1]).toBe('0');
      const saved = readFileSync(file, 'utf8');
      const review = (parse(saved) as { evaluation: { reviews: { date: string; objectives: { status: string; evidence?: string }[] }[] } }).evaluation.reviews.at(-1)!;
      expect(review.date).toBe('2027-07-06');
      expect(review.objectives[0]).toMatchObject({ status: 'partial', evidence: '3 rotas out of 4 online' });

      const second = start(dir, { lang: 'C.UTF-8', args: ['--lang', 'en', '--date', '2027-10-06'], command: 'evaluate' });
      await waitFor(second, /^Review of 6 October 2027/m);
      await waitFor(second, /Last time: partly met/);
      const { code, screen: shown } = await interrupt(second);
      expect(code).toBe(130);
      expect(shown).not.toMatch(stackTrace);
      expect(readFileSync(file, 'utf8')).toBe(saved);
    } finally {
      await cleanup();
    }
  });
});

describe('adopt init without a terminal', () => {
  test('stdin from /dev/null: exit 2, one line on stderr pointing to --from, no file', async () => {
    const { dir, cleanup } = await tempDir();
    const devNull = openSync('/dev/null', 'r');
    try {
      const result = spawnSync(process.execPath, [bin, 'init'], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ADOPT_TODAY: TODAY, LANG: 'C' },
        stdio: [devNull, 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^[^\n]+\n$/);
      expect(result.stderr).toContain('--from');
      expect(result.stderr).toBe('adopt init asks questions and needs a terminal. To fill the project from a file instead: adopt init --from answers.yaml --yes\n');
      expect(await readdir(dir)).toEqual([]);
    } finally {
      closeSync(devNull);
      await cleanup();
    }
  });
});
