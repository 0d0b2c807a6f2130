/**
 * The replay of edits that change names: seeded sequences of keystrokes inside names (a letter
 * changed, typed or deleted, a capital made small, a name of another article typed in), beside
 * keystrokes in prose and in dates, line breaks, and articles written and removed. After every
 * operation the corpus kept up to date one edit at a time must equal a corpus built afresh from the
 * same texts: every cluster with its forms, supports, links and mentions, the pairs only possibly
 * one person, every acronym, every article's trust, every article's findings and annotations (what
 * hovers read), and the dependents must name every article whose findings changed.
 * `names-replay.test.ts` runs a sample in `npm test`; `npm run fuzz:names` runs thousands of operations.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyzeArticle, Corpus, type ArticleAnalysis } from '../../server/src/analysis/index.js';
import type { CorpusIndex } from '../../server/src/analysis/corpus/corpus-index.js';
import { harbour } from '../lsp/articles.js';
import { plainFindings } from '../analysis/build.js';

const seedsFolder = fileURLToPath(new URL('../../../seeds', import.meta.url));
const seedTexts = readdirSync(seedsFolder)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(`${seedsFolder}/${name}`, 'utf8'));

/** The pages the operations start from and write: the made-up harbour articles (one misspells the mayor) and the seeds. */
const pages = [...Object.values(harbour), ...seedTexts];
const slots = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt'];

/** One thing that happens to an article. `at` and `pick` are taken modulo what there is. */
export type NameOperation =
  | { op: 'letter'; slot: number; at: number; letter: string }
  | { op: 'type'; slot: number; at: number; letter: string }
  | { op: 'erase'; slot: number; at: number }
  | { op: 'lower'; slot: number; at: number }
  | { op: 'borrow'; slot: number; at: number; from: number; pick: number }
  | { op: 'prose'; slot: number; at: number; text: string }
  | { op: 'write'; slot: number; page: number }
  | { op: 'remove'; slot: number };

const letters = fc.constantFrom('a', 'e', 'i', 'o', 'u', 'y', 'k', 's', 'n');

/** Operations, weighted towards keystrokes inside names. */
export const nameOperation: fc.Arbitrary<NameOperation> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('letter' as const),
      slot: fc.nat(),
      at: fc.nat(),
      letter: letters,
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({ op: fc.constant('type' as const), slot: fc.nat(), at: fc.nat(), letter: letters }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('erase' as const), slot: fc.nat(), at: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('lower' as const), slot: fc.nat(), at: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('borrow' as const),
      slot: fc.nat(),
      at: fc.nat(),
      from: fc.nat(),
      pick: fc.nat(),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('prose' as const),
      slot: fc.nat(),
      at: fc.nat(),
      text: fc.constantFrom('very ', 'on Monday ', '2024 ', 'will ', '\n', 'the UN ', 'Prime Minister ', 'new ', 'former ', 'who replaced '),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('write' as const), slot: fc.nat(), page: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), slot: fc.nat() }), weight: 1 },
);

// A capitalised word of at least three letters: most are names, some the first word of a sentence.
const capitalised = /\p{Lu}\p{Ll}{2,}/gu;

/** The capitalised word at or after `at` (wrapping round), as [start, end), if the text has one. */
function wordAt(text: string, at: number): [number, number] | undefined {
  const words = [...text.matchAll(capitalised)];
  if (words.length === 0) return undefined;
  const offset = text.length === 0 ? 0 : at % text.length;
  const word = words.find((w) => w.index >= offset) ?? words[0]!;
  return [word.index, word.index + word[0].length];
}

/** A person's name written in some article, to type into another: who is named across articles. */
function nameIn(analysis: ArticleAnalysis | undefined, pick: number): string | undefined {
  const names = (analysis?.entities ?? [])
    .filter((m) => m.type === 'person' && !m.generic)
    .map((m) => m.text);
  return names.length === 0 ? undefined : names[pick % names.length];
}

/** The text an operation leaves in its slot: undefined when the article is removed (or stays absent). */
function apply(step: NameOperation, texts: Map<string, string>, incremental: Corpus): string | undefined {
  const id = slots[step.slot % slots.length]!;
  const text = texts.get(id);
  if (step.op === 'write') return pages[step.page % pages.length]!;
  if (step.op === 'remove' || text === undefined) return undefined;
  const word = wordAt(text, step.at);
  const inside = word ? word[0] + 1 + (step.at % Math.max(1, word[1] - word[0] - 1)) : 0;
  switch (step.op) {
    case 'letter':
      return word ? text.slice(0, inside) + step.letter + text.slice(inside + 1) : text;
    case 'type':
      return word ? text.slice(0, inside) + step.letter + text.slice(inside) : text;
    case 'erase':
      return word ? text.slice(0, inside) + text.slice(inside + 1) : text;
    case 'lower':
      return word ? text.slice(0, word[0]) + text[word[0]]!.toLowerCase() + text.slice(word[0] + 1) : text;
    case 'borrow': {
      const other = slots[step.from % slots.length]!;
      const name = nameIn(incremental.article(other), step.pick);
      return word && name ? `${text.slice(0, word[0])}${name} ${text.slice(word[0])}` : text;
    }
    case 'prose': {
      const at = word ? word[0] : 0;
      return text.slice(0, at) + step.text + text.slice(at);
    }
  }
}

/** Each text's analysis of the text alone, made once: a fresh corpus adopts a copy, as one that read them would. */
const analyses = new Map<string, ArticleAnalysis>();

function freshCorpus(texts: Map<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [id, text] of texts) {
    const key = `${id}\0${text}`;
    let analysis = analyses.get(key);
    if (!analysis) analyses.set(key, (analysis = analyzeArticle({ id, text })));
    corpus.adopt(structuredClone(analysis));
  }
  return corpus;
}

/** A mention as the state is compared: where, and as written. */
const refOf = (ref: {
  articleId: string;
  mention: { text: string; span: { start: number; end: number } };
}): string => `${ref.articleId}@${ref.mention.span.start}-${ref.mention.span.end} ${ref.mention.text}`;

/**
 * The names part of a corpus's index as plain data: clusters (forms with their mentions, supports and
 * articles, links, the canonical name and why), the pairs only possibly one, acronyms, each article's
 * trust, in the order the index holds them.
 */
export function namesState(corpus: Corpus): string {
  corpus.clusters();
  // The index is the corpus's own; a test reads it whole, as no consumer needs to.
  const index = (corpus as unknown as { index: CorpusIndex }).index;
  return JSON.stringify(
    {
      clusters: index.clusters,
      possible: index.possible,
      acronyms: index.acronyms,
      reliability: [...index.reliability],
    },
    (key, value: unknown) => {
      if (
        typeof value === 'object' &&
        value !== null &&
        'partial' in value &&
        'adopted' in value &&
        'slips' in value
      ) {
        const form = value as {
          type: string;
          key: string;
          mentions: Parameters<typeof refOf>[0][];
          partial: Parameters<typeof refOf>[0][];
          adopted: Parameters<typeof refOf>[0][];
          slips: (Parameters<typeof refOf>[0] & { intended: string; written: string })[];
        };
        return {
          form: `${form.type}|${form.key}`,
          mentions: form.mentions.map(refOf),
          partial: form.partial.map(refOf),
          adopted: form.adopted.map(refOf),
          slips: form.slips.map((ref) => `${refOf(ref)} for ${ref.intended} (${ref.written})`),
        };
      }
      // A cluster's mention repeats its entity mention: the span and text are enough.
      if (key === 'mention' && typeof value === 'object' && value !== null) return JSON.stringify(value);
      if (value instanceof Set) return [...(value as Set<unknown>)];
      return value;
    },
  );
}

/** Every article's findings (their explanations worked out) and annotations, with the cluster or entry each reads. */
export function articlesState(corpus: Corpus): string[] {
  return corpus.ids().map((id) =>
    JSON.stringify({
      id,
      findings: plainFindings(corpus.findings(id)),
      annotations: corpus.annotations(id).map((a) => {
        const of =
          a.kind === 'entity'
            ? `${a.cluster.id} ${a.cluster.canonicalReason}`
            : a.kind === 'acronym'
              ? a.entry.acronym
              : '';
        return `${a.kind}@${a.span.start}-${a.span.end} ${of}`;
      }),
    }),
  );
}

/**
 * Runs the operations on a corpus kept up to date and checks it against a fresh corpus after each.
 * Returns the number of operations that changed a text.
 */
export function replayNameEdits(operations: NameOperation[]): number {
  const texts = new Map<string, string>();
  const incremental = new Corpus();
  for (const [i, page] of pages.slice(0, 4).entries()) {
    texts.set(slots[i]!, page);
    incremental.upsert({ id: slots[i]!, text: page });
  }
  let changed = 0;
  for (const [n, step] of operations.entries()) {
    const id = slots[step.slot % slots.length]!;
    // What a server publishes of each article's findings: all but `explain`, which a hover works out
    // when asked, from the findings as they are then.
    const publishedOf = (other: string): string =>
      JSON.stringify(incremental.findings(other).map(({ explain: _, ...published }) => published));
    const before = incremental.ids().map(publishedOf);
    const beforeIds = incremental.ids();
    const text = apply(step, texts, incremental);
    if (text === texts.get(id)) continue;
    changed++;
    if (text === undefined) {
      texts.delete(id);
      incremental.remove(id);
    } else {
      texts.set(id, text);
      incremental.upsert({ id, text });
    }
    const dependents = new Set(incremental.dependents(id));
    beforeIds.forEach((other, i) => {
      const after = publishedOf(other);
      if (after !== before[i])
        assert.ok(
          dependents.has(other),
          `op ${n} ${JSON.stringify(step)}: ${other} changed, not a dependent: ${before[i]} → ${after}`,
        );
    });
    const fresh = freshCorpus(new Map([...texts].sort(([a], [b]) => (a < b ? -1 : 1))));
    const where = `after op ${n} ${JSON.stringify(step)} of ${JSON.stringify(operations)}`;
    assert.equal(namesState(incremental), namesState(fresh), `names part differs ${where}`);
    // Article by article, so that a difference shows the one article it is in.
    assert.deepEqual(
      articlesState(incremental),
      articlesState(fresh),
      `findings or annotations differ ${where}`,
    );
  }
  return changed;
}

/** Runs `runs` seeded sequences of up to `maxOperations` operations; resolves with the operations that changed a text. */
export function replayNames(options: {
  runs: number;
  seed: number;
  maxOperations: number;
  path?: string;
}): number {
  let done = 0;
  fc.assert(
    fc.property(
      fc.array(nameOperation, {
        minLength: Math.ceil(options.maxOperations / 2),
        maxLength: options.maxOperations,
        size: 'max',
      }),
      (operations) => {
        done += replayNameEdits(operations);
      },
    ),
    {
      numRuns: options.runs,
      seed: options.seed,
      ...(options.path === undefined ? {} : { path: options.path }),
      endOnFailure: true,
    },
  );
  return done;
}
