/**
 * What an article has taught the entity annotator so far (the names it has typed, the words of its
 * people's names, the words it writes in lower case), and how the mention of a chunk's words is made.
 */
import type { EntityMention, EntityType, RoleMention } from '../types.js';
import { lookupPlace, type Place } from './gazetteer.js';
import type { NameChunk, NameWord } from './name-chunks.js';
import { titleBefore } from './titles.js';

/** What the rest of the article tells about its words, for judging one chunk. */
export interface Context {
  text: string;
  /** Words written with a capital somewhere other than at the start of a sentence. */
  capitalised: Set<string>;
  /** Words written in lower case somewhere. */
  lowercase: Set<string>;
  /** Words of the people's names found so far (given names and surnames), lower case. */
  personWords: Set<string>;
  /** Full texts of organisations, programmes and events found so far, lower case. */
  names: Map<string, EntityType>;
  /** The lower-case title before the chunk starting at each offset (titleBefore), once asked. */
  rolesBefore: Map<number, RoleMention | undefined>;
  /** While set, what `classify` reads of `names` and `personWords`, which the first pass is still learning. */
  reads?: Read[];
}

/** One answer `classify` got from what the article had taught so far; the same answers type a chunk the same. */
export type Read =
  | { of: 'name'; key: string; answer: EntityType | undefined }
  | { of: 'person-word'; key: string; answer: boolean };

/** The type the article has given this name (lower case) so far, noted while `reads` is set. */
export function knownName(context: Context, key: string): EntityType | undefined {
  const answer = context.names.get(key);
  context.reads?.push({ of: 'name', key, answer });
  return answer;
}

/** Whether the article has named a person with this word (lower case) so far, noted while `reads` is set. */
export function isPersonWord(context: Context, key: string): boolean {
  const answer = context.personWords.has(key);
  context.reads?.push({ of: 'person-word', key, answer });
  return answer;
}

/** Whether every noted answer is still what the article says now. */
export function sameAnswers(reads: Read[], context: Context): boolean {
  return reads.every((read) =>
    read.of === 'name'
      ? context.names.get(read.key) === read.answer
      : context.personWords.has(read.key) === read.answer,
  );
}

/** titleBefore, computed once per chunk start: both passes of classify ask for it. */
export function roleBefore(chunk: NameChunk, context: Context): RoleMention | undefined {
  if (context.rolesBefore.has(chunk.start)) return context.rolesBefore.get(chunk.start);
  const role = titleBefore(chunk, context.text);
  context.rolesBefore.set(chunk.start, role);
  return role;
}

/** The words, one space apart. */
export function join(words: NameWord[]): string {
  return words.map((w) => w.text).join(' ');
}

/**
 * The mention of the words first…last, with its optional fields. They are set on the new object, not
 * spread with it (`{ ...mentionOf(…), role }`): V8 gives every object made by spreading one object
 * and adding fields a hidden class of its own: 2,000 articles made 17,600 of them for their mentions.
 */
export function mentionOf(
  type: EntityType,
  first: NameWord,
  last: NameWord,
  context: Context,
  fields?: Partial<EntityMention>,
): EntityMention {
  const span = { start: first.start, end: last.end };
  const mention: EntityMention = { type, span, text: context.text.slice(span.start, span.end) };
  if (type === 'place') {
    const place = lookupPlace(mention.text);
    if (place?.country) mention.country = place.country;
  }
  if (fields) Object.assign(mention, fields);
  return mention;
}

/** The mention of a place the gazetteer matched, with that place's country. */
export function placeMention(first: NameWord, last: NameWord, place: Place, context: Context): EntityMention {
  return mentionOf('place', first, last, context, place.country ? { country: place.country } : undefined);
}
