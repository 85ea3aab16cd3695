/**
 * A UID names an event in every calendar the file was imported into: two projects must never
 * share one, and a project's UIDs never change between runs or for names that already had them.
 */
import { icsCalendar } from '../../src/render/ics.js';
import { loadTranslator } from '../../src/i18n/index.js';
import type { Project } from '../../src/generated/model.js';

const uids = async (title: string, organisation?: string) => {
  const project: Project = { version: 1, project: { title, ...(organisation ? { organisation } : {}) }, needs: { schedule: { milestones: [{ id: 'M1', name: 'Go', date: '2027-01-01' }] } } };
  const text = icsCalendar(project, await loadTranslator('en'));
  return [...text.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]!);
};

describe('calendar UIDs', () => {
  test('projects named in Cyrillic, Chinese, Arabic or Greek get UIDs of their own', async () => {
    const all = [
      ...(await uids('Учёт членов', 'Садовый клуб')),
      ...(await uids('会员管理', '社区花园')),
      ...(await uids('إدارة الأعضاء')),
      ...(await uids('Διαχείριση μελών')),
      ...(await uids('Управление')),
    ];
    expect(new Set(all).size).toBe(all.length);
    for (const uid of all) expect(uid).toMatch(/^[a-z0-9.-]+-milestone-M1@adopt$/);
    expect(all).not.toContain('project-milestone-M1@adopt');
  });

  test('a name with a few Latin letters among others is told apart from the same letters alone', async () => {
    expect(await uids('Club A 花园')).not.toEqual(await uids('Club A'));
    expect(await uids('Club A 花园')).not.toEqual(await uids('Club A 社区'));
  });

  test('the same at every run; Latin names keep the UIDs they always had', async () => {
    expect(await uids('会员管理', '社区花园')).toEqual(await uids('会员管理', '社区花园'));
    expect(await uids('Gestion des adhésions', 'Les Jardins Partagés')).toEqual(['les-jardins-partages.gestion-des-adhesions-milestone-M1@adopt']);
    expect(await uids('Rota')).toEqual(['rota-milestone-M1@adopt']);
    expect(await uids('Les Cœurs de Straße 2027')).toEqual(['les-c-urs-de-stra-e-2027-milestone-M1@adopt']);
  });
});
