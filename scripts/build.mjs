// Bundles the shipped programs (client, server, the CLI and its parts, and the analysis worker they share) with esbuild: tsc -b type-checks, this makes what runs.
// CommonJS output (.cjs) because VS Code's extension host loads `main` with require().
//
// A bundle whose inputs are byte for byte those it was made from is not made again (esbuild keeps
// no cache between runs, and `npm test`, `npm start` and `npm run eval` each build first): next to
// each bundle, `<bundle>.inputs.json` holds the files esbuild read for it and a digest of them, of
// its options, of esbuild's version and of what else decides the output (this script, the
// tsconfigs, package.json, and the installed packages as npm last wrote them). esbuild's output is
// deterministic, so a bundle kept is the bundle a new build would write.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build, version } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // unified and friends are ESM; bundled as CJS they need import.meta.url shimmed.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * The modules the CLI loads with `import()`, each a bundle of its own beside dist/cli.cjs, so that a
 * run reads and compiles only what it uses: a run that replays the output its cache kept loads none
 * of them (bench/README.md, "The cache").
 */
const cliParts = {
  // The analysis, the rules and the output formats.
  'server/src/cli/cli-analysis.ts': 'dist/cli-analysis.cjs',
  // The knowledge file's YAML parser and schema validator, for a folder that has one.
  'server/src/knowledge/parse-knowledge.ts': 'dist/parse-knowledge.cjs',
  // iconv-lite and jschardet, for a file that is not UTF-8.
  'server/src/io/legacy-encoding.ts': 'dist/legacy-encoding.cjs',
};

/** Leaves each `import()` of a module of `cliParts` to its bundle, instead of bundling it in. */
const cliPartsApart = {
  name: 'cli-parts-apart',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = relative(process.cwd(), resolve(args.resolveDir, args.path)).replace(/\.js$/, '.ts');
      const outfile = cliParts[source];
      return outfile ? { path: `./${outfile.replace(/^dist\//, '')}`, external: true } : undefined;
    });
  },
};

/** Files that decide every bundle without being among its inputs; missing ones count as empty. */
const settings = [
  'scripts/build.mjs',
  'package.json',
  'tsconfig.base.json',
  'server/tsconfig.json',
  'client/tsconfig.json',
  'node_modules/.package-lock.json',
];

/** A digest of a bundle's options and of the contents of the files it reads, or undefined if one is gone. */
function digest(options, inputs) {
  const hash = createHash('sha256').update(`esbuild ${version}\n${JSON.stringify(options)}\n`);
  for (const file of [...settings, ...inputs]) {
    const optional = settings.includes(file);
    if (!existsSync(file) && !optional) return undefined;
    hash.update(`${file}\n`).update(existsSync(file) ? readFileSync(file) : '');
  }
  return hash.digest('hex');
}

/** Builds one bundle unless the one there was made from the same options and inputs. */
async function bundle(options) {
  const stamp = `${options.outfile}.inputs.json`;
  const made = existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')) : undefined;
  const there = existsSync(options.outfile) && existsSync(`${options.outfile}.map`);
  if (there && made && digest(options, made.inputs) === made.digest) return;
  const { metafile } = await build({ ...common, ...options, metafile: true });
  const inputs = Object.keys(metafile.inputs).sort();
  writeFileSync(stamp, `${JSON.stringify({ digest: digest(options, inputs), inputs }, null, 1)}\n`);
}

await Promise.all([
  bundle({ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  bundle({ entryPoints: ['server/src/main.ts'], outfile: 'dist/server.cjs' }),
  // The CLI: reading the input and the cache, and its parts that it loads when it needs them.
  bundle({ entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.cjs', plugins: [cliPartsApart] }),
  ...Object.entries(cliParts).map(([source, outfile]) => bundle({ entryPoints: [source], outfile })),
  bundle({ entryPoints: ['server/src/workers/analysis-worker.ts'], outfile: 'dist/analysis-worker.cjs' }),
]);
