/** Builds article analyses by hand, for testing the corpus layer apart from the annotators. */
import { linesOf } from '../../server/src/analysis/tokenize.js';
import type {
  AcronymMention,
  ArticleAnalysis,
  EntityMention,
  EntityType,
  Finding,
  RoleMention,
} from '../../server/src/analysis/types.js';

/** An entity to place: its type, its text (found in the article's text) and an optional office. */
export interface EntitySpec {
  type: EntityType;
  text: string;
  role?: { text: string; title: string; country?: string; organization?: string };
  nth?: number;
}

/** An article whose entities and acronym definitions are given, spans found by searching the text. */
export function articleWith(
  id: string,
  text: string,
  entities: EntitySpec[],
  options: { acronyms?: { acronym: string; expansion?: string }[]; dateline?: string } = {},
): ArticleAnalysis {
  const find = (needle: string, nth = 0): number => {
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`"${needle}" not in ${id}`);
    }
    return at;
  };
  const mentions: EntityMention[] = entities.map((spec) => {
    const start = find(spec.text, spec.nth);
    let role: RoleMention | undefined;
    if (spec.role) {
      const roleStart = text.lastIndexOf(spec.role.text, start);
      role = {
        title: spec.role.title,
        span: { start: roleStart, end: roleStart + spec.role.text.length },
        ...(spec.role.country ? { country: spec.role.country } : {}),
        ...(spec.role.organization ? { organization: spec.role.organization } : {}),
      };
    }
    return { type: spec.type, text: spec.text, span: { start, end: start + spec.text.length }, ...(role ? { role } : {}) };
  });
  const acronyms: AcronymMention[] = (options.acronyms ?? []).map(({ acronym, expansion }) => {
    const start = find(acronym);
    const mention: AcronymMention = { acronym, span: { start, end: start + acronym.length } };
    if (expansion) {
      const at = find(expansion);
      mention.expansion = { text: expansion, span: { start: at, end: at + expansion.length } };
    }
    return mention;
  });
  const dateline = options.dateline
    ? { text: options.dateline, span: { start: 0, end: options.dateline.length }, value: options.dateline, date: options.dateline }
    : null;
  return {
    id,
    text,
    structure: { lineStarts: linesOf(text).map((line) => line.start), headline: null, dateline, furniture: [] },
    entities: mentions,
    acronyms,
    dates: [],
    events: [],
  };
}

/** Findings as plain data, their explanations worked out: what two corpora are compared by. */
export function plainFindings(findings: Finding[]): (Omit<Finding, 'explain'> & { explain: string[] })[] {
  return findings.map((f) => ({ ...f, explain: f.explain() }));
}
