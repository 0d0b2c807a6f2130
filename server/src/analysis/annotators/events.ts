/**
 * Event mentions ("the alliance summit in Utopia", "the Riverton Summit") and how the article places
 * them in time: ahead of its own date ("upcoming", "will", "to be held") or behind it ("made this
 * announcement at the summit").
 */
import { lowerCase } from '../memo.js';
import { lastStartingBefore } from '../collections.js';
import type { Token, TokenSentence } from '../tokenize.js';
import { tenseNear } from './tense.js';
import type { DateMention, EntityMention, EventMention } from '../types.js';

/** Head nouns of events, singular; "talks" and "games" have no singular in this sense. */
const eventNouns = new Map<string, string>([
  ['summit', 'summit'],
  ['summits', 'summit'],
  ['meeting', 'meeting'],
  ['conference', 'conference'],
  ['visit', 'visit'],
  ['talks', 'talks'],
  ['election', 'election'],
  ['elections', 'election'],
  ['referendum', 'referendum'],
  ['ceremony', 'ceremony'],
  ['signing', 'signing'],
  ['forum', 'forum'],
  ['games', 'games'],
  ['olympics', 'olympics'],
  ['congress', 'congress'],
  ['convention', 'convention'],
  ['trial', 'trial'],
  ['hearing', 'hearing'],
  ['hearings', 'hearing'],
  ['inauguration', 'inauguration'],
  ['tour', 'tour'],
  ['vote', 'vote'],
]);

// Most words are far shorter or longer than any event noun: they are not lower-cased and looked up.
const shortestNoun = Math.min(...[...eventNouns.keys()].map((noun) => noun.length));
const longestNoun = Math.max(...[...eventNouns.keys()].map((noun) => noun.length));

/** How far (in words) from its head noun a place or a date may stand and still belong to the event. */
const window = 12;

/** Finds event mentions in the article's content sentences. */
export function annotateEvents(
  text: string,
  sentences: TokenSentence[],
  entities: EntityMention[],
  dates: DateMention[],
): EventMention[] {
  const events: EventMention[] = [];
  // Each sentence gets its own entities and dates up front: searching the whole article's lists for
  // every event was quadratic, minutes on a 5 MB single-line article with tens of thousands of events.
  const entitiesIn = bySentence(sentences, entities);
  const datesIn = bySentence(sentences, dates);
  for (const [s, sentence] of sentences.entries()) {
    const words = sentence.tokens.filter((t) => t.kind === 'word');
    for (let i = 0; i < words.length; i++) {
      const head = words[i]!;
      if (head.text.length < shortestNoun || head.text.length > longestNoun) continue;
      const kind = eventNouns.get(lowerCase(head.text));
      if (!kind) continue;
      // "visit" and "vote" are also verbs: "to visit", "will vote".
      const previous = words[i - 1]?.text.toLowerCase();
      if (
        (kind === 'visit' || kind === 'vote' || kind === 'tour') &&
        (previous === 'to' || previous === 'will')
      )
        continue;
      // "the Riverton Forum for the Environment said": a body's name, which holds the noun, is no event.
      if (entitiesIn[s]!.some((e) => e.type === 'organization' && e.span.start <= head.start && head.end <= e.span.end)) continue;
      events.push(eventAt(text, sentence, words, i, kind, entitiesIn[s]!, datesIn[s]!));
    }
  }
  return events;
}

function eventAt(
  text: string,
  sentence: TokenSentence,
  words: Token[],
  index: number,
  kind: string,
  entities: EntityMention[],
  dates: DateMention[],
): EventMention {
  const head = words[index]!;
  const inSentence = (span: { start: number; end: number }): boolean =>
    span.start >= sentence.start && span.end <= sentence.end;
  // The phrase runs left over capitalised modifiers and possessives: "Harbour Leaders Summit", "alliance's summit".
  let start = head.start;
  for (let j = index - 1; j >= 0 && index - j <= 4; j--) {
    const word = words[j]!;
    if (!/^\p{Lu}/u.test(word.text) && !/['’]s$/u.test(word.text)) break;
    start = word.start;
  }
  const phraseEnd = head.end;
  const after = words.slice(index + 1, index + 1 + window);
  const windowEnd = after.length > 0 ? after[after.length - 1]!.end : head.end;

  const inPhrase = (m: EntityMention): boolean => m.span.start >= start && m.span.end <= phraseEnd;
  const placeAfter = (m: EntityMention): boolean => {
    if (m.span.start < phraseEnd || m.span.end > windowEnd) return false;
    // Only "in Latvia", "at Riga", "held in Riga, Latvia": a place governed by in/at.
    const before = text.slice(Math.max(sentence.start, m.span.start - 4), m.span.start).toLowerCase();
    return /\b(in|at)\s+$/.test(before);
  };
  // "will gather in Glasgow on Monday for the World Leaders Summit": a place governed by in/at a few
  // words before the event, when none follows it.
  const windowStart = words[Math.max(0, index - 8)]!.start;
  const placeBefore = (m: EntityMention): boolean => {
    if (m.span.end > start || m.span.start < windowStart) return false;
    const before = text.slice(Math.max(sentence.start, m.span.start - 4), m.span.start).toLowerCase();
    return /\b(in|at)\s+$/.test(before);
  };
  const places = entities.filter(
    (m) => m.type === 'place' && inSentence(m.span) && (inPhrase(m) || placeAfter(m)),
  );
  const earlier = entities.filter((m) => m.type === 'place' && inSentence(m.span) && placeBefore(m));
  const place = places.find(inPhrase) ?? places[0] ?? earlier[earlier.length - 1];
  const organization = entities.find(
    (m) =>
      m.type === 'organization' && inSentence(m.span) && m.span.start >= start && m.span.end <= phraseEnd,
  );
  const date = dateOf(sentence, head, words, index, dates);
  const tense = tenseNear(text, sentence, head);

  return {
    text: text.slice(start, phraseEnd),
    span: { start, end: phraseEnd },
    kind,
    ...(organization ? { organization: organization.text } : {}),
    ...(place ? { place: { name: place.text, ...(place.country ? { country: place.country } : {}) } } : {}),
    ...(date ? { date } : {}),
    tense: tense.tense,
    ...(tense.cue ? { cue: tense.cue } : {}),
  };
}

/** A resolved date that modifies the event: after its head ("scheduled to start Tuesday") or just before ("on Wednesday at the"). */
function dateOf(
  sentence: TokenSentence,
  head: Token,
  words: Token[],
  index: number,
  dates: DateMention[],
): EventMention['date'] {
  const after = words[Math.min(words.length - 1, index + 8)]!.end;
  const before = words[Math.max(0, index - 6)]!.start;
  const candidates = dates.filter(
    (d) =>
      d.value !== null &&
      // A calendar date at some precision: not an interval ("2023/2026") nor a week ("2023-W09").
      /^\d{4}(-\d{2}){0,2}$/.test(d.value) &&
      d.span.start >= sentence.start &&
      d.span.end <= sentence.end &&
      ((d.span.start >= head.end && d.span.start <= after) ||
        (d.span.end <= head.start && d.span.start >= before)),
  );
  const nearest = candidates.sort(
    (a, b) => Math.abs(a.span.start - head.start) - Math.abs(b.span.start - head.start),
  )[0];
  return nearest ? { value: nearest.value!, span: nearest.span } : undefined;
}

/**
 * The items that lie inside each sentence, in their original order; `sentences` are sorted and do not
 * overlap, so each item is placed by a binary search. Items across a sentence boundary go nowhere,
 * as `eventAt` and `dateOf` would have left them out anyway.
 */
function bySentence<T extends { span: { start: number; end: number } }>(
  sentences: TokenSentence[],
  items: T[],
): T[][] {
  const buckets: T[][] = sentences.map(() => []);
  for (const item of items) {
    const low = lastStartingBefore(sentences, item.span.start);
    const sentence = sentences[low];
    if (sentence && sentence.start <= item.span.start && item.span.end <= sentence.end)
      buckets[low]!.push(item);
  }
  return buckets;
}
