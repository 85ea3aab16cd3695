/**
 * A user's own templates (`render --templates DIR`) are checked before anything is written: a
 * block left open, a partial that does not exist or a message key adopt does not have is the
 * template's mistake, said with its file and line, not a bug inside adopt.
 */
import path from 'node:path';
import type { Translator } from '../i18n/index.js';
import { UsageError } from '../errors.js';

type Handlebars = typeof import('handlebars');
type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

export interface TemplateSource {
  /** The name it overrides, such as "plan.md" or "partials/md/poc". */
  name: string;
  source: string;
  /** The file as the user named its folder: mine/plan.md.hbs. */
  shown: string;
}

export function shownTemplate(shownDir: string, name: string): string {
  return path.join(shownDir, `${name}.hbs`);
}

export function checkUserTemplate(library: Handlebars, template: TemplateSource, partials: ReadonlySet<string>, t: Translator): void {
  let ast: hbs.AST.Program;
  try {
    ast = library.parse(template.source);
  } catch (error) {
    const found = error as Error & { lineNumber?: number };
    const line = found.lineNumber ?? Number(/line (\d+)/.exec(found.message)?.[1] ?? 1);
    throw new UsageError(t('render.templateSyntax', { file: template.shown, line }));
  }
  const problems: string[] = [];
  const visitor = new library.Visitor();
  const line = (node: Node) => node.loc?.start.line ?? 1;
  const stringParam = (node: { params: hbs.AST.Expression[] }) => (node.params[0]?.type === 'StringLiteral' ? (node.params[0] as hbs.AST.StringLiteral).value : undefined);
  const checkT = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement) => {
    const key = (node.path as hbs.AST.PathExpression).original === 't' ? stringParam(node) : undefined;
    if (key !== undefined && !t.has(key)) problems.push(t('render.templateKey', { file: template.shown, line: line(node), key }));
  };
  const base = { Mustache: visitor.MustacheStatement, Sub: visitor.SubExpression, Block: visitor.BlockStatement, Partial: visitor.PartialStatement };
  Object.assign(visitor, {
    MustacheStatement(this: unknown, node: hbs.AST.MustacheStatement) {
      checkT(node);
      return base.Mustache.call(this, node);
    },
    SubExpression(this: unknown, node: hbs.AST.SubExpression) {
      checkT(node);
      return base.Sub.call(this, node);
    },
    BlockStatement(this: unknown, node: hbs.AST.BlockStatement) {
      checkT(node);
      return base.Block.call(this, node);
    },
    PartialStatement(this: unknown, node: hbs.AST.PartialStatement) {
      // A partial named by an expression is only known while writing: checked then.
      const name = node.name.type === 'PathExpression' ? (node.name as hbs.AST.PathExpression).original : undefined;
      if (name !== undefined && !partials.has(name)) problems.push(t('render.templatePartial', { file: template.shown, line: line(node), name }));
      return base.Partial.call(this, node);
    },
  });
  visitor.accept(ast);
  if (problems.length > 0) throw new UsageError(problems[0]!);
}

/** A helper called with fewer values than it needs, such as {{count}}. */
export class HelperMisuse extends Error {
  constructor(
    readonly helper: string,
    readonly usage: string,
  ) {
    super(`the helper ${helper} was given too few values`);
    this.name = 'HelperMisuse';
  }
}

/** A mistake met only while writing (a helper given the wrong values): the template is named. */
export function templateFailed(error: unknown, shown: string, doc: string, t: Translator): UsageError {
  if (error instanceof HelperMisuse) return new UsageError(t('render.templateHelper', { file: shown, helper: error.helper, doc, usage: error.usage }));
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/\.$/, '');
  return new UsageError(t('render.templateFailed', { file: shown, doc, reason }));
}
