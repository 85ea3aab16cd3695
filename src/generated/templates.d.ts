// The types of the built templates.js beside it (scripts/build-templates.mjs).
import type { TemplateSpecification } from 'handlebars';

export declare const templates: Record<string, TemplateSpecification>;
