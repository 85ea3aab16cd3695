/**
 * The offline form page (`adopt form poc|review`): one HTML file a person fills on a phone, or
 * prints and fills with a pen. Its script only saves the answers as a response file (the shape is
 * in forms-contract.md); the page asks no network for anything, which its Content-Security-Policy
 * enforces: its own style and script are allowed by their hashes, nothing else is.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../generated/model.js';
import type { MsgKey, Translator } from '../i18n/index.js';
import { formQuestions, projectFingerprint, questionsFingerprint, type FormKind, type FormQuestion } from '../derive/form-questions.js';
import { packageRoot } from '../package-root.js';
import { choiceWords } from './form-csv.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * JSON that stays data inside a <script> element: `<` can no longer close it (`</script>`) nor
 * open a comment, and U+2028/U+2029, line ends in old JavaScript, cannot break the line.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let assets: { style: string; script: string } | undefined;
function formAssets() {
  const dir = path.join(packageRoot(), 'templates', 'form');
  return (assets ??= { style: readFileSync(path.join(dir, 'form.css'), 'utf8'), script: readFileSync(path.join(dir, 'form.js'), 'utf8') });
}

/** Builds the page's parts with unique ids, so every field has its label. */
class Parts {
  private next = 0;
  constructor(readonly t: Translator) {}
  id(): string {
    return `q${++this.next}`;
  }

  choices(question: FormQuestion, labelOf: (value: string | number, label?: string) => { shown: string; hidden?: string }, layout: 'scale' | 'list' | 'row'): string {
    const numeric = question.kind === 'score' || question.kind === 'sus';
    const items = (question.choices ?? []).map((choice) => {
      const { shown, hidden } = labelOf(choice.value, choice.label);
      const extra = hidden ? `<span class="sr"> — ${escapeHtml(hidden)}</span>` : '';
      return `<li><label><input type="radio" name="${escapeHtml(question.code)}" value="${escapeHtml(String(choice.value))}"${numeric ? ' data-number' : ''}${question.required ? ' required' : ''}><span>${escapeHtml(shown)}</span>${extra}</label></li>`;
    });
    return `<ul class="choices ${layout}">${items.join('')}</ul>`;
  }

  group(legend: string, body: string, hint?: string): string {
    const extra = hint ? ` <span class="hint">${escapeHtml(hint)}</span>` : '';
    return `<fieldset><legend>${escapeHtml(legend)}${extra}</legend>${body}</fieldset>`;
  }

  text(question: FormQuestion, label: string, single = false): string {
    const id = this.id();
    const field = single ? `<input type="text" id="${id}" name="${escapeHtml(question.code)}" autocomplete="name">` : `<textarea id="${id}" name="${escapeHtml(question.code)}" rows="3"></textarea>`;
    return `<label class="field" for="${id}">${escapeHtml(label)}</label>${field}`;
  }

  ends(low: MsgKey, high: MsgKey): string {
    return `<p class="ends" aria-hidden="true"><span>${escapeHtml(this.t(low))}</span><span>${escapeHtml(this.t(high))}</span></p>`;
  }
}

function pocBody(project: Project, questions: FormQuestion[], parts: Parts): string {
  const { t } = parts;
  const out: string[] = [];
  const who = questions.find((q) => q.code === 'WHO');
  if (who) out.push(parts.group(t('form.poc.who'), parts.choices(who, (value, label) => ({ shown: label ?? String(value) }), 'list')));
  const weights = new Map((project.poc?.criteria ?? []).map((c) => [c.id, c.weight ?? 1]));
  const criterionText = new Map((project.poc?.criteria ?? []).map((c) => [c.id, c.text ?? c.id]));
  for (const candidate of (project.research?.candidates ?? []).filter((c) => questions.some((q) => q.candidate === c.id))) {
    out.push(`<h2>${escapeHtml(candidate.name ?? candidate.id)}</h2>`);
    out.push(`<p class="hint">${escapeHtml(t('form.poc.scale'))}</p>`);
    for (const question of questions.filter((q) => q.candidate === candidate.id)) {
      if (question.kind === 'text') {
        out.push(parts.text(question, t('form.poc.note', { tool: candidate.name ?? candidate.id })));
        continue;
      }
      const label = (value: string | number) => ({ shown: String(value), hidden: t(`form.score.${value}` as MsgKey) });
      out.push(parts.group(criterionText.get(question.criterion!)!, parts.choices(question, label, 'scale'), t('form.poc.weight', { weight: weights.get(question.criterion!) ?? 1 })));
    }
  }
  return out.join('\n');
}

function reviewBody(project: Project, questions: FormQuestion[], parts: Parts): string {
  const { t } = parts;
  const out: string[] = [];
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const audience = byCode.get('AUD');
  if (audience) out.push(parts.group(t('form.review.audience'), parts.choices(audience, (value, label) => ({ shown: label ?? String(value) }), 'list')));

  out.push(`<h2>${escapeHtml(t('form.review.objectives'))}</h2>`, `<p class="hint">${escapeHtml(t('form.review.objectivesIntro'))}</p>`);
  for (const objective of project.needs?.objectives ?? []) {
    const question = byCode.get(objective.id);
    if (!question) continue;
    const status = (value: string | number) => ({ shown: choiceWords('status', value, t)[0]! });
    const hint = objective.indicator ? t('form.review.indicator', { indicator: objective.indicator }) : undefined;
    out.push(parts.group(question.text, parts.choices(question, status, 'row'), hint));
    out.push(parts.text(byCode.get(`${objective.id}/NOTE`)!, t('form.review.objectiveNote')));
  }

  out.push(`<h2>${escapeHtml(t('form.review.sus'))}</h2>`, `<p class="hint">${escapeHtml(t('form.review.susIntro'))}</p>`);
  for (const question of questions.filter((q) => q.kind === 'sus')) {
    const n = Number(question.code.slice(3));
    const label = (value: string | number) => ({ shown: String(value), hidden: t(`form.sus.${value}` as MsgKey) });
    out.push(parts.group(`${n}. ${t(`sus.${n}` as MsgKey)}`, parts.ends('form.sus.1', 'form.sus.5') + parts.choices(question, label, 'scale')));
  }

  out.push(`<h2>${escapeHtml(t('form.review.effects'))}</h2>`);
  out.push(parts.text(byCode.get('EFF+')!, t('form.review.effectPositive')));
  out.push(parts.text(byCode.get('EFF-')!, t('form.review.effectNegative')));
  out.push(parts.text(byCode.get('COM')!, t('form.review.comment')));
  out.push(`<h2>${escapeHtml(t('form.review.nameTitle'))}</h2>`);
  out.push(parts.text(byCode.get('NAME')!, t('form.review.name'), true));
  return out.join('\n');
}

/** The tool a review is about: the one chosen at the end of the test, when there is one. */
function chosenTool(project: Project): string | undefined {
  const chosen = project.poc?.decision?.chosen;
  return (project.research?.candidates ?? []).find((c) => c.id === chosen)?.name ?? undefined;
}

export function formPage(project: Project, kind: FormKind, t: Translator): string {
  const questions = formQuestions(project, kind);
  const { style, script } = formAssets();
  const parts = new Parts(t);
  const tool = chosenTool(project);
  const heading = kind === 'poc' ? t('form.poc.title') : tool ? t('form.review.titleTool', { tool }) : t('form.review.title');
  const lead = project.lead?.name;
  const to = lead ? t('form.sendTo', { lead }) : t('form.sendToSomeone');
  const data = {
    form: kind,
    project: projectFingerprint(project),
    questions: questionsFingerprint(kind, questions),
    required: questions.filter((q) => q.required).map((q) => q.code),
    whoCode: kind === 'poc' ? 'WHO' : 'NAME',
    messages: { saved: t('form.saved', { to }), missing: t(kind === 'poc' ? 'form.poc.missingWho' : 'form.review.missingAudience') },
  };
  const csp = `default-src 'none'; style-src ${cspHash(style)}; script-src ${cspHash(script)}; form-action 'none'; base-uri 'none'`;
  const title = project.project?.title;
  const body = kind === 'poc' ? pocBody(project, questions, parts) : reviewBody(project, questions, parts);
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title ? `${heading} — ${title}` : heading)}</title>
<style>${style}</style>
</head>
<body>
<main>
<header>
${title || project.project?.organisation ? `<p class="kicker">${escapeHtml([project.project?.organisation, title].filter(Boolean).join(' · '))}</p>` : ''}
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(t(kind === 'poc' ? 'form.poc.intro' : 'form.review.intro'))}</p>
${kind === 'review' ? `<p>${escapeHtml(t('form.review.anonymous'))}</p>` : ''}
<div class="box"><p>${escapeHtml(t('form.howScreen', { to }))}</p><p>${escapeHtml(t('form.howPaper', { to }))}</p></div>
</header>
<form id="answers" novalidate>
${body}
</form>
<section id="send" hidden aria-labelledby="send-title">
<h2 id="send-title">${escapeHtml(t('form.sendTitle'))}</h2>
<p>${escapeHtml(t('form.sendIntro', { to }))}</p>
<button id="save" type="button">${escapeHtml(t('form.save'))}</button>
<p id="save-status" role="status" aria-live="polite"></p>
</section>
</main>
<script type="application/json" id="form-data">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
