import { readFile } from 'node:fs/promises';
import { warnings, warningCodes, type Warning, type WarningCode } from '../../src/derive/warnings.js';
import { warningAdvice, warningMessage } from '../../src/view/warnings.js';
import { loadTranslator } from '../../src/i18n/index.js';
import type { Candidate, Project } from '../../src/generated/model.js';
import { TODAY } from '../helpers.js';

const of = (project: Project, code: WarningCode, today = TODAY): Warning[] => warnings(project, today).filter((w) => w.code === code);

/** Two shortlisted tools, the first chosen, both clear on data protection and accessibility: no warning of this family. */
function choosing(first: Partial<Candidate> = {}, second: Partial<Candidate> = {}, more: Partial<Project> = {}): Project {
  return {
    version: 1,
    research: {
      candidates: [
        { id: 'a', name: 'Adhésio', shortlisted: true, hosting: 'EU', dataProtection: { agreement: 'signed', jurisdiction: 'EU' }, accessibility: { statement: 'partial' }, ...first },
        { id: 'b', name: 'Cotiz', shortlisted: true, hosting: 'EU', ...second },
      ],
    },
    poc: { decision: { chosen: 'a' } },
    ...more,
  };
}

describe('few-shortlisted: two or three tools tested, once a candidate exists', () => {
  test('raised with one tool shortlisted, none, or four', () => {
    const tools = (n: number, of: number): Project => ({ version: 1, research: { candidates: Array.from({ length: of }, (_, i) => ({ id: `t${i}`, shortlisted: i < n })) } });
    expect(of(tools(1, 3), 'few-shortlisted')).toEqual([{ code: 'few-shortlisted', path: 'research.candidates', params: { count: 1 } }]);
    expect(of(tools(0, 2), 'few-shortlisted')).toHaveLength(1);
    expect(of(tools(4, 5), 'few-shortlisted')).toHaveLength(1);
  });

  test('not raised with two or three, nor before any candidate', () => {
    expect(of(choosing(), 'few-shortlisted')).toEqual([]);
    expect(of({ version: 1, research: { candidates: [{ id: 'a', shortlisted: true }, { id: 'b', shortlisted: true }, { id: 'c', shortlisted: true }, { id: 'd' }] } }, 'few-shortlisted')).toEqual([]);
    expect(of({ version: 1, research: { sources: ['Réseau local'] } }, 'few-shortlisted')).toEqual([]);
  });
});

describe('data-protection-unclear', () => {
  test('the chosen tool without a signed agreement', () => {
    for (const agreement of ['offered', 'none', 'unknown', undefined] as const) {
      const found = of(choosing({ dataProtection: { jurisdiction: 'EU', ...(agreement ? { agreement } : {}) } }), 'data-protection-unclear');
      expect(found).toEqual([{ code: 'data-protection-unclear', path: 'research.candidates[0]', params: { name: 'Adhésio', problem: 'agreement', law: 'clear' } }]);
    }
  });

  test('a shortlisted tool under US, other or unknown law, or with no law recorded while hosted outside the EU or who knows where', () => {
    expect(of(choosing({}, { dataProtection: { jurisdiction: 'US' } }), 'data-protection-unclear').map((w) => [w.path, w.params.problem, w.params.law])).toEqual([['research.candidates[1]', 'law', 'us']]);
    expect(of(choosing({}, { dataProtection: { jurisdiction: 'other' } }), 'data-protection-unclear')[0]!.params.law).toBe('elsewhere');
    expect(of(choosing({}, { dataProtection: { jurisdiction: 'unknown' } }), 'data-protection-unclear')[0]!.params.law).toBe('unknown');
    expect(of(choosing({}, { hosting: 'outside-EU' }), 'data-protection-unclear')[0]!.params.law).toBe('unrecorded');
    expect(of(choosing({}, { hosting: 'unknown' }), 'data-protection-unclear')[0]!.params.law).toBe('unrecorded');
    // The chosen tool can have both problems: one warning that says both.
    expect(of(choosing({ dataProtection: { jurisdiction: 'US' } }), 'data-protection-unclear').map((w) => w.params.problem)).toEqual(['both']);
  });

  test('not raised for clear tools, for a tool neither shortlisted nor chosen, nor once a data-protection risk has a mitigation', () => {
    expect(of(choosing(), 'data-protection-unclear')).toEqual([]);
    // UK law, and a stated law that overrides where the data centre is
    expect(of(choosing({}, { dataProtection: { jurisdiction: 'UK' } }), 'data-protection-unclear')).toEqual([]);
    expect(of(choosing({}, { hosting: 'outside-EU', dataProtection: { jurisdiction: 'EU' } }), 'data-protection-unclear')).toEqual([]);
    expect(of(choosing({}, { shortlisted: false, hosting: 'outside-EU' }), 'data-protection-unclear')).toEqual([]);
    const risky = choosing({ dataProtection: { agreement: 'none', jurisdiction: 'US' } });
    expect(of(risky, 'data-protection-unclear')).toHaveLength(1);
    const risk = (mitigation?: string) => ({ needs: { risks: [{ id: 'R1', area: 'data-protection' as const, ...(mitigation !== undefined ? { mitigation } : {}) }] } });
    expect(of({ ...risky, ...risk('Contrat signé, hébergeur européen') }, 'data-protection-unclear')).toEqual([]);
    // a risk named but not yet handled does not count
    expect(of({ ...risky, ...risk('  ') }, 'data-protection-unclear')).toHaveLength(1);
    expect(of({ ...risky, ...risk() }, 'data-protection-unclear')).toHaveLength(1);
  });
});

describe('accessibility-unknown: the chosen tool', () => {
  test('raised when its statement is unknown or none', () => {
    expect(of(choosing({ accessibility: { statement: 'unknown' } }), 'accessibility-unknown')).toEqual([{ code: 'accessibility-unknown', path: 'research.candidates[0]', params: { name: 'Adhésio', statement: 'unknown' } }]);
    expect(of(choosing({ accessibility: { statement: 'none' } }), 'accessibility-unknown')).toHaveLength(1);
  });

  test('not raised for a full or partial statement, for a tool not chosen, nor before the choice', () => {
    expect(of(choosing({ accessibility: { statement: 'full' } }), 'accessibility-unknown')).toEqual([]);
    expect(of(choosing({}, { accessibility: { statement: 'none' } }), 'accessibility-unknown')).toEqual([]);
    expect(of({ ...choosing({ accessibility: { statement: 'none' } }), poc: {} }, 'accessibility-unknown')).toEqual([]);
  });
});

describe('over-budget', () => {
  // 500 once and 50 a month: 1 100 the first year, 500 + 3 × 600 = 2 300 over three years, 3 500 over five.
  const items = [
    { item: 'Paramétrage', amount: 500, kind: 'one-off' as const },
    { item: 'Abonnement', amount: 50, kind: 'recurring' as const, period: 'month' as const },
  ];
  const budget = (ceiling: { amount?: number; per?: 'year' | 'total' }, more = {}): Project => ({ version: 1, needs: { budget: { currency: 'EUR', items, ceiling, ...more } } });

  test('a yearly ceiling holds the first year of the budget', () => {
    expect(of(budget({ amount: 1099.99, per: 'year' }), 'over-budget')).toEqual([
      { code: 'over-budget', path: 'needs.budget.ceiling', params: { amount: 1100, ceiling: 1099.99, per: 'year', years: 3, currency: 'EUR', source: 'budget', name: '' } },
    ]);
    expect(of(budget({ amount: 1100, per: 'year' }), 'over-budget')).toEqual([]);
    // without `per`, a ceiling is yearly
    expect(of(budget({ amount: 1000 }), 'over-budget')).toHaveLength(1);
  });

  test('a total ceiling holds the whole horizon', () => {
    expect(of(budget({ amount: 2300, per: 'total' }), 'over-budget')).toEqual([]);
    expect(of(budget({ amount: 2299, per: 'total' }), 'over-budget')[0]!.params).toMatchObject({ amount: 2300, per: 'total', years: 3 });
    expect(of(budget({ amount: 3000, per: 'total' }, { horizon: 5 }), 'over-budget')[0]!.params).toMatchObject({ amount: 3500, years: 5 });
  });

  test('without budget lines, the chosen tool\'s costs, its volunteer time left out', () => {
    const project = choosing({ hoursPerMonth: 10, costs: [{ amount: 300, kind: 'one-off' }, { amount: 30, kind: 'recurring', period: 'month' }] }, {}, { needs: { budget: { ceiling: { amount: 600, per: 'year' }, hourValue: 20 } } });
    // 300 + 12 × 30 = 660 the first year; the 2 400 of valued time are not money spent.
    expect(of(project, 'over-budget')[0]!.params).toMatchObject({ amount: 660, source: 'tool', name: 'Adhésio' });
    expect(of({ ...project, needs: { budget: { ceiling: { amount: 660, per: 'year' } } } }, 'over-budget')).toEqual([]);
  });

  test('not raised without a ceiling, or with nothing to hold to it', () => {
    expect(of(budget({}), 'over-budget')).toEqual([]);
    expect(of({ version: 1, needs: { budget: { ceiling: { amount: 0, per: 'year' } } } }, 'over-budget')).toEqual([]);
    expect(of(choosing({}, {}, { needs: { budget: { ceiling: { amount: 0, per: 'year' } } } }), 'over-budget')).toEqual([]);
  });
});

describe('contract-renewal: a contract of a tool in place that ends within 60 days', () => {
  const inventory = (contractEnd: string): Project => ({ version: 1, practices: { vision: { inventory: [{ tool: 'Kept', fate: 'kept' }, { tool: 'Logiciel de dons', fate: 'replaced', monthlyCost: 15, contractEnd }] } } });
  test('raised from today to 60 days ahead', () => {
    expect(of(inventory(TODAY), 'contract-renewal')).toEqual([{ code: 'contract-renewal', path: 'practices.vision.inventory[1]', params: { tool: 'Logiciel de dons', date: TODAY } }]);
    // 2026-11-27 + 60 days = 2027-01-26
    expect(of(inventory('2027-01-26'), 'contract-renewal')).toHaveLength(1);
  });

  test('not raised further ahead, nor for a contract already ended', () => {
    expect(of(inventory('2027-01-27'), 'contract-renewal')).toEqual([]);
    expect(of(inventory('2026-11-26'), 'contract-renewal')).toEqual([]);
  });
});

describe('budget-gaps: once the lines carry categories, training and the long term', () => {
  type Category = 'licence' | 'setup' | 'training' | 'hosting' | 'maintenance' | 'other';
  const lines = (...categories: (Category | undefined)[]): Project => ({ version: 1, needs: { budget: { items: categories.map((category, i) => ({ item: `L${i}`, amount: 10, ...(category ? { category } : {}) })) } } });
  test('raised when training, the long term, or both are missing', () => {
    expect(of(lines('licence', 'hosting'), 'budget-gaps')).toEqual([{ code: 'budget-gaps', path: 'needs.budget.items', params: { missing: 'training' } }]);
    expect(of(lines('licence', 'training'), 'budget-gaps')[0]!.params.missing).toBe('long-term');
    expect(of(lines('licence', undefined), 'budget-gaps')[0]!.params.missing).toBe('both');
  });

  test('not raised with both, with maintenance for the long term, or before any line has a category', () => {
    expect(of(lines('training', 'hosting'), 'budget-gaps')).toEqual([]);
    expect(of(lines('training', 'maintenance', 'licence'), 'budget-gaps')).toEqual([]);
    expect(of(lines(undefined, undefined), 'budget-gaps')).toEqual([]);
  });
});

describe('how the new warnings are said', () => {
  const samples: Project[] = [
    { version: 1, research: { candidates: [{ id: 'a', name: 'Adhésio', shortlisted: true, hosting: 'unknown', accessibility: { statement: 'none' } }, { id: 'b', name: 'Cotiz', dataProtection: { jurisdiction: 'US' }, shortlisted: true }] }, poc: { decision: { chosen: 'a' } } },
    { version: 1, research: { candidates: [{ id: 'a', name: 'Adhésio', shortlisted: true, accessibility: { statement: 'unknown' } }] }, poc: { decision: { chosen: 'a' } } },
    { version: 1, needs: { budget: { currency: 'EUR', items: [{ amount: 500, kind: 'one-off', category: 'setup' }], ceiling: { amount: 400, per: 'total' } } } },
    { version: 1, needs: { budget: { items: [{ amount: 500, kind: 'one-off', category: 'training' }] } }, practices: { vision: { inventory: [{ tool: 'Logiciel de dons', contractEnd: '2027-01-10' }] } } },
  ];
  const newCodes = ['few-shortlisted', 'data-protection-unclear', 'accessibility-unknown', 'over-budget', 'contract-renewal', 'budget-gaps'] as const;

  test.each(['en', 'fr'] as const)('in plain words (%s): the item named, no field path, no code, no placeholder left', async (lang) => {
    const t = await loadTranslator(lang);
    const said = samples.flatMap((project) => warnings(project, TODAY)).filter((w) => (newCodes as readonly string[]).includes(w.code));
    expect(new Set(said.map((w) => w.code))).toEqual(new Set(newCodes));
    for (const warning of said) {
      const message = warningMessage(warning, t);
      expect([warning.code, message]).not.toEqual([warning.code, expect.stringMatching(/[{}]|\b(research|needs|practices|poc)\.|\[i\]|few-shortlisted|data-protection-unclear|over-budget|budget-gaps|contract-renewal|accessibility-unknown/)]);
      const named = warning.params.name || warning.params.tool;
      if (named) expect(message).toContain(named);
    }
    const messages = said.map((w) => warningMessage(w, t)).join('\n');
    if (lang === 'en') {
      expect(messages).toContain('The budget comes to €500 over 3 years, above the ceiling of €400 in all.');
      expect(messages).toContain('Nothing yet shows that European data-protection law covers the data in Cotiz: its provider answers to United States law.');
      expect(messages).toContain('The contract for Logiciel de dons ends on 10 January 2027');
    } else {
      expect(messages).toContain('Le budget atteint 500\u00a0€ sur 3 ans, au-delà du plafond de 400\u00a0€ au total.');
      expect(messages).toContain('le 10 janvier 2027');
    }
  });

  test('each has what to do, for a terminal, in both languages', async () => {
    const steps = { en: '(research|needs|practices)', fr: '(recherche|besoins|pratiques)' };
    for (const lang of ['en', 'fr'] as const) {
      const t = await loadTranslator(lang);
      for (const warning of samples.flatMap((project) => warnings(project, TODAY)).filter((w) => (newCodes as readonly string[]).includes(w.code))) {
        expect(t.has(`warning.${warning.code}.advice`)).toBe(true);
        // The step to edit in the reader's own words, as they type it: the command alone, then where in its menus.
        expect(warningAdvice(warning, t)).toMatch(new RegExp(`adopt edit ${steps[lang]}(, |\\.|$)`));
        expect(warningAdvice(warning, t)).not.toMatch(/adopt edit \S+ ›/);
      }
    }
  });
});

describe('the codes, the catalogue and the guides stay in step', () => {
  test.each(['warnings.md', 'fr/warnings.md'])('docs/%s documents exactly the codes, in their order', async (file) => {
    const doc = await readFile(new URL(`../../docs/${file}`, import.meta.url), 'utf8');
    const rows = doc.split('\n').map((line) => /^\| `([a-z-]+)` \|/.exec(line)?.[1]).filter(Boolean);
    expect(rows).toEqual([...warningCodes]);
  });
});
