/**
 * Whether capitalised words have the shape of a person's name ("Jane Roe", "B.K. Jane Roe", "Omar
 * al-Rahim") rather than of a place, an organisation or a common word. Hand-written over the
 * gazetteer, the lexicon and the list of given names.
 */
import { digraphInitials } from '../tokenize.js';
import { isKnownName } from '../known-names.js';
import { nameTokens } from '../names.js';
import { countryOfDemonym, lookupPlace } from './gazetteer.js';
import { functionWords, titles } from './lexicon.js';
import { headKind, type NameWord } from './name-chunks.js';

// "Jane Smith", "Ursula von der Leyen", "Park Ji-hoon"; not "Trans-Arctic Quad", "South Korean",
// "Glasgow Leaders" (a place first), "Global Methane Pledge" (the article writes "pledge" in lower
// case), "Nationally Determined Contributions" (words shaped like common nouns).
export function looksLikePersonalName(words: NameWord[], lowercase: ReadonlySet<string>): boolean {
  // "Omar al-Rahim": an Arabic article joined to a surname is part of the name.
  const named = words.filter((w) => !w.lower || articleJoined.test(w.text));
  if (named.length < 2 || named.length > 5) return false;
  const first = named[0]!.text;
  const last = named[named.length - 1]!.text;
  // "Riverton Harbour Board" is no person; "Mary Smith" is, though a town is called Mary.
  const place = lookupPlace(first);
  const town = place?.kind === 'city' || place?.kind === 'province';
  if ((place && !(town && isKnownName(nameTokens(first)[0] ?? ''))) || countryOfDemonym(first)) return false;
  // "Reported", "Following" are no names; "Mohammed", "Hamed" are, though they end the same way.
  // A participle opens a phrase ("Following Jane Roe's visit"); after a given name, "-ing" is a
  // surname's ("Jane Kastelling"), as many Batak, Chinese and Tagalog surnames end.
  const commonNoun = (w: NameWord, i: number): boolean =>
    (i === 0 ? commonNounShape : nounShape).test(w.text) && !isKnownName(nameTokens(w.text)[0] ?? '');
  if (lowercase.has(last.toLowerCase()) || named.some(commonNoun)) return false;
  // Initials are part of a name ("B.K. Jane Roe"), never all of it.
  if (named.every((w) => initials.test(w.text))) return false;
  return named.every(
    (w, i) =>
      (i > 0 && i === named.length - 1 && generation.test(w.text)) ||
      ((!w.acronym || (initials.test(w.text) && !lookupPlace(w.text))) &&
      (/^\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}]+)?\.?$|^(?:\p{Lu}\.){1,3}$/u.test(w.text) ||
        articleJoined.test(w.text)) &&
      !countryOfDemonym(w.text) &&
      // A city may be a surname ("Lloyd Austin"); a country or a continent is not ("Riverton Asia Index").
      !['country', 'region'].includes(lookupPlace(w.text)?.kind ?? '') &&
      !headKind(w.text) &&
      !titles.has(w.text.toLowerCase()) &&
      !functionWords.has(w.text.toLowerCase())),
  );
}

/** "Jr.", "Sr.", "III": a generation's mark that may end a personal name. */
export const generation = /^(?:Jr\.?|Sr\.?|II|III|IV)$/u;

/** "al-Rahim", "el-Sayed": an Arabic article written onto a surname. */
const articleJoined = /^(?:al|el|ad|ar|as|at|az|ash|an)-\p{Lu}\p{Ll}+$/u;

/** "R.", "B.K.", "Ts.": a person's initials, as South Asian, Mongolian and other names are written. */
export const initials = new RegExp(`^(?:\\p{Lu}\\.|(?:${digraphInitials.join('|')})\\.){1,3}$`, 'u');

/** Endings of common nouns and adverbs that personal names do not have. */
const nounShape = /^\p{Lu}\p{Ll}{3,}(?:ally|ively|ously|tions?|ments?|ness|ities|isms?)$/u;
/** The same, and participles ("Following", "Reported"). */
export const commonNounShape = new RegExp(`${nounShape.source}|^\\p{Lu}\\p{Ll}{5,}(?:ed|ing)$`, 'u');
