/** The output of `dateline annotate`: what the analysis recognised in each article, with its details. */
import type { Annotation, Corpus } from '../analysis/index.js';
import type { LoadedInput } from './load.js';
import type { JsonProblem, JsonRange, Paint } from './format.js';
import { problemToJson, spanToRange } from './format.js';

/** One annotation in JSON output: where, what kind, the text, and the details of its kind. */
export type JsonAnnotation = Omit<JsonRange, 'file'> & {
  kind: Annotation['kind'];
  text: string;
  details: Record<string, unknown>;
};

/** The whole of `annotate --format json`. */
export interface AnnotateJson {
  articles: { file: string; annotations: JsonAnnotation[] }[];
  problems: JsonProblem[];
}

/** The details that matter for each kind of annotation: canonical name, value and how, expansion. */
export function annotationDetails(annotation: Annotation): Record<string, unknown> {
  switch (annotation.kind) {
    case 'entity':
      return {
        type: annotation.cluster.type,
        canonical: annotation.cluster.canonical,
        canonicalReason: annotation.cluster.canonicalReason,
        variant: annotation.mention.variant,
      };
    case 'acronym':
      return {
        acronym: annotation.mention.acronym,
        expansion: annotation.mention.expansion?.text ?? annotation.entry.canonical ?? null,
        defined: annotation.mention.expansion !== undefined,
      };
    case 'date':
      return {
        value: annotation.date.value,
        how: annotation.date.how,
        relative: annotation.date.relative,
        anchor: annotation.anchor
          ? { source: annotation.anchor.source, date: annotation.anchor.date }
          : annotation.date.anchor,
      };
    case 'dateline':
      return { value: annotation.dateline.value, date: annotation.dateline.date };
  }
}

/** Every loaded article's annotations as JSON, 1-based. */
export function collectAnnotations(corpus: Corpus, input: LoadedInput): AnnotateJson {
  return {
    articles: input.articles.map(({ file, text }) => ({
      file,
      annotations: corpus.annotations(file).map((annotation) => {
        const { file: _file, ...range } = spanToRange(file, text, annotation.span);
        return {
          ...range,
          kind: annotation.kind,
          text: text.slice(annotation.span.start, annotation.span.end),
          details: annotationDetails(annotation),
        };
      }),
    })),
    problems: input.problems.map(problemToJson),
  };
}

/** `annotate --format json`, pretty-printed. */
export function formatAnnotationsJson(output: AnnotateJson): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}

/** `annotate --format text`: one line per annotation, `file:line:col: kind "text" details`. */
export function formatAnnotationsText(output: AnnotateJson, paint: Paint): string {
  const lines: string[] = [];
  for (const article of output.articles) {
    for (const annotation of article.annotations) {
      const where = paint('bold', `${article.file}:${annotation.line}:${annotation.column}:`);
      lines.push(
        `${where} ${annotation.kind} ${JSON.stringify(annotation.text)} ${describeDetails(annotation)}`.trimEnd(),
      );
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

function describeDetails(annotation: JsonAnnotation): string {
  const d = annotation.details;
  switch (annotation.kind) {
    case 'entity':
      // person → Chris Hipkins (3 of 4 mentions, in 3 articles)
      return `${String(d.type)} → ${String(d.canonical)} (${String(d.canonicalReason)})`;
    case 'acronym':
      return d.expansion === null
        ? '(no expansion known)'
        : `= ${String(d.expansion)}${d.defined ? ' (defined here)' : ''}`;
    case 'date':
      return `= ${d.value === null ? 'unresolved' : String(d.value)} (${String(d.how)})`;
    case 'dateline':
      return `= ${String(d.value)}`;
  }
}
