/**
 * Where each rule's documentation is on this machine: `docs/rules/<rule-id>.md`, shipped in the
 * package and the vsix, so that `codeDescription.href` opens a page that exists, offline, inside the
 * editor, and SARIF carries the page itself. The links are made in present/findings.ts (`ruleUrl`);
 * this finds their folder and reads a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `docs/rules` of the package this module ships in: dist/ in a package, out/server/src/io/ in a checkout. */
export function packagedRuleDocs(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let folder = here;
  for (;;) {
    const docs = join(folder, 'docs', 'rules');
    if (existsSync(docs)) return pathToFileURL(docs).href;
    const parent = dirname(folder);
    if (parent === folder) return pathToFileURL(join(here, 'docs', 'rules')).href;
    folder = parent;
  }
}

/** The Markdown of a rule's page, or undefined when the package has none (a rule id is never a path). */
export function ruleDocText(ruleId: string): string | undefined {
  if (!/^[a-z]+(-[a-z]+)*$/.test(ruleId)) return undefined;
  try {
    return readFileSync(new URL(`${packagedRuleDocs()}/${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
