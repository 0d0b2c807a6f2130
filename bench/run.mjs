// `npm run bench`: Dateline against its targets and against textlint + prh and cspell, on generated
// corpora (bench/generate.mjs). Prints the machine, a table of medians and p95s, the targets as MET or
// NOT MET, and writes the same into bench/results.md. See bench/README.md.
//
// Children: `node bench/run.mjs --child <index|interactive> <n>` runs one in-process Corpus measurement
// in a fresh process (so its RSS is its own) and prints JSON.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BURST, burst } from './burst.mjs';
import { benchRoot, generate, prhYaml, prng } from './generate.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// How many runs of each; the whole bench stays under 10 minutes on 2 cores.
const RUNS = {
  check5: 7,
  rounds1000: 5, // dateline, textlint + prh and cspell, alternating, on 1,000 articles
  check10000: Number(process.env.BENCH_RUNS_10K ?? 1),
  index1000: 3,
  index10000: 1,
  server: 5,
  serverIndex: 3, // a whole folder indexed by the server, 1,000 and 10,000 articles
  edits: 200,
  nameEdits: 100, // keystrokes inside a person's name, within editBudgetMs
  editBudgetMs: 60_000,
  hovers: 300,
  tokens: 200,
  checkCached: 3, // dateline check --cache of 1,000 unchanged articles, alternating with one without
  serverWarm: 2, // the server reading 10,000 articles with its cache warm
};

// ---------- statistics ----------

function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const median = (v) => quantile(v, 0.5);
const p95 = (v) => quantile(v, 0.95);

// ---------- child: in-process Corpus ----------

// `DATELINE_OUT=path` measures another build's compiled `out/` (a copy of it, with node_modules reachable).
async function loadCorpusModule() {
  const out = process.env.DATELINE_OUT ?? join(repo, 'out');
  return import(pathToFileURL(join(out, 'server/src/analysis/index.js')).href);
}

function readCorpus(corpus) {
  return corpus.files.map((file) => ({ id: file, text: readFileSync(join(corpus.dir, file), 'utf8') }));
}

function indexAll(Corpus, articles) {
  const corpus = new Corpus();
  const t0 = performance.now();
  for (const a of articles) corpus.upsert(a);
  let findings = 0;
  for (const a of articles) findings += corpus.findings(a.id).length;
  return { corpus, ms: performance.now() - t0, findings };
}

/** Offsets of a lower-case letter inside a person's name: where a keystroke changes who is named. */
function nameOffsets(analysis) {
  const offsets = [];
  for (const mention of analysis.entities) {
    if (mention.type !== 'person' || mention.generic) continue;
    for (let i = mention.span.start + 1; i < mention.span.end; i++)
      if (/\p{Ll}/u.test(analysis.text[i])) offsets.push(i);
  }
  return offsets;
}

/** Offsets inside lowercase words: where a keystroke changes prose, not a name. */
function editableOffsets(text) {
  return [...text.matchAll(/\b\p{Ll}{4,}\b/gu)].map((m) => m.index + 2);
}

async function child(mode, n) {
  const { Corpus } = await loadCorpusModule();
  const generated = await generate(n);
  const articles = readCorpus(generated);
  const { corpus, ms, findings } = indexAll(Corpus, articles);
  const result = {
    n,
    indexMs: ms,
    findings,
    rssMB: process.memoryUsage().rss / 2 ** 20,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  if (mode === 'interactive') {
    const rng = prng(0xbe7c4);
    const ids = articles.map((a) => a.id);
    // Semantic tokens substrate: annotations(id) for articles not asked before, index warm.
    const tokens = [];
    for (const id of ids.slice(0, RUNS.tokens)) {
      const t = performance.now();
      corpus.annotations(id);
      tokens.push(performance.now() - t);
    }
    // Hover substrate: annotationAt at random places of random articles (some never asked before).
    const hovers = [];
    for (let k = 0; k < RUNS.hovers; k++) {
      const a = rng.pick(articles);
      const offset = rng.int(0, a.text.length - 1);
      const t = performance.now();
      corpus.annotationAt(a.id, offset);
      hovers.push(performance.now() - t);
    }
    // Keystroke: one character of one article changes; findings for it and every dependent.
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    const edits = [];
    const dependents = [];
    const start = performance.now();
    for (let k = 0; k < RUNS.edits && performance.now() - start < RUNS.editBudgetMs; k++) {
      const id = rng.pick(ids);
      const text = texts.get(id);
      const offset = rng.pick(editableOffsets(text));
      const letter = text[offset] === 'e' ? 'a' : 'e';
      const next = text.slice(0, offset) + letter + text.slice(offset + 1);
      texts.set(id, next);
      const t = performance.now();
      corpus.upsert({ id, text: next });
      corpus.findings(id);
      const deps = corpus.dependents(id);
      for (const d of deps) corpus.findings(d);
      edits.push(performance.now() - t);
      dependents.push(deps.length);
    }
    // Hover and tokens right after an edit: what an editor asks while the user types.
    const afterEdit = { hover: [], tokens: [] };
    for (let k = 0; k < 20; k++) {
      const a = rng.pick(articles);
      const text = texts.get(a.id);
      const offset = rng.pick(editableOffsets(text));
      const next = text.slice(0, offset) + (text[offset] === 'e' ? 'a' : 'e') + text.slice(offset + 1);
      texts.set(a.id, next);
      corpus.upsert({ id: a.id, text: next });
      let t = performance.now();
      corpus.annotationAt(a.id, offset);
      afterEdit.hover.push(performance.now() - t);
      t = performance.now();
      corpus.annotations(rng.pick(ids));
      afterEdit.tokens.push(performance.now() - t);
    }
    Object.assign(result, { tokens, hovers, edits, dependents, afterEdit });
  }
  if (mode === 'names') {
    // A keystroke inside a person's name ("Hipkins" → "Hepkins"): the names part of the index changes.
    const rng = prng(0x4a3e5);
    const ids = articles.map((a) => a.id);
    const edits = [];
    // The process's CPU time for each edit as well: on a machine shared with other work the wall
    // time of the same edit varies several-fold, its CPU time much less.
    const cpu = [];
    const dependents = [];
    const start = performance.now();
    for (let k = 0; k < RUNS.nameEdits && performance.now() - start < RUNS.editBudgetMs; k++) {
      const id = rng.pick(ids);
      const analysis = corpus.article(id);
      const offsets = nameOffsets(analysis);
      if (offsets.length === 0) continue;
      const offset = rng.pick(offsets);
      const text = analysis.text;
      const next = text.slice(0, offset) + (text[offset] === 'e' ? 'a' : 'e') + text.slice(offset + 1);
      const t = performance.now();
      const c = process.cpuUsage();
      corpus.upsert({ id, text: next });
      corpus.findings(id);
      const deps = corpus.dependents(id);
      for (const d of deps) corpus.findings(d);
      edits.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      dependents.push(deps.length);
    }
    Object.assign(result, { edits, cpu, dependents });
  }
  process.stdout.write(JSON.stringify(result));
}

// ---------- running programs ----------

/** Runs a command to completion; resolves with wall time in ms, exit code and output size. */
function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const proc = spawn(command, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = 0;
    let err = '';
    const chunks = [];
    proc.stdout.on('data', (d) => {
      out += d.length;
      if (options.keep) chunks.push(d);
    });
    proc.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
    proc.on('error', reject);
    proc.on('close', (code) =>
      resolve({ ms: performance.now() - t0, code, out, err, stdout: Buffer.concat(chunks).toString() }),
    );
  });
}

const dateline = (dir) => [
  process.execPath,
  [join(repo, 'bin/dateline.cjs'), 'check', dir, '--format', 'json'],
];
const textlint = (dir, config) => [
  process.execPath,
  [join(repo, 'node_modules/textlint/bin/textlint.js'), '--config', config, '--format', 'json', dir],
];
const cspell = (dir) => [
  process.execPath,
  [
    join(repo, 'node_modules/cspell/bin.mjs'),
    'lint',
    '--no-progress',
    '--no-summary',
    '--root',
    dir,
    '**/*.txt',
  ],
];

async function runChild(mode, n) {
  const r = await timed(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, String(n)], {
    keep: true,
  });
  if (r.code !== 0) throw new Error(`child ${mode} ${n} failed: ${r.err}`);
  return JSON.parse(r.stdout);
}

// ---------- the language server ----------

/** Linux's record of a process's memory: resident now and at its peak, in MB (0 elsewhere). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  } catch {
    return { rssMB: 0, peakMB: 0 };
  }
}

/** User + system CPU seconds of a process, all its threads (Linux; NaN elsewhere). */
function cpuSecondsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Spawns dist/server.cjs over stdio with `root` as its workspace folder, runs `session` against it
 * (initialize is the caller's, so it can time it), then shuts it down.
 */
async function withServer(root, session, initializationOptions) {
  const rpc = require('vscode-jsonrpc/node');
  const t0 = performance.now();
  const proc = spawn(process.execPath, [join(repo, 'dist/server.cjs'), '--stdio'], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr = (stderr + d).slice(-500)));
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(proc.stdout),
    new rpc.StreamMessageWriter(proc.stdin),
  );
  // Anything the server asks of the client (configuration, progress, refresh) gets a plain null.
  connection.onRequest(() => null);
  const timeout = (ms, what) =>
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms).unref(),
    );
  const exited = new Promise((_, reject) =>
    proc.on('exit', (code) =>
      reject(new Error(`server exited (${code}) ${stderr.trim().split('\n').pop() ?? ''}`)),
    ),
  );
  exited.catch(() => {});
  const rootUri = pathToFileURL(root).href;
  const initialize = () =>
    Promise.race([
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
        ...(initializationOptions ? { initializationOptions } : {}),
      }),
      exited,
      timeout(10_000, 'waiting for initialize'),
    ]);
  try {
    const wait = (promise, ms, what) => Promise.race([promise, exited, timeout(ms, what)]);
    const result = await session({ connection, proc, t0, initialize, wait });
    try {
      // A server writes its cache, if it has not yet, before it answers: 10,000 articles take seconds.
      await Promise.race([connection.sendRequest('shutdown'), timeout(60_000, 'shutdown')]);
      await connection.sendNotification('exit');
    } catch {
      // a server that will not shut down is killed below
    }
    return result;
  } finally {
    connection.dispose();
    proc.kill();
  }
}

/** Cold start of dist/server.cjs to the first publishDiagnostics for one opened seed. */
function serverColdStart() {
  const seedsDir = join(repo, 'seeds');
  const seed = readFileSync(join(seedsDir, '004_98b365b3b95cd083.txt'), 'utf8');
  const seedUri = pathToFileURL(join(seedsDir, '004_98b365b3b95cd083.txt')).href;
  return withServer(seedsDir, async ({ connection, t0, initialize, wait }) => {
    const first = new Promise((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (params) => {
        if (params.uri === seedUri) resolve({ ms: performance.now() - t0, count: params.diagnostics.length });
      });
    });
    connection.listen();
    await initialize();
    const initializedMs = performance.now() - t0;
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: seedUri, languageId: 'article', version: 1, text: seed },
    });
    return { ...(await wait(first, 10_000, 'waiting for publishDiagnostics')), initializedMs };
  });
}

/**
 * The server indexing a whole folder: spawn to the `dateline/status` that follows the last
 * diagnostics published, with the server's CPU time and its memory then.
 */
function serverIndex(dir, initializationOptions) {
  return withServer(dir, async ({ connection, proc, t0, initialize, wait }) => {
    let published = 0;
    // Where the time goes: the status that says every article is analysed, then the first list
    // published after it (the index is built and the rules have run), then the last.
    let analysedMs = Number.NaN;
    let rulesMs = Number.NaN;
    let firstMs = Number.NaN;
    connection.onNotification('textDocument/publishDiagnostics', () => {
      published++;
      if (Number.isNaN(firstMs)) firstMs = performance.now() - t0;
      if (!Number.isNaN(analysedMs) && Number.isNaN(rulesMs)) rulesMs = performance.now() - t0;
    });
    const indexed = new Promise((resolve) =>
      connection.onNotification('dateline/status', (status) => {
        const reading = status.indexing;
        if (reading && reading.total > 0 && reading.done === reading.total && Number.isNaN(analysedMs))
          analysedMs = performance.now() - t0;
        if (!status.indexing && status.articles > 0) resolve(status);
      }),
    );
    connection.listen();
    await initialize();
    await connection.sendNotification('initialized', {});
    const status = await wait(indexed, 600_000, 'waiting for the corpus to be indexed');
    const ms = performance.now() - t0;
    return {
      ms,
      analysedMs,
      rulesMs,
      firstMs,
      cpuS: cpuSecondsOf(proc.pid),
      ...memoryOf(proc.pid),
      published,
      warnings: status.warnings,
    };
  }, initializationOptions);
}

// ---------- issue 22: the cache and bursts of edits ----------

/** `dateline check --cache` unchanged, the server warm on 10,000, a burst of edits; rows through `row`. */
async function measureIssue22({ corpora, row, log, mbps }) {
  // dateline check --cache, nothing changed since the run that wrote the cache
  const cacheFile = join(benchRoot, '1000-tools', 'datelinecache');
  rmSync(cacheFile, { force: true });
  const cachedCheck = () => timed(process.execPath, [...dateline(corpora[1000].dir)[1], '--cache', '--cache-location', cacheFile]);
  await cachedCheck();
  // Alternating with a check without the cache, so that the two are compared in the same conditions.
  const checkCached = [];
  const checkCold = [];
  for (let r = 0; r < RUNS.checkCached; r++) {
    checkCached.push((await cachedCheck()).ms);
    checkCold.push((await timed(...dateline(corpora[1000].dir))).ms);
  }
  row('dateline check --cache 1,000 articles, nothing changed', checkCached, mbps(corpora[1000].bytes, median(checkCached)));
  row('dateline check 1,000 articles, no cache (alternating with the above)', checkCold, mbps(corpora[1000].bytes, median(checkCold)));

  // the server reading 10,000 articles with its cache warm: one run writes it, the next ones read it
  let warm;
  try {
    const cacheFolder = join(benchRoot, '10000-storage');
    rmSync(cacheFolder, { recursive: true, force: true });
    const cold = await serverIndex(corpora[10000].dir, { cacheFolder });
    row(
      'server indexes 10,000 articles, no cache yet (the run that writes it)',
      [cold.ms],
      `CPU ${cold.cpuS.toFixed(1)} s; analysed by ${fmtMs(cold.analysedMs)}, index and rules by ${fmtMs(cold.rulesMs)}`,
    );
    const runs = [];
    for (let r = 0; r < RUNS.serverWarm; r++) runs.push(await serverIndex(corpora[10000].dir, { cacheFolder }));
    warm = { ms: runs.map((r) => r.ms), rssMB: Math.max(...runs.map((r) => r.rssMB)) };
    row(
      'server indexes 10,000 articles, cache warm (start to every diagnostic published)',
      warm.ms,
      runs.every((r) => Number.isNaN(r.analysedMs))
        ? `CPU ${median(runs.map((r) => r.cpuS)).toFixed(1)} s and RSS ${warm.rssMB.toFixed(0)} MB then (the index and the rules are built after); the lists kept published before anything was analysed, first one at ${fmtMs(median(runs.map((r) => r.firstMs)))}`
        : `CPU ${median(runs.map((r) => r.cpuS)).toFixed(1)} s; RSS ${warm.rssMB.toFixed(0)} MB after; analysed by ${fmtMs(median(runs.map((r) => r.analysedMs)))}, index and rules by ${fmtMs(median(runs.map((r) => r.rulesMs)))}`,
    );
  } catch (error) {
    log(`  server indexing 10,000 warm: not measured (${error.message})`);
  }

  // a burst of edits (bench/burst.mjs)
  let bursts;
  try {
    const r = await burst();
    bursts = r;
    row(
      `hover during ${fmtInt(BURST.edits)} edits in ${BURST.seconds} s, ${BURST.articles} articles (server)`,
      r.hovers,
      `last edit to last diagnostics ${fmtMs(r.finalMs)}; RSS after ${r.rssAfter.toFixed(0)} MB, fresh server on the same text ${r.rssFresh.toFixed(0)} MB`,
    );
  } catch (error) {
    log(`  burst: not measured (${error.message})`);
  }

  return { checkCached, warm, bursts };
}

/** The targets of issue 22 for what `measureIssue22` measured. */
function issue22Targets({ checkCached, warm, bursts }) {
  return [
    {
      met: median(checkCached) <= 500,
      text: `dateline check --cache 1,000, nothing changed: ${fmtMs(median(checkCached))} ≤ 0.5 s`,
    },
    warm
      ? { met: median(warm.ms) <= 3000, text: `10,000 indexed by the server, cache warm: ${fmtMs(median(warm.ms))} ≤ 3 s` }
      : { met: false, text: '10,000 indexed by the server, cache warm: not measured' },
    bursts
      ? {
          met: p95(bursts.hovers) <= 50 && bursts.finalMs <= 1000 && bursts.rssAfter <= 1.2 * bursts.rssFresh,
          text: `${fmtInt(BURST.edits)} edits in ${BURST.seconds} s: hover p95 ${fmtMs(p95(bursts.hovers))} ≤ 50 ms, last diagnostics ${fmtMs(bursts.finalMs)} ≤ 1 s after the last edit, RSS ${bursts.rssAfter.toFixed(0)} MB ≤ 1.2 × fresh ${bursts.rssFresh.toFixed(0)} MB`,
        }
      : { met: false, text: 'burst of edits: not measured' },
  ];
}

// ---------- the run ----------

const fmtMs = (ms) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
const fmtInt = (n) => n.toLocaleString('en');

async function main() {
  const started = performance.now();
  const log = (line = '') => console.log(line);
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  log(
    `Machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}`,
  );

  const corpora = {};
  for (const n of [5, 1000, 10000]) {
    corpora[n] = await generate(n);
    const c = corpora[n];
    log(
      `Corpus ${fmtInt(n)}: ${(c.bytes / 1e6).toFixed(2)} MB, ${c.prhPairs.length} planted name corrections, fingerprint ${c.fingerprint} (${c.dir})`,
    );
  }
  const toolsDir = join(benchRoot, '1000-tools');
  mkdirSync(toolsDir, { recursive: true });
  const prhFile = join(toolsDir, 'prh.yml');
  const textlintConfig = join(toolsDir, 'textlintrc.json');
  writeFileSync(prhFile, prhYaml(corpora[1000].prhPairs));
  writeFileSync(textlintConfig, JSON.stringify({ rules: { prh: { rulePaths: [prhFile] } } }, null, 2));

  const rows = [];
  const row = (metric, samples, extra = '') => {
    rows.push({ metric, median: median(samples), p95: p95(samples), runs: samples.length, extra });
    log(
      `  ${metric}: median ${fmtMs(median(samples))}, p95 ${fmtMs(p95(samples))} (${samples.length} runs)${extra ? `, ${extra}` : ''}`,
    );
  };
  const mbps = (bytes, ms) => `${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s`;

  // dateline check, 5 articles
  log('\ndateline check');
  const check5 = [];
  for (let r = 0; r < RUNS.check5; r++) check5.push((await timed(...dateline(corpora[5].dir))).ms);
  row('dateline check 5 articles', check5, mbps(corpora[5].bytes, median(check5)));

  // 1,000 articles: dateline, textlint + prh and cspell, alternating (the order rotates each round)
  const tools = {
    dateline: { run: () => timed(...dateline(corpora[1000].dir)), ms: [] },
    'textlint + prh': { run: () => timed(...textlint(corpora[1000].dir, textlintConfig)), ms: [] },
    cspell: { run: () => timed(...cspell(corpora[1000].dir)), ms: [] },
  };
  const names = Object.keys(tools);
  const outputs = {};
  for (let r = 0; r < RUNS.rounds1000; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      const result = await tools[name].run();
      if (result.code !== 0 && result.code !== 1)
        throw new Error(`${name} failed (${result.code}): ${result.err}`);
      tools[name].ms.push(result.ms);
      outputs[name] = result.out;
    }
  }
  row(
    'dateline check 1,000 articles',
    tools.dateline.ms,
    mbps(corpora[1000].bytes, median(tools.dateline.ms)),
  );
  row(
    'textlint + prh, 1,000 articles',
    tools['textlint + prh'].ms,
    `${corpora[1000].prhPairs.length} prh rules, ${mbps(corpora[1000].bytes, median(tools['textlint + prh'].ms))}`,
  );
  row('cspell, 1,000 articles', tools.cspell.ms, mbps(corpora[1000].bytes, median(tools.cspell.ms)));
  const ratio = (a, b) => (median(tools[a].ms) / median(tools[b].ms)).toFixed(2);
  const ratios = `dateline / textlint+prh = ${ratio('dateline', 'textlint + prh')}, dateline / cspell = ${ratio('dateline', 'cspell')}`;
  log(`  ratios (medians): ${ratios}`);

  const check10k = [];
  for (let r = 0; r < RUNS.check10000; r++) check10k.push((await timed(...dateline(corpora[10000].dir))).ms);
  row('dateline check 10,000 articles', check10k, mbps(corpora[10000].bytes, median(check10k)));

  log('\ncache');
  const issue22 = await measureIssue22({ corpora, row, log, mbps });

  // in-process Corpus
  log('\nin-process Corpus (out/server/src/analysis)');
  const index1000 = [];
  const rss1000 = [];
  for (let r = 0; r < RUNS.index1000; r++) {
    const res = await runChild('index', 1000);
    index1000.push(res.indexMs);
    rss1000.push(res.rssMB);
  }
  row(
    'index 1,000 articles (upsert all + findings for all)',
    index1000,
    `RSS ${median(rss1000).toFixed(0)} MB`,
  );
  const index10k = [];
  const rss10k = [];
  const peak10k = [];
  for (let r = 0; r < RUNS.index10000; r++) {
    const res = await runChild('index', 10000);
    index10k.push(res.indexMs);
    rss10k.push(res.rssMB);
    peak10k.push(res.peakRssMB);
  }
  row(
    'index 10,000 articles (upsert all + findings for all)',
    index10k,
    `RSS ${Math.max(...rss10k).toFixed(0)} MB, peak ${Math.max(...peak10k).toFixed(0)} MB`,
  );
  const inter = await runChild('interactive', 1000);
  const meanDeps = inter.dependents.reduce((a, b) => a + b, 0) / Math.max(1, inter.dependents.length);
  row(
    'keystroke, 1,000 articles (upsert + findings for it and its dependents)',
    inter.edits,
    `p99 ${fmtMs(quantile(inter.edits, 0.99))}, max ${fmtMs(Math.max(...inter.edits))}; ${meanDeps.toFixed(1)} dependents on average`,
  );
  row('hover substrate: annotationAt, 1,000 articles', inter.hovers);
  row('semantic tokens substrate: annotations(id), 1,000 articles', inter.tokens);
  row('hover right after an edit', inter.afterEdit.hover);
  row('tokens right after an edit', inter.afterEdit.tokens);
  const nameEdits = await measureNames({ row });

  // the language server
  log('\nlanguage server (dist/server.cjs --stdio)');
  const server = [];
  let serverNote = '';
  try {
    for (let r = 0; r < RUNS.server; r++) server.push(await serverColdStart());
    row(
      'server start to first diagnostics, seeds/',
      server.map((s) => s.ms),
      `initialize answered after ${fmtMs(median(server.map((s) => s.initializedMs)))}`,
    );
  } catch (error) {
    serverNote = `server: not measured (${error.message})`;
    log(`  ${serverNote}`);
  }

  const indexed = {};
  for (const n of [1000, 10000]) {
    const runs = [];
    try {
      for (let r = 0; r < RUNS.serverIndex; r++) runs.push(await serverIndex(corpora[n].dir));
    } catch (error) {
      log(`  server indexing ${fmtInt(n)}: not measured (${error.message})`);
      continue;
    }
    indexed[n] = {
      ms: runs.map((r) => r.ms),
      rssMB: Math.max(...runs.map((r) => r.rssMB)),
      peakMB: Math.max(...runs.map((r) => r.peakMB)),
    };
    row(
      `server indexes ${fmtInt(n)} articles (start to every diagnostic published)`,
      indexed[n].ms,
      `CPU ${median(runs.map((r) => r.cpuS)).toFixed(1)} s on ${machine.cores} cores; RSS ${indexed[n].rssMB.toFixed(0)} MB after, peak ${indexed[n].peakMB.toFixed(0)} MB; ${fmtInt(runs[0].published)} diagnostics lists; analysed by ${fmtMs(median(runs.map((r) => r.analysedMs)))}, index and rules by ${fmtMs(median(runs.map((r) => r.rulesMs)))}`,
    );
  }

  // targets
  const targets = [
    ...issue22Targets(issue22),
    {
      met: median(tools.dateline.ms) <= median(tools['textlint + prh'].ms),
      text: `dateline check 1,000: ${fmtMs(median(tools.dateline.ms))} ≤ 1.0 × textlint+prh ${fmtMs(median(tools['textlint + prh'].ms))}`,
    },
    indexed[10000]
      ? {
          met: median(indexed[10000].ms) <= 10_000 && indexed[10000].rssMB <= 500,
          text: `10,000 indexed by the server: ${fmtMs(median(indexed[10000].ms))} ≤ 10 s, RSS after ${indexed[10000].rssMB.toFixed(0)} MB ≤ 500 MB (peak ${indexed[10000].peakMB.toFixed(0)} MB)`,
        }
      : { met: false, text: '10,000 indexed by the server ≤ 10 s: not measured' },
    { met: p95(inter.edits) <= 20, text: `keystroke p95 ${fmtMs(p95(inter.edits))} ≤ 20 ms` },
    ...namesTargets(nameEdits),
    { met: p95(inter.hovers) <= 5, text: `hover p95 ${fmtMs(p95(inter.hovers))} ≤ 5 ms` },
    { met: p95(inter.tokens) <= 10, text: `tokens p95 ${fmtMs(p95(inter.tokens))} ≤ 10 ms` },
    server.length
      ? {
          met: median(server.map((s) => s.ms)) <= 1000,
          text: `server start to first diagnostics ${fmtMs(median(server.map((s) => s.ms)))} ≤ 1 s`,
        }
      : { met: false, text: `server start to first diagnostics ≤ 1 s: ${serverNote}` },
  ];
  log('\nTargets');
  for (const t of targets) log(`${t.met ? 'MET    ' : 'NOT MET'} ${t.text}`);
  const total = performance.now() - started;
  log(`\nBench took ${fmtMs(total)}.`);

  // bench/results.md
  const md = [
    '# Benchmark results',
    '',
    '<!-- Generated by `npm run bench` (bench/run.mjs); do not edit by hand. -->',
    '',
    `Machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGB} GB RAM, Node ${machine.node}, ${machine.platform}. ` +
      `Run ${new Date().toISOString().slice(0, 10)}, ${fmtMs(total)} in all.`,
    '',
    `Corpora (bench/generate.mjs, in ${benchRoot}): ` +
      [5, 1000, 10000]
        .map(
          (n) =>
            `${fmtInt(n)} articles ${(corpora[n].bytes / 1e6).toFixed(2)} MB (${corpora[n].fingerprint})`,
        )
        .join(', ') +
      '.',
    '',
    '| measurement | median | p95 | runs | notes |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.metric} | ${fmtMs(r.median)} | ${fmtMs(r.p95)} | ${r.runs} | ${r.extra} |`),
    '',
    `Ratios on 1,000 articles (medians, same run, alternating): ${ratios}.`,
    ...(serverNote ? ['', serverNote] : []),
    '',
    '## Targets',
    '',
    ...targets.map((t) => `- ${t.met ? '**MET**' : '**NOT MET**'} ${t.text}`),
    '',
    'Keystroke = `upsert` of the article with one letter changed, then `findings` for it and for every id in',
    '`dependents(id)`. Hover = `annotationAt(id, offset)`, tokens = `annotations(id)` for an article not asked',
    'before, both with the index built. Server start = spawn of `node dist/server.cjs --stdio` to the first',
    '`publishDiagnostics` for a seed opened with `didOpen` (root = `seeds/`). Server indexes = spawn with the',
    'corpus as its root to the `dateline/status` sent after every diagnostic is published; CPU is the server',
    "process's user + system time, workers included; RSS is read from /proc. Burst = bench/burst.mjs: one",
    'article of a 300-article corpus opened, 5,000 `didChange` sent over 8 s (half inside a capitalised',
    'word), a hover every 40 ms meanwhile; the last diagnostics are the last notification the server sends',
    'once it has taken every edit; the fresh server is given the same final text. Cache warm = the same,',
    'with a `cacheFolder` a previous run of the server filled; `--cache` = a check after one that wrote the cache.',
    '',
  ].join('\n');
  writeFileSync(join(repo, 'bench/results.md'), md);
  log('Wrote bench/results.md');
}

/**
 * A keystroke inside a person's name in the 1,000- and 10,000-article corpora (child mode `names`):
 * the names part of the index changes. Returns the samples by corpus size.
 */
async function measureNames({ row }) {
  const samples = {};
  for (const n of [1000, 10000]) {
    const res = await runChild('names', n);
    samples[n] = res.edits;
    const meanDeps = res.dependents.reduce((a, b) => a + b, 0) / Math.max(1, res.dependents.length);
    row(
      `name-changing keystroke, ${fmtInt(n)} articles (upsert + findings for it and its dependents)`,
      res.edits,
      `max ${fmtMs(Math.max(...res.edits))}; CPU median ${fmtMs(median(res.cpu))}, p95 ${fmtMs(p95(res.cpu))}; ${meanDeps.toFixed(0)} dependents on average`,
    );
  }
  return samples;
}

function namesTargets(samples) {
  return [
    {
      met: p95(samples[10000]) <= 50,
      text: `name-changing keystroke, 10,000 articles: p95 ${fmtMs(p95(samples[10000]))} ≤ 50 ms`,
    },
  ];
}

/**
 * Writes one `BENCH_ONLY` run as its own section at the end of bench/results.md, in place of the
 * section that run wrote before; the rest of the file is left as the last full run wrote it.
 */
function writeSection({ marker, only, title, load, rows, targets, log }) {
  for (const t of targets) log(`${t.met ? 'MET    ' : 'NOT MET'} ${t.text}`);
  const section = [
    `<!-- ${marker}: written by \`BENCH_ONLY=${only} npm run bench\` -->`,
    `## ${title}`,
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC alone (\`BENCH_ONLY=${only}\`), ${cpus().length} cores, load average ${load} (other work on the machine: wall times are inflated; compare within one run).`,
    '',
    '| measurement | median | p95 | runs | notes |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.metric} | ${fmtMs(r.median)} | ${fmtMs(r.p95)} | ${r.runs} | ${r.extra} |`),
    '',
    ...targets.map((t) => `- ${t.met ? '**MET**' : '**NOT MET**'} ${t.text}`),
    `<!-- /${marker} -->`,
    '',
  ].join('\n');
  const file = join(repo, 'bench/results.md');
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = readFileSync(file, 'utf8').replace(new RegExp(`<!-- ${escaped}:[\\s\\S]*<!-- \\/${escaped} -->\\n?`), '');
  writeFileSync(file, `${before.trimEnd()}\n\n${section}`);
  log('Wrote its section of bench/results.md');
}

/**
 * `BENCH_ONLY=names npm run bench`: only the keystrokes (1,000 articles, and inside a name at 1,000
 * and 10,000), written as their own section at the end of bench/results.md.
 */
async function onlyNames() {
  const log = (line = '') => console.log(line);
  await generate(1000);
  await generate(10000);
  const rows = [];
  const row = (metric, samples, extra = '') => {
    rows.push({ metric, median: median(samples), p95: p95(samples), runs: samples.length, extra });
    log(`  ${metric}: median ${fmtMs(median(samples))}, p95 ${fmtMs(p95(samples))} (${samples.length} runs)${extra ? `, ${extra}` : ''}`);
  };
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
  const inter = await runChild('interactive', 1000);
  row('keystroke, 1,000 articles (upsert + findings for it and its dependents)', inter.edits);
  const targets = [
    { met: p95(inter.edits) <= 20, text: `keystroke p95 ${fmtMs(p95(inter.edits))} ≤ 20 ms` },
    ...namesTargets(await measureNames({ row })),
  ];
  writeSection({ marker: 'names', only: 'names', title: 'Keystrokes that change a name', load, rows, targets, log });
}

/**
 * `BENCH_ONLY=issue22 npm run bench`: only the cache and burst measurements, written as their own
 * section at the end of bench/results.md (the rest of the file is left as the last full run wrote it).
 */
async function onlyIssue22() {
  const log = (line = '') => console.log(line);
  const corpora = { 1000: await generate(1000), 10000: await generate(10000) };
  const rows = [];
  const row = (metric, samples, extra = '') => {
    rows.push({ metric, median: median(samples), p95: p95(samples), runs: samples.length, extra });
    log(`  ${metric}: median ${fmtMs(median(samples))}, p95 ${fmtMs(p95(samples))} (${samples.length} runs)${extra ? `, ${extra}` : ''}`);
  };
  const mbps = (bytes, ms) => `${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s`;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
  const targets = issue22Targets(await measureIssue22({ corpora, row, log, mbps }));
  writeSection({ marker: 'issue 22', only: 'issue22', title: 'The cache and bursts of edits (issue 22)', load, rows, targets, log });
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
else if (process.env.BENCH_ONLY === 'issue22') await onlyIssue22();
else if (process.env.BENCH_ONLY === 'names') await onlyNames();
else await main();
