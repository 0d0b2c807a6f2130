/**
 * How far each article can be trusted, from how often it agrees with the rest of the corpus.
 *
 * Iterative truth discovery in the spirit of TruthFinder (Yin, Han and Yu, KDD 2007) and of Dong,
 * Berti-Equille and Srivastava (VLDB 2009): a value's confidence is the trust-weighted share of the
 * articles that claim it, and an article's trust is the mean confidence of the values it claims.
 * An article that spells a name the way no one else does, and expands an acronym the way no one
 * else does, ends up trusted less; so where it is alone against one other article on a third fact,
 * the other article wins, and the tie is broken by evidence rather than by a coin.
 */

/** One contested or corroborated fact: which article claims which value. */
export interface Claim {
  /** The fact: "person:jane smith" or "acronym:RWB". */
  item: string;
  /** The value claimed: a spelling, an expansion. */
  value: string;
  articleId: string;
}

/** Trust per article, between 0 and 1; articles with no shared fact keep the prior. */
export type Reliability = Map<string, number>;

const prior = 0.8;
const rounds = 12;

/** Runs truth discovery over the claims and returns each article's trust. */
export function estimateReliability(claims: Claim[]): Reliability {
  // Only facts that two or more articles speak of carry information about the articles.
  const byItem = new Map<string, Map<string, Set<string>>>();
  for (const { item, value, articleId } of claims) {
    let values = byItem.get(item);
    if (!values) byItem.set(item, (values = new Map()));
    let sources = values.get(value);
    if (!sources) values.set(value, (sources = new Set()));
    sources.add(articleId);
  }
  const items = [...byItem.values()].filter((values) => {
    const articles = new Set<string>();
    for (const sources of values.values()) for (const id of sources) articles.add(id);
    return articles.size >= 2;
  });

  // Articles as indexes into typed arrays: twelve rounds over every claim allocate nothing.
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const valueSources = items.map((values) =>
    [...values.values()].map((sources) =>
      Int32Array.from(sources, (id) => {
        let n = indexOf.get(id);
        if (n === undefined) indexOf.set(id, (n = ids.push(id) - 1));
        return n;
      }),
    ),
  );
  const trust = new Float64Array(ids.length).fill(prior);
  const total = new Float64Array(ids.length);
  const count = new Float64Array(ids.length);
  let widest = 0;
  for (const values of valueSources) widest = Math.max(widest, values.length);
  const weights = new Float64Array(widest);
  for (let round = 0; round < rounds; round++) {
    total.fill(0);
    count.fill(0);
    for (const values of valueSources) {
      // Summed in the same order as ever, so every trust comes out to the same bit.
      let weightOfItem = 0;
      for (let v = 0; v < values.length; v++) {
        let weight = 0;
        for (const n of values[v]!) weight += trust[n]!;
        weights[v] = weight;
      }
      for (let v = 0; v < values.length; v++) weightOfItem += weights[v]!;
      for (let v = 0; v < values.length; v++) {
        const confidence = weightOfItem > 0 ? weights[v]! / weightOfItem : 0;
        for (const n of values[v]!) {
          total[n]! += confidence;
          count[n]! += 1;
        }
      }
    }
    for (let n = 0; n < ids.length; n++) if (count[n]! > 0) trust[n] = total[n]! / count[n]!;
  }
  const result: Reliability = new Map();
  ids.forEach((id, n) => result.set(id, trust[n]!));
  return result;
}

/** The trust of one article, the prior when it shares no fact with another. */
export function trustOf(reliability: Reliability, articleId: string): number {
  return reliability.get(articleId) ?? prior;
}

/** A value's support: the trust-weighted count of distinct articles that claim it. */
export function support(reliability: Reliability, articleIds: Iterable<string>): number {
  let total = 0;
  for (const id of new Set(articleIds)) total += trustOf(reliability, id);
  return total;
}

/** Supports closer than this are a tie: the evidence is too thin to call one spelling right. */
export const tieMargin = 0.02;
