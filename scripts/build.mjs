// Bundles the shipped programs (client, server, CLI, and the analysis worker they share) with esbuild: tsc -b type-checks, this makes what runs.
// CommonJS output (.cjs) because VS Code's extension host loads `main` with require().
import { build } from 'esbuild';

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

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.cjs' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.cjs' }),
  build({ ...common, entryPoints: ['server/src/workers/analysis-worker.ts'], outfile: 'dist/analysis-worker.cjs' }),
]);
