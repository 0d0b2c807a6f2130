// The README for the vsix: the same text, with each picture of docs/ inlined as a data: URI.
// VS Code shows an installed extension's README in a webview that loads images only from https: and
// data: sources; a relative link there resolves against the webview's own address and shows the alt
// text, and vsce's rewriting to the repository's URL needs the network. Inlined, the pictures show
// offline. Writes out/vsix/README.md, which `npm run package` hands to vsce (--readme-path).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
let inlined = 0;
const text = readme.replace(/!\[([^\]]*)\]\((docs\/[\w.-]+\.png)\)/g, (_, alt, path) => {
  inlined++;
  return `![${alt}](data:image/png;base64,${readFileSync(join(repo, path)).toString('base64')})`;
});
const out = join(repo, 'out', 'vsix', 'README.md');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`vsix-readme: ${inlined} pictures inlined into ${out}`);
