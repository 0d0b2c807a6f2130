/**
 * Event mentions ("the NATO summit in Lithuania", "the Vilnius Summit") and how the article places
 * them in time: ahead of its own date ("upcoming", "will", "to be held") or behind it ("made this
 * announcement at the summit").
 */
import type { Token, TokenSentence } from '../tokenize.js';
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
  ['inauguration', 'inauguration'],
  ['tour', 'tour'],
  ['vote', 'vote'],
]);

/** Words and phrases that put what a sentence tells ahead of the article's date. */
const futureCues = [
  'will',
  "'ll",
  'shall',
  'upcoming',
  'forthcoming',
  'scheduled',
  'to be held',
  'set to',
  'due to',
  'expected to',
  'plans to',
  'plan to',
  'planning to',
  'ahead of',
  'next',
  'is to',
  'are to',
  'going to',
  'intends to',
  'is set',
];

/** Phrases that say the event is going on at the article's date. */
// Not "taking place": "the summit taking place in Lithuania" says nothing of when.
const presentCues = ['ongoing', 'is being held', 'underway', 'under way', 'this week'];

/** Past-tense words too irregular to spot by their ending. */
const irregularPast = new Set([
  'was', 'were', 'had', 'did', 'held', 'took', 'made', 'met', 'said', 'went', 'came', 'gave', 'told',
  'began', 'spoke', 'won', 'lost', 'left', 'saw', 'became', 'ago', 'last', 'sent', 'brought', 'led',
]);

const beForms = new Set(['is', 'are', 'be', 'been', 'being', 'am']);

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
  for (const sentence of sentences) {
    const words = sentence.tokens.filter((t) => t.kind === 'word');
    for (let i = 0; i < words.length; i++) {
      const head = words[i]!;
      const kind = eventNouns.get(head.text.toLowerCase());
      if (!kind) continue;
      // "visit" and "vote" are also verbs: "to visit", "will vote".
      const previous = words[i - 1]?.text.toLowerCase();
      if ((kind === 'visit' || kind === 'vote' || kind === 'tour') && (previous === 'to' || previous === 'will')) continue;
      events.push(eventAt(text, sentence, words, i, kind, entities, dates));
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
  // The phrase runs left over capitalised modifiers and possessives: "NATO Leaders Summit", "alliance's summit".
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
    // Only "in Lithuania", "at Vilnius", "held in Vilnius, Lithuania": a place governed by in/at.
    const before = text.slice(Math.max(sentence.start, m.span.start - 4), m.span.start).toLowerCase();
    return /\b(in|at)\s+$/.test(before);
  };
  const places = entities.filter((m) => m.type === 'place' && inSentence(m.span) && (inPhrase(m) || placeAfter(m)));
  const place = places.find(inPhrase) ?? places[0];
  const organization = entities.find(
    (m) => m.type === 'organization' && inSentence(m.span) && m.span.start >= start && m.span.end <= phraseEnd,
  );
  const date = dateOf(sentence, head, words, index, dates);
  const tense = tenseOf(text, sentence, head);

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
      !d.value.includes('/') &&
      d.span.start >= sentence.start &&
      d.span.end <= sentence.end &&
      ((d.span.start >= head.end && d.span.start <= after) || (d.span.end <= head.start && d.span.start >= before)),
  );
  const nearest = candidates.sort(
    (a, b) => Math.abs(a.span.start - head.start) - Math.abs(b.span.start - head.start),
  )[0];
  return nearest ? { value: nearest.value!, span: nearest.span } : undefined;
}

/** The tense cue nearest to the event's head noun decides: "will attend the Summit … have attended the Meeting". */
function tenseOf(
  text: string,
  sentence: TokenSentence,
  head: Token,
): { tense: EventMention['tense']; cue?: { text: string; span: { start: number; end: number } } } {
  const lower = text.slice(sentence.start, sentence.end).toLowerCase();
  const cues: { tense: EventMention['tense']; start: number; end: number }[] = [];
  const findPhrases = (phrases: string[], tense: EventMention['tense']): void => {
    for (const phrase of phrases) {
      const pattern = new RegExp(`(?<![\\p{L}'])${phrase.replace(/'/g, "['’]")}(?![\\p{L}])`, 'gu');
      for (const match of lower.matchAll(pattern)) {
        cues.push({ tense, start: sentence.start + match.index, end: sentence.start + match.index + match[0].length });
      }
    }
  };
  findPhrases(futureCues, 'future');
  findPhrases(presentCues, 'present');
  const words = sentence.tokens.filter((t) => t.kind === 'word');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.text.toLowerCase();
    const previous = words[i - 1]?.text.toLowerCase() ?? '';
    const next = words[i + 1]?.text.toLowerCase() ?? '';
    const regularPast = word.length > 4 && word.endsWith('ed') && !beForms.has(previous) && next !== 'to';
    if (irregularPast.has(word) || regularPast) {
      cues.push({ tense: 'past', start: words[i]!.start, end: words[i]!.end });
    }
  }
  if (cues.length === 0) return { tense: 'unknown' };
  const nearest = cues.sort((a, b) => distance(a, head) - distance(b, head) || (a.tense === 'past' ? 1 : -1))[0]!;
  return {
    tense: nearest.tense,
    cue: { text: text.slice(nearest.start, nearest.end), span: { start: nearest.start, end: nearest.end } },
  };
}

function distance(cue: { start: number; end: number }, head: Token): number {
  return cue.end <= head.start ? head.start - cue.end : cue.start - head.end;
}
