// Deterministic benchmark corpora made from seeds/*.txt: `node bench/generate.mjs [n…]`.
//
// Article i is seed (i mod 5) rewritten for "story" floor(i / 5): the five articles of a story share
// one cast, so the corpus has cross-article clusters, and casts are drawn from pools small enough
// that people recur across stories. Per story: person names, places and organisations are swapped for
// names made from syllables of the seeds' own names (found by running the analysis on the seeds, so no
// name is written here), years and days are shifted, body paragraphs are reordered, and some surnames
// are misspelt in one article of the story (the variant→canonical pairs also feed the prh dictionary
// the textlint competitor uses). No two files are identical. Everything comes from one seeded PRNG
// per story: the same n always gives the same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Bumped whenever the output for a given n changes; a corpus on disk with another stamp is rewritten. */
const GENERATOR_VERSION = 4;
const SEED = 0x5eed_da7e;

/** The root of every generated corpus: os.tmpdir()/dateline-bench. */
export const benchRoot = join(tmpdir(), 'dateline-bench');

// ---------- PRNG ----------

/** mulberry32: small, fast, good enough for shuffles. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

function hash32(...parts) {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32LE(0);
}

// ---------- what the seeds contain ----------

const capitalised = /^\p{Lu}\p{Ll}{2,}$/u;
const vowels = 'aeiouy';

/** Month names in English, from Intl (not typed here). */
const monthNames = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, m, 1))),
);
const weekdayNames = Array.from({ length: 7 }, (_, d) =>
  new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2001, 0, d + 1)),
  ),
);
const calendarWords = new Set([...monthNames, ...weekdayNames]);

/**
 * Reads the seeds and, with the analysis itself, the words of their names: person name words, place
 * words and organisation words, each with its variant spellings (aligned word by word to the canonical).
 */
async function studySeeds() {
  const seedDir = join(repo, 'seeds');
  const files = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const seeds = files.map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const { Corpus } = await import(pathToFileURL(join(repo, 'out/server/src/analysis/index.js')).href);
  const corpus = new Corpus();
  seeds.forEach((text, i) => corpus.upsert({ id: String(i), text }));
  /** word → 'person' | 'place' | 'organization' (first kind wins: persons, then places, then organisations). */
  const kinds = new Map();
  /** variant word → canonical word */
  const variants = new Map();
  const acronymWords = new Set();
  const order = { person: 0, place: 1, organization: 2 };
  const clusters = corpus
    .clusters()
    .filter((c) => c.type in order)
    .sort((a, b) => order[a.type] - order[b.type] || (a.canonical < b.canonical ? -1 : 1));
  for (const cluster of clusters) {
    const words = cluster.canonical.split(/\s+/);
    // An organisation named by an acronym ("… Organization (NATO)") keeps its name: a swapped word
    // would turn every use of the acronym into a second expansion.
    if (cluster.type === 'organization' && cluster.acronym) {
      for (const w of words) acronymWords.add(w);
      continue;
    }
    // Organisations: only their first word, and only when it is no common or place word ("European").
    const candidates = cluster.type === 'organization' ? words.slice(0, 1) : words;
    for (const w of candidates) {
      if (capitalised.test(w) && !calendarWords.has(w) && !kinds.has(w)) kinds.set(w, cluster.type);
    }
    for (const mention of cluster.mentions) {
      const written = mention.text.split(/\s+/);
      const tail = words.slice(-written.length);
      if (written.length !== tail.length) continue;
      written.forEach((w, k) => {
        if (w !== tail[k] && capitalised.test(w) && capitalised.test(tail[k])) variants.set(w, tail[k]);
      });
    }
  }
  // A word written lowercase somewhere, part of an acronym's long form, or written anywhere outside a
  // mention of its own kind ("Prime" in "Prime Minister Roe") is vocabulary, not a name.
  const lower = new Set(seeds.join('\n').match(/\p{Ll}+/gu));
  const inside = new Map(); // kind → per seed, the mention spans
  for (const cluster of clusters) {
    const bySeed = inside.get(cluster.type) ?? seeds.map(() => []);
    for (const m of cluster.mentions) bySeed[Number(m.articleId)].push(m.span);
    inside.set(cluster.type, bySeed);
  }
  const onlyInMentions = (w, kind) =>
    seeds.every((text, s) =>
      [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, 'gu'))].every(({ index }) =>
        inside.get(kind)[s].some((span) => span.start <= index && index + w.length <= span.end),
      ),
    );
  for (const [w, kind] of [...kinds]) {
    if (lower.has(w.toLowerCase()) || acronymWords.has(w) || variants.has(w) || !onlyInMentions(w, kind))
      kinds.delete(w);
  }
  for (const [v, c] of [...variants]) if (!kinds.has(c)) variants.delete(v);
  return { seeds, kinds, variants };
}

// ---------- made-up names ----------

/** Splits a word into syllable-ish pieces: consonants + vowels, the last piece keeping the final consonants. */
function syllables(word) {
  const w = word.toLowerCase();
  const parts = w.match(/[^aeiouy]*[aeiouy]+/g) ?? [w];
  const tail = w.slice(parts.join('').length);
  if (tail) parts[parts.length - 1] += tail;
  return parts;
}

/** A pool of `size` distinct made-up names from the syllables of `words`, none equal to a seed word. */
function namePool(words, size, rng, avoid) {
  const starts = [];
  const middles = [];
  const ends = [];
  for (const word of words) {
    const s = syllables(word);
    if (s.length === 1) {
      starts.push(s[0]);
      ends.push(s[0]);
      continue;
    }
    starts.push(s[0]);
    for (const m of s.slice(1, -1)) middles.push(m);
    ends.push(s[s.length - 1]);
  }
  // Anagram-ish starts: the seed words with letters permuted keep the pool from running dry.
  for (const word of words) {
    const letters = [...word.toLowerCase()];
    for (let i = letters.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [letters[i], letters[j]] = [letters[j], letters[i]];
    }
    const s = syllables(letters.join(''));
    if (s.length > 1) starts.push(s[0]);
  }
  const pool = new Set();
  let guard = 0;
  while (pool.size < size && guard++ < size * 200) {
    let name = rng.pick(starts);
    if (middles.length && rng.chance(0.35)) name += rng.pick(middles);
    name += rng.pick(ends);
    name = name.replace(/(.)\1\1+/g, '$1$1');
    if (name.length < 4 || name.length > 12 || !/[aeiouy]/.test(name)) continue;
    const cap = name[0].toUpperCase() + name.slice(1);
    if (avoid.has(cap) || avoid.has(name)) continue;
    pool.add(cap);
  }
  return [...pool];
}

/** A plausible misspelling: one vowel changed, or a consonant doubled or undoubled. Never the same word. */
export function misspell(word, rng) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const letters = [...word];
    const inner = letters.map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && vowels.includes(c));
    if (inner.length && rng.chance(0.7)) {
      const { c, i } = rng.pick(inner);
      letters[i] = rng.pick([...vowels.replace(c, '').replace('y', '')]);
    } else {
      const i = rng.int(1, letters.length - 1);
      if (letters[i] === letters[i - 1]) letters.splice(i, 1);
      else if (!vowels.includes(letters[i])) letters.splice(i, 0, letters[i]);
      else continue;
    }
    const out = letters.join('');
    if (out !== word && out.length >= 3) return out;
  }
  return word + 'e';
}

// ---------- rewriting one article ----------

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Shifts years by `dy` and day numbers next to a month name by `dd` (kept within 1–28). */
function shiftDates(text, dy, dd) {
  const months = monthNames.join('|');
  const day = (d) => String(Math.min(28, Math.max(1, Number(d) + dd)));
  return text
    .replace(new RegExp(`\\b(${months}) (\\d{1,2})\\b`, 'g'), (_, m, d) => `${m} ${day(d)}`)
    .replace(new RegExp(`\\b(\\d{1,2}) (${months})\\b`, 'g'), (_, d, m) => `${day(d)} ${m}`)
    .replace(/\b(19[89]\d|20[0-3]\d)\b/g, (y) => String(Number(y) + dy));
}

/** Reorders body paragraphs: the first three lines (headline, standfirst, dateline) stay put. */
function reorderParagraphs(text, rng) {
  const lines = text.split('\n');
  const body = [];
  for (let i = 3; i < lines.length; i++) if (lines[i].trim() !== '') body.push(i);
  const swaps = rng.int(1, 3);
  for (let s = 0; s < swaps && body.length > 1; s++) {
    const a = rng.pick(body);
    const b = rng.pick(body);
    [lines[a], lines[b]] = [lines[b], lines[a]];
  }
  return lines.join('\n');
}

/** Applies a word → word mapping on whole words, longest first. */
function replaceWords(text, mapping) {
  if (mapping.size === 0) return text;
  const keys = [...mapping.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(re, (w) => mapping.get(w));
}

// ---------- the corpus ----------

/**
 * Writes a corpus of `n` articles into `dir` (default os.tmpdir()/dateline-bench/<n>), unless one with
 * the same stamp is already there. Returns its directory, file list, size, the planted variant→canonical
 * pairs, and a fingerprint of its content.
 */
export async function generate(n, dir = join(benchRoot, String(n))) {
  const stampFile = join(dir, '.stamp.json');
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.version === GENERATOR_VERSION && stamp.n === n) return { dir, ...stamp };
  }
  const { seeds, kinds, variants } = await studySeeds();
  const avoid = new Set(seeds.join('\n').match(/\p{L}+/gu));
  const words = { person: [], place: [], organization: [] };
  for (const [w, kind] of kinds) words[kind].push(w);
  const stories = Math.ceil(n / seeds.length);
  const poolRng = prng(SEED);
  // People recur across stories: a cast is drawn from pools of about a fifth as many names as stories.
  const poolSize = Math.max(24, Math.ceil(stories / 5));
  const pools = {
    person: namePool([...words.person], poolSize * 2, poolRng, avoid),
    place: namePool([...words.place], poolSize, poolRng, avoid),
    organization: namePool([...words.organization, ...words.place], poolSize, poolRng, avoid),
  };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pairs = new Map();
  const seen = new Set();
  const files = [];
  const digest = createHash('sha256');
  let bytes = 0;
  const width = String(Math.max(0, stories - 1)).length;
  for (let story = 0; story < stories; story++) {
    const rng = prng(hash32(SEED, n, story));
    // The story's cast: every seed name word gets a made-up one; places and organisations only
    // sometimes, so well-known places stay shared by the whole corpus.
    const mapping = new Map();
    const used = new Set();
    for (const [w, kind] of kinds) {
      if (kind !== 'person' && !rng.chance(kind === 'place' ? 0.5 : 0.3)) continue;
      let name = rng.pick(pools[kind]);
      for (let k = 0; used.has(name) && k < 10; k++) name = rng.pick(pools[kind]);
      used.add(name);
      mapping.set(w, name);
    }
    // The seeds' own misspellings follow their canonical word's new name.
    for (const [variant, canonical] of variants) {
      const target = mapping.get(canonical);
      if (!target) continue;
      const misspelt = misspell(target, prng(hash32(story, variant)));
      mapping.set(variant, misspelt);
      pairs.set(misspelt, target);
    }
    const dy = rng.int(-6, 2);
    const dd = rng.int(-3, 3);
    // One article of some stories misspells one person's surname everywhere it is written.
    const personWords = [...kinds].filter(([, kind]) => kind === 'person').map(([w]) => w);
    const planted = rng.chance(0.4)
      ? { article: rng.int(0, seeds.length - 1), word: rng.pick(personWords) }
      : undefined;
    for (let s = 0; s < seeds.length; s++) {
      const i = story * seeds.length + s;
      if (i >= n) break;
      let local = mapping;
      if (planted && planted.article === s && seeds[s].includes(planted.word)) {
        local = new Map(mapping);
        const target = mapping.get(planted.word);
        const misspelt = misspell(target, rng);
        local.set(planted.word, misspelt);
        pairs.set(misspelt, target);
      }
      let text = shiftDates(replaceWords(seeds[s], local), dy, dd);
      text = reorderParagraphs(text, rng);
      // Belt and braces: a text seen before gets one more paragraph swap until it is new.
      for (let k = 0; seen.has(text) && k < 50; k++) text = reorderParagraphs(text, rng);
      if (seen.has(text)) text += `\n\nStory ${story}.\n`;
      seen.add(text);
      const file = `${String(story).padStart(width, '0')}_${s}.txt`;
      writeFileSync(join(dir, file), text);
      files.push(file);
      bytes += Buffer.byteLength(text);
      digest.update(file).update(text);
    }
  }
  // A planted spelling that is also some story's canonical spelling is no correction: leave it out.
  const canonicals = new Set(pairs.values());
  const prhPairs = [...pairs].filter(([variant]) => !canonicals.has(variant)).sort();
  const stamp = {
    version: GENERATOR_VERSION,
    n,
    files,
    bytes,
    prhPairs,
    fingerprint: digest.digest('hex').slice(0, 16),
  };
  writeFileSync(stampFile, JSON.stringify(stamp));
  return { dir, ...stamp };
}

/** A prh dictionary (YAML) of the planted corrections: each variant → its canonical spelling. */
export function prhYaml(prhPairs) {
  const lines = ['version: 1', 'rules:'];
  for (const [variant, canonical] of prhPairs) {
    lines.push(`  - expected: ${canonical}`, `    pattern: /\\b${variant}\\b/`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv.slice(2).map(Number);
  for (const n of sizes.length ? sizes : [5, 1000, 10000]) {
    const t = performance.now();
    const corpus = await generate(n);
    console.log(
      `${n} articles, ${(corpus.bytes / 1e6).toFixed(2)} MB, ${corpus.prhPairs.length} planted corrections, ` +
        `fingerprint ${corpus.fingerprint}: ${corpus.dir} (${Math.round(performance.now() - t)} ms)`,
    );
  }
}
