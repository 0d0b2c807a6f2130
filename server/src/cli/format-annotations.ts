/**
 * The output of `dateline annotate`: what the analysis recognised in each article. JSON ranges are
 * LSP ranges (0-based lines, UTF-16 characters) from present/line-index.ts; text lines are 1-based.
 */
import type { Annotation, Corpus } from '../analysis/index.js';
import type { Range } from '../present/index.js';
import type { JsonProblem, Paint } from './format.js';
import { lookupOf, problemToJson } from './format.js';
import { oneLine, quoteFileName } from './one-line.js';
import type { LoadedInput } from './load.js';

/** One article in `annotate --format json`. */
export interface AnnotatedFile {
  path: string;
  dateline: { text: string; range: Range; value: string } | null;
  entities: { type: string; text: string; range: Range; canonical: string; variant: boolean }[];
  dates: { text: string; range: Range; value: string | null; how: string; relative: boolean }[];
  acronyms: { text: string; range: Range; expansion: string | null }[];
  furniture: Range[];
}

/** The whole of `annotate --format json`. */
export interface AnnotateJson {
  files: AnnotatedFile[];
  problems: JsonProblem[];
}

/** The dateline, entities, dates, acronyms and page furniture of every article asked about (not those read for context). */
export function collectAnnotations(corpus: Corpus, input: LoadedInput): AnnotateJson {
  const lookup = lookupOf(corpus);
  const named = input.articles.filter((article) => !article.context);
  const files = named.map(({ file, text }): AnnotatedFile => {
    const lines = lookup.lines(file)!;
    const article = corpus.article(file)!;
    const dateline = article.structure.dateline;
    const annotations = corpus.annotations(file);
    return {
      path: file,
      dateline: dateline
        ? { text: dateline.text, range: lines.spanToRange(dateline.span), value: dateline.value }
        : null,
      entities: annotations
        .filter((a): a is Extract<Annotation, { kind: 'entity' }> => a.kind === 'entity')
        .map((a) => ({
          type: a.cluster.type,
          text: text.slice(a.span.start, a.span.end),
          range: lines.spanToRange(a.span),
          canonical: a.cluster.canonical,
          variant: a.mention.variant,
        })),
      dates: corpus.dates(file).map((d) => ({
        text: d.text,
        range: lines.spanToRange(d.span),
        value: d.value,
        how: d.how,
        relative: d.relative,
      })),
      acronyms: annotations
        .filter((a): a is Extract<Annotation, { kind: 'acronym' }> => a.kind === 'acronym')
        .map((a) => ({
          text: a.mention.acronym,
          range: lines.spanToRange(a.span),
          expansion: a.mention.expansion?.text ?? a.entry.canonical ?? null,
        })),
      furniture: article.structure.furniture.map((block) => lines.spanToRange(block.span)),
    };
  });
  return { files, problems: input.problems.map(problemToJson) };
}

/** `annotate --format json`, pretty-printed. */
export function formatAnnotationsJson(output: AnnotateJson): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}

/** `annotate --format text`: one line per annotation, `file:line:col kind "text" → details`, 1-based. */
export function formatAnnotationsText(output: AnnotateJson, paint: Paint): string {
  const lines: { line: number; column: number; text: string }[] = [];
  const out: string[] = [];
  for (const file of output.files) {
    lines.length = 0;
    const at = (range: Range, text: string): void =>
      void lines.push({ line: range.start.line + 1, column: range.start.character + 1, text });
    if (file.dateline)
      at(file.dateline.range, `dateline ${JSON.stringify(file.dateline.text)} = ${file.dateline.value}`);
    for (const e of file.entities)
      at(e.range, `${e.type} ${JSON.stringify(e.text)} → ${e.canonical}${e.variant ? ' (variant)' : ''}`);
    for (const d of file.dates)
      at(d.range, `date ${JSON.stringify(d.text)} = ${d.value ?? 'unresolved'} (${d.how})`);
    for (const a of file.acronyms)
      at(a.range, `acronym ${a.text}${a.expansion ? ` = ${a.expansion}` : ' (no expansion known)'}`);
    for (const range of file.furniture) at(range, `furniture to line ${range.end.line + 1}`);
    lines.sort((a, b) => a.line - b.line || a.column - b.column);
    const name = quoteFileName(file.path);
    for (const l of lines) out.push(`${paint('bold', `${name}:${l.line}:${l.column}`)} ${oneLine(l.text)}`);
  }
  return out.map((line) => `${line}\n`).join('');
}
