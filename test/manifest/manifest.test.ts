/** The extension manifest (package.json) against what the client registers and what ships beside it. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';
import { rules } from '../../server/src/analysis/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Manifest {
  icon: string;
  files: string[];
  activationEvents: string[];
  contributes: {
    languages: { id: string; filenamePatterns?: string[]; extensions?: string[] }[];
    configurationDefaults: Record<string, Record<string, unknown>>;
    configuration: { properties: Record<string, { scope?: string }> };
    commands: { command: string; title: string }[];
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    walkthroughs: { steps: { id: string; media: { image?: string; markdown?: string } }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const clientSource = ['extension.ts', 'claim.ts', 'views.ts']
  .map((file) => readFileSync(join(root, 'client', 'src', file), 'utf8'))
  .join('\n');

describe('extension manifest', () => {
  it('sets prose defaults for articles: word wrap, no ambiguous-character boxes, no suggestions', () => {
    const article = manifest.contributes.configurationDefaults['[article]']!;
    assert.equal(article['editor.wordWrap'], 'on');
    assert.equal(article['editor.unicodeHighlight.ambiguousCharacters'], false);
    assert.deepEqual(article['editor.quickSuggestions'], { other: 'off', comments: 'off', strings: 'off' });
    assert.equal(article['editor.wordBasedSuggestions'], 'off');
  });

  it('claims no .txt file by name and activates on a knowledge file or plain text, not on any .txt', () => {
    const article = manifest.contributes.languages.find((l) => l.id === 'article')!;
    assert.equal(article.filenamePatterns, undefined);
    assert.ok(!article.extensions?.includes('.txt'));
    assert.deepEqual(
      manifest.activationEvents.filter((e) => e.includes('*.txt')),
      [],
    );
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/dateline.yaml'));
    assert.ok(manifest.activationEvents.includes('onLanguage:plaintext'));
  });

  it('gives every setting a scope, and has dateline.enable, dateline.files and dateline.trace.server', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(
      Object.entries(properties)
        .filter(([, p]) => !p.scope)
        .map(([key]) => key),
      [],
    );
    for (const key of ['dateline.enable', 'dateline.files', 'dateline.trace.server'])
      assert.ok(properties[key], key);
  });

  it('contributes every command the client registers, and registers every command it contributes', () => {
    const registered = [...clientSource.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(registered, contributed);
    for (const command of [
      'dateline.restartServer',
      'dateline.showLog',
      'dateline.openKnowledgeFile',
      'dateline.disableForWorkspace',
    ])
      assert.ok(contributed.includes(command), command);
  });

  it('ships a page for every rule, and the icon, views and walkthrough media it names', () => {
    for (const rule of rules) {
      const page = readFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id}\\n`));
    }
    assert.ok(existsSync(join(root, manifest.icon)));
    assert.ok(existsSync(join(root, manifest.contributes.viewsContainers.activitybar[0]!.icon)));
    assert.deepEqual(
      manifest.contributes.views['dateline']!.map((v) => v.name),
      ['Timeline', 'Entities'],
    );
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(
      walkthrough!.steps.map((s) => s.id),
      ['openFolder', 'hoverFinding', 'applyFix'],
    );
    for (const step of walkthrough!.steps)
      assert.ok(existsSync(join(root, (step.media.image ?? step.media.markdown)!)), step.id);
  });

  it('lets into the package, through its files list alone, everything the extension opens', () => {
    // npm pack and vsce both follow `files`; vsce refuses a .vscodeignore beside it.
    assert.equal(existsSync(join(root, '.vscodeignore')), false);
    const shipped = (path: string): boolean =>
      manifest.files.some((pattern) =>
        pattern.endsWith('/') ? path.startsWith(pattern) : minimatch(path, pattern),
      );
    const [walkthrough] = manifest.contributes.walkthroughs;
    for (const path of [
      manifest.icon,
      manifest.contributes.viewsContainers.activitybar[0]!.icon,
      ...walkthrough!.steps.map((step) => (step.media.image ?? step.media.markdown)!),
      ...rules.map((rule) => `docs/rules/${rule.id}.md`),
      'dist/server.cjs',
      'dist/client.cjs',
    ])
      assert.ok(shipped(path), `${path} is in the files list`);
  });
});
