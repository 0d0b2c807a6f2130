/**
 * The clean corpora, analysed once: scoring a corpus and planting errors in it both start from every
 * article as written, so each article's analysis is made once and each corpus takes copies of it
 * through `Corpus.adopt`, as the server takes an analysis from a worker or the cache (an edit in
 * place changes the analysis a corpus holds, so corpora never share one).
 */
import { join } from 'node:path';
import { analyzeArticle, Corpus } from '../../server/src/analysis/index.js';
import type { ArticleAnalysis } from '../../server/src/analysis/index.js';

const analyses = new Map<string, ArticleAnalysis>();

/** A copy of the analysis of article `id` of the corpus in `dir`, as `text` writes it. */
export function cleanAnalysis(dir: string, id: string, text: string): ArticleAnalysis {
  const key = join(dir, id);
  let analysis = analyses.get(key);
  if (analysis?.text !== text) analyses.set(key, (analysis = analyzeArticle({ id, text })));
  return structuredClone(analysis);
}

/** A fresh corpus of the articles `texts` (by id) of the corpus in `dir`. */
export function cleanCorpus(dir: string, texts: ReadonlyMap<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [id, text] of texts) corpus.adopt(cleanAnalysis(dir, id, text));
  return corpus;
}
