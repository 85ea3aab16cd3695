/**
 * The mistakes a team member makes editing adopt.yaml by hand, each one as `adopt validate`
 * reports it: on the line to change, in plain words, in English and in French, with the file
 * left exactly as it was.
 */
import { readFile } from 'node:fs/promises';
import { adopt, tempDir, withFile } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

const base = `version: 1
language: en
project:
  title: Member management
  organisation: Riverside Bike Repair
  summary: Replace our spreadsheets
lead: # step 1
  name: Ann Smith
  skills:
    facilitation: some
  role: Coordinator
keyUsers:
  - id: sophie
    name: Sophie Lambert
    profile: daily
  - id: karim
    name: Karim Benali
    profile: occasional
`;

/** The base file with one line edited, as a person would in an editor. */
function edit(line: string, replacement: string, crlf = false): string {
  if (!base.includes(line)) throw new Error(`the base has no line ${line}`);
  const text = base.replace(line, replacement);
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

interface Mistake {
  text: string;
  at: string;
  en: RegExp;
  fr: RegExp;
}

const mistakes: Record<string, Mistake> = {
  'a key indented further than the one above': {
    text: edit('  role: Coordinator', '      role: Coordinator'),
    at: '11:7',
    en: /^This line starts at column 7, but the key "facilitation" above it starts at column 5: keys of the same group must line up\. Indent it with spaces to column 5\.$/,
    fr: /^Cette ligne commence à la colonne 7, mais la clé « facilitation » au-dessus commence à la colonne 5 : les clés d'un même groupe doivent être alignées\. Indentez-la avec des espaces jusqu'à la colonne 5\.$/,
  },
  'a key indented as far as the nested group above it': {
    // Valid YAML, but no longer where it belongs: the schema says so, on its line.
    text: edit('  role: Coordinator', '    role: Coordinator'),
    at: '11:5',
    en: /^Unknown key "role" in lead\.skills/,
    fr: /^Clé inconnue « role » dans lead\.skills/,
  },
  'a key indented one space too far after a text': {
    text: edit('  organisation: Riverside Bike Repair', '   organisation: Riverside Bike Repair'),
    at: '5:4',
    en: /^This line starts at column 4, but the key "title" above it starts at column 3: .* to column 3\.$/,
    fr: /^Cette ligne commence à la colonne 4, mais la clé « title » au-dessus commence à la colonne 3 .* colonne 3\.$/,
  },
  'a key indented too far, with a comment': {
    text: edit('  name: Ann Smith', '  name: Ann Smith\n    contact: ann@example.org # work address'),
    at: '9:5',
    en: /column 5, but the key "name" above it starts at column 3/,
    fr: /colonne 5, mais la clé « name » au-dessus commence à la colonne 3/,
  },
  'a key indented too far in a list item': {
    text: edit('    profile: daily', '      profile: daily'),
    at: '15:7',
    en: /column 7, but the key "name" above it starts at column 5/,
    fr: /colonne 7, mais la clé « name » au-dessus commence à la colonne 5/,
  },
  'a key indented too far under a list dash': {
    text: edit('    name: Sophie Lambert', '     name: Sophie Lambert'),
    at: '14:6',
    en: /column 6, but the key "id" above it starts at column 5/,
    fr: /colonne 6, mais la clé « id » au-dessus commence à la colonne 5/,
  },
  'a 3-space indent in a list item': {
    text: edit('    name: Sophie Lambert', '   name: Sophie Lambert'),
    at: '14:4',
    en: /^This line starts at column 4, but the key "id" above it starts at column 5: keys of the same group must line up/,
    fr: /^Cette ligne commence à la colonne 4, mais la clé « id » au-dessus commence à la colonne 5 .* alignées/,
  },
  'a key indented one space too little': {
    text: edit('  organisation: Riverside Bike Repair', ' organisation: Riverside Bike Repair'),
    at: '5:2',
    en: /column 2, but the key "title" above it starts at column 3/,
    fr: /colonne 2, mais la clé « title » au-dessus commence à la colonne 3/,
  },
  'a key indented too little after a nested group': {
    text: edit('  role: Coordinator', ' role: Coordinator'),
    at: '11:2',
    en: /column 2, but the key "skills" above it starts at column 3/,
    fr: /colonne 2, mais la clé « skills » au-dessus commence à la colonne 3/,
  },
  'a list item indented one space too far': {
    text: edit('  - id: karim', '   - id: karim'),
    at: '16:4',
    en: /^This list item starts at column 4, but the item above it starts at column 3/,
    fr: /^Cet élément de liste commence à la colonne 4, mais l.élément au-dessus commence à la colonne 3/,
  },
  'the first key of a group indented too far': {
    // yaml takes the first key's column for the group's; the keys after it are where they belong.
    text: edit('  title: Member management', '    title: Member management'),
    at: '4:5',
    en: /^This line starts at column 5, but the key "organisation" below it starts at column 3: .* to column 3\.$/,
    fr: /^Cette ligne commence à la colonne 5, mais la clé « organisation » en dessous commence à la colonne 3/,
  },
  'a list item indented one space too little': {
    text: edit('  - id: karim', ' - id: karim'),
    at: '16:2',
    en: /^This list item starts at column 2, but the item above it starts at column 3/,
    fr: /^Cet élément de liste commence à la colonne 2, mais l.élément au-dessus commence à la colonne 3/,
  },
  'a list item indented as far as the keys of the item above': {
    text: edit('  - id: karim', '    - id: karim'),
    at: '16:5',
    en: /^This list item starts at column 5, but the item above it starts at column 3/,
    fr: /colonne 5, mais l.élément au-dessus commence à la colonne 3/,
  },
  'a stray character typed before a key': {
    text: edit('  - id: karim', '  - @id: karim'),
    at: '16:5',
    en: /^A stray @ was typed before this key: remove it, as in - id: karim$/,
    fr: /^Un @ de trop a été tapé devant cette clé .* - id: karim$/,
  },
  'the first line indented': {
    text: edit('version: 1', '  version: 1'),
    at: '1:3',
    en: /^The first line of the file is indented/,
    fr: /^La première ligne du fichier est indentée/,
  },
  'a missing colon in the middle of a group': {
    text: edit('  name: Ann Smith', '  name Ann Smith'),
    at: '8:3',
    en: /^This line looks like a key without its colon: write it as name: Ann Smith$/,
    fr: /^Cette ligne ressemble à une clé sans ses deux-points .* name: Ann Smith$/,
  },
  'a missing colon on the last key of a group': {
    text: edit('  role: Coordinator', '  role Coordinator'),
    at: '11:3',
    en: /^This line looks like a key without its colon: write it as role: Coordinator$/,
    fr: /^Cette ligne ressemble à une clé sans ses deux-points .* role: Coordinator$/,
  },
  'a missing colon on the last line of the file': {
    text: edit('    profile: occasional', '    profile occasional'),
    at: '18:5',
    en: /without its colon: write it as profile: occasional$/,
    fr: /sans ses deux-points .* profile: occasional$/,
  },
  'a missing colon before a trailing comment': {
    text: edit('lead: # step 1', 'lead # step 1'),
    at: '7:1',
    en: /without its colon: write it as lead: # step 1$/,
    fr: /sans ses deux-points .* lead: # step 1$/,
  },
  'a missing colon on a value with a comment': {
    text: edit('  name: Ann Smith', '  name Ann Smith # who leads'),
    at: '8:3',
    en: /without its colon: write it as name: Ann Smith # who leads$/,
    fr: /sans ses deux-points .* name: Ann Smith # who leads$/,
  },
  'a missing colon on the last key, with a comment': {
    text: edit('  role: Coordinator', '  role Coordinator # paid'),
    at: '11:3',
    en: /without its colon: write it as role: Coordinator # paid$/,
    fr: /sans ses deux-points .* role: Coordinator # paid$/,
  },
  'a missing colon on the first key of a list item': {
    text: edit('  - id: karim', '  - id karim'),
    at: '16:3',
    en: /without its colon: write it as - id: karim$/,
    fr: /sans ses deux-points .* - id: karim$/,
  },
  'a full-width colon': {
    text: edit('  role: Coordinator', '  role： Coordinator'),
    at: '11:3',
    en: /without its colon: write it as role: Coordinator$/,
    fr: /sans ses deux-points .* role: Coordinator$/,
  },
  'no space after the colon': {
    text: edit('  title: Member management', '  title:Member management'),
    at: '4:3',
    en: /^The colon after a key must be followed by an ordinary space: write it as title: Member management$/,
    fr: /espace ordinaire .* title: Member management$/,
  },
  'no space after the colon of the last key': {
    text: edit('  role: Coordinator', '  role:Coordinator'),
    at: '11:3',
    en: /followed by an ordinary space: write it as role: Coordinator$/,
    fr: /espace ordinaire .* role: Coordinator$/,
  },
  'a non-breaking space after the colon': {
    text: edit('  role: Coordinator', '  role:\u00a0Coordinator'),
    at: '11:3',
    en: /ordinary space: write it as role: Coordinator$/,
    fr: /espace ordinaire .* role: Coordinator$/,
  },
  'a value on the next line, not indented': {
    text: edit('  role: Coordinator', '  role:\n  Coordinator'),
    at: '12:3',
    en: /^This text belongs to "role" above but is not indented under it: write role: Coordinator, or indent/,
    fr: /^Ce texte appartient à « role » au-dessus.* role: Coordinator, ou indentez/,
  },
  'a value containing ": "': {
    text: edit('  summary: Replace our spreadsheets', '  summary: Goal: replace our spreadsheets'),
    at: '6:12',
    en: /^This text contains ": ".* double quotes: summary: "Goal: replace our spreadsheets"$/,
    fr: /^Ce texte contient « : ».* guillemets droits .* summary: "Goal: replace our spreadsheets"$/,
  },
  'a value containing ": " and a trailing comment': {
    text: edit('  summary: Replace our spreadsheets', '  summary: Goal: replace our spreadsheets # to check'),
    at: '6:12',
    en: /double quotes: summary: "Goal: replace our spreadsheets" # to check$/,
    fr: /guillemets droits .* summary: "Goal: replace our spreadsheets" # to check$/,
  },
  'a value containing ": " in a list item': {
    text: edit('    name: Karim Benali', '    name: Karim: treasurer'),
    at: '17:11',
    en: /double quotes: name: "Karim: treasurer"$/,
    fr: /guillemets droits .* name: "Karim: treasurer"$/,
  },
  'a tab for indentation': {
    text: edit('  name: Ann Smith', '\tname: Ann Smith'),
    at: '8:1',
    en: /^A tab is used for indentation here: indent with spaces/,
    fr: /^Une tabulation sert d.indentation ici/,
  },
  'a tab after spaces': {
    text: edit('  name: Ann Smith', '  \tname: Ann Smith'),
    at: '8:3',
    en: /^A tab is used for indentation/,
    fr: /^Une tabulation/,
  },
  'a non-breaking space for indentation': {
    text: edit('  role: Coordinator', '\u00a0 role: Coordinator'),
    at: '11:1',
    en: /^This line is indented with a non-breaking space .* ordinary spaces\.$/,
    fr: /^Cette ligne est indentée avec une espace insécable .* espaces ordinaires\.$/,
  },
  'an unclosed double quote': {
    text: edit('  title: Member management', '  title: "Member management'),
    at: '4:10',
    en: /^A quotation mark opens here and is never closed: .* title: "Member management"$/,
    fr: /^Un guillemet s.ouvre ici et n.est jamais refermé .* title: "Member management"$/,
  },
  'an unclosed quote before a comment': {
    text: edit('  role: Coordinator', '  role: "Coordinator # paid'),
    at: '11:9',
    en: /never closed: .* role: "Coordinator" # paid$/,
    fr: /jamais refermé .* role: "Coordinator" # paid$/,
  },
  'an unclosed single quote in a list item': {
    text: edit('    name: Sophie Lambert', "    name: 'Sophie Lambert"),
    at: '14:11',
    en: /never closed: .* name: 'Sophie Lambert'$/,
    fr: /jamais refermé .* name: 'Sophie Lambert'$/,
  },
  'an apostrophe inside single quotes': {
    text: edit('  title: Member management', "  title: 'Members' management'"),
    at: '4:10',
    en: /^This text starts with a quotation mark, so it stops at the next one.* title: "Members' management"$/,
    fr: /^Ce texte commence par un guillemet .* title: "Members' management"$/,
  },
  'text after a quoted word': {
    text: edit('  role: Coordinator', '  role: "Coordinator" (paid)'),
    at: '11:9',
    en: /quotation marks of the other kind: role: '"Coordinator" \(paid\)'$/,
    fr: /l.autre sorte .* role: '"Coordinator" \(paid\)'$/,
  },
  'an unclosed bracket': {
    text: edit('  role: Coordinator', '  role: [Coordinator'),
    at: '11:9',
    en: /^A list in \[ \] or a group in \{ \} is opened and never closed\.$/,
    fr: /^Une liste entre \[ \] ou un groupe entre \{ \} est ouvert et jamais refermé\.$/,
  },
  'a list dash without its space': {
    text: edit('  - id: karim', '  -id: karim'),
    at: '16:3',
    en: /^A list item needs a space after its dash: write it as - id: karim$/,
    fr: /^Un élément de liste a besoin d.un espace après son tiret .* - id: karim$/,
  },
  'the first list dash without its space': {
    text: edit('  - id: sophie', '  -id: sophie'),
    at: '13:3',
    en: /space after its dash: write it as - id: sophie$/,
    fr: /après son tiret .* - id: sophie$/,
  },
  'a list item without its dash': {
    text: edit('  - id: karim', '  id: karim'),
    at: '16:3',
    en: /^The items of this list start with "- ", but this line does not: write - id: karim .* column 5/,
    fr: /^Les éléments de cette liste commencent par « - », mais pas cette ligne .* - id: karim .* colonne 5/,
  },
  'a list item among keys': {
    text: edit('  role: Coordinator', '  role: Coordinator\n  - Treasurer'),
    at: '12:3',
    en: /^A list item \(a line starting with -\) cannot sit among keys/,
    fr: /^Un élément de liste \(une ligne qui commence par -\) ne peut pas se trouver parmi des clés/,
  },
  'a duplicate key': {
    text: edit('  role: Coordinator', '  role: Coordinator\n  name: Bob'),
    at: '12:3',
    en: /^The key "name" appears twice in the same group \(first on line 8\): keep only one\.$/,
    fr: /^La clé « name » apparaît deux fois dans le même groupe \(la première fois à la ligne 8\)/,
  },
  'a duplicate key in a list item': {
    text: edit('    name: Karim Benali', '    name: Karim Benali\n    id: karim2'),
    at: '18:5',
    en: /"id" appears twice in the same group \(first on line 16\)/,
    fr: /« id » apparaît deux fois .* ligne 16/,
  },
  'a value starting with @': {
    text: edit('  role: Coordinator', '  role: @coordinator'),
    at: '11:9',
    en: /^A text cannot start with @ unless it is in quotes: write it as role: "@coordinator"$/,
    fr: /^Un texte ne peut pas commencer par @ sans guillemets .* role: "@coordinator"$/,
  },
  'a value in *stars*': {
    text: edit('  role: Coordinator', '  role: *important* # check'),
    at: '11:9',
    en: /cannot start with \* unless it is in quotes: write it as role: "\*important\*" # check$/,
    fr: /commencer par \* sans guillemets .* role: "\*important\*" # check$/,
  },
  'a value starting with &': {
    text: edit('  role: Coordinator', '  role: & co'),
    at: '11:9',
    en: /cannot start with & unless it is in quotes: write it as role: "& co"$/,
    fr: /commencer par & sans guillemets/,
  },
  'a value starting with !': {
    text: edit('  role: Coordinator', '  role: !urgent'),
    at: '11:9',
    en: /cannot start with ! unless it is in quotes: write it as role: "!urgent"$/,
    fr: /commencer par ! sans guillemets/,
  },
  'a value starting with a dash': {
    text: edit('  role: Coordinator', '  role: - Coordinator'),
    at: '11:9',
    en: /cannot start with - unless it is in quotes: write it as role: "- Coordinator"$/,
    fr: /commencer par - sans guillemets/,
  },
  'a key typed with a capital': {
    text: edit('lead: # step 1', 'Lead: # step 1'),
    at: '7:1',
    en: /^Unknown key "Lead" in the file\. Did you mean "lead"\?$/,
    fr: /^Clé inconnue « Lead » dans le fichier\. Vouliez-vous dire « lead »/,
  },
  'a key typed with an accent': {
    text: edit('  organisation: Riverside Bike Repair', '  organisátion: Riverside Bike Repair'),
    at: '5:3',
    en: /Unknown key "organisátion" in project\. Did you mean "organisation"\?$/,
    fr: /Clé inconnue « organisátion » dans project\. Vouliez-vous dire « organisation »/,
  },
  'a stray character at line start': {
    text: edit('project:', '.project:'),
    at: '3:1',
    en: /Unknown key "\.project" in the file\. Did you mean "project"\?$/,
    fr: /Clé inconnue « \.project ».*« project »/,
  },
  'Windows line endings, a key indented too far': {
    text: edit('  organisation: Riverside Bike Repair', '    organisation: Riverside Bike Repair', true),
    at: '5:5',
    en: /column 5, but the key "title" above it starts at column 3/,
    fr: /colonne 5, mais la clé « title » au-dessus commence à la colonne 3/,
  },
  'Windows line endings, a value containing ": " and a comment': {
    text: edit('  summary: Replace our spreadsheets', '  summary: Goal: replace our spreadsheets # to check', true),
    at: '6:12',
    en: /double quotes: summary: "Goal: replace our spreadsheets" # to check$/,
    fr: /guillemets droits .* summary: "Goal: replace our spreadsheets" # to check$/,
  },
  'Windows line endings, a missing colon on the last key': {
    text: edit('  role: Coordinator', '  role Coordinator', true),
    at: '11:3',
    en: /without its colon: write it as role: Coordinator$/,
    fr: /sans ses deux-points .* role: Coordinator$/,
  },
  'Windows line endings, a 3-space indent': {
    text: edit('    name: Sophie Lambert', '   name: Sophie Lambert', true),
    at: '14:4',
    en: /column 4, but the key "id" above it starts at column 5/,
    fr: /colonne 4, mais la clé « id » au-dessus commence à la colonne 5/,
  },
  'Windows line endings, an unclosed quote': {
    text: edit('  title: Member management', '  title: "Member management', true),
    at: '4:10',
    en: /never closed: .* title: "Member management"$/,
    fr: /jamais refermé .* title: "Member management"$/,
  },
};

describe('hand-edit mistakes: the right line and the right advice', () => {
  test.each(Object.entries(mistakes))('%s', async (_name, { text, at, en, fr }) => {
    const file = await withFile(dir, 'adopt.yaml', text);
    const before = await readFile(file);
    for (const [lang, words] of [['en', en], ['fr', fr]] as const) {
      const { code, stdout, stderr } = await adopt(['validate', '--lang', lang], { cwd: dir });
      expect(code).toBe(1);
      const lines = stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const found = /^adopt\.yaml:(\d+:\d+) (.*)$/.exec(lines[0]!);
      expect(found?.[1]).toBe(at);
      // Typography (narrow no-break spaces, curly apostrophes) is the catalogue's business.
      expect(found?.[2]!.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'")).toMatch(words);
      expect(stderr).not.toMatch(/\n\s+at |Error:/);
    }
    expect(await readFile(file)).toEqual(before);
  });

  test('an over-indented key is never advised to be quoted', async () => {
    for (const text of [
      edit('  organisation: Riverside Bike Repair', '   organisation: Riverside Bike Repair'),
      edit('  organisation: Riverside Bike Repair', '    organisation: Riverside Bike Repair', true),
      edit('    name: Sophie Lambert', '     name: Sophie Lambert'),
    ]) {
      await withFile(dir, 'adopt.yaml', text);
      for (const lang of ['en', 'fr']) {
        const { stdout } = await adopt(['validate', '--lang', lang], { cwd: dir });
        expect(stdout).not.toMatch(/quotes|guillemets/);
      }
    }
  });
});
