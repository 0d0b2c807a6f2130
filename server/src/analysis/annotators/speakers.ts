/**
 * Speakers in a transcript, named in capitals before a colon at the start of a line:
 *
 *   ROE: We asked for the data in March.
 *
 * A label is a person when the article names that person otherwise ("Jane Roe"), so "Q:", "NOTE:"
 * and "UPDATE:" never are. No library reads transcript labels; this is hand-written.
 */
import { nameTokens } from '../names.js';
import type { EntityMention } from '../types.js';

const label = /^([\p{Lu}][\p{Lu}'’.-]+(?: [\p{Lu}][\p{Lu}'’.-]+){0,2}):[ \t]/gmu;

/** The speaker labels of a transcript that name a person of the article, as person mentions. */
export function speakerLabels(text: string, entities: EntityMention[]): EntityMention[] {
  const words = new Set(
    entities.filter((e) => e.type === 'person').flatMap((e) => nameTokens(e.text)),
  );
  const found: EntityMention[] = [];
  for (const match of text.matchAll(label)) {
    const name = match[1]!;
    const tokens = nameTokens(name);
    if (tokens.length === 0 || !tokens.every((t) => words.has(t))) continue;
    const start = match.index;
    // Already a mention (a name the article's reading typed itself): not twice.
    if (entities.some((e) => e.span.start < start + name.length && start < e.span.end)) continue;
    found.push({ type: 'person', span: { start, end: start + name.length }, text: name });
  }
  return found;
}
