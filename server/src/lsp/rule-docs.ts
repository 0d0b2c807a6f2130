/**
 * Where each rule's documentation is: `docs/rules/<rule-id>.md`, shipped in the package and the vsix,
 * so that `codeDescription.href` opens a page that exists, offline, inside the editor.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let base: string | undefined;

/**
 * Sets the folder URI the links point into; the VS Code client sends its extension's `docs/rules`
 * (a remote window maps that URI for the browser). Undefined: the folder next to this bundle.
 */
export function setRuleDocsBase(uri: string | undefined): void {
  base = uri?.replace(/\/+$/, '');
}

/** The URI of a rule's documentation page. */
export function ruleUrl(ruleId: string): string {
  base ??= packagedDocs();
  return `${base}/${ruleId}.md`;
}

/** `docs/rules` of the package this module ships in: dist/ in a package, out/server/src/lsp/ in a checkout. */
function packagedDocs(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const docs = join(folder, 'docs', 'rules');
    if (existsSync(docs)) return pathToFileURL(docs).href;
    const parent = dirname(folder);
    if (parent === folder)
      return pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'docs', 'rules')).href;
    folder = parent;
  }
}
