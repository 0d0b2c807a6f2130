// The extension in VS Code itself: code-server 4.100.3 (VS Code 1.100.3) driven through headless Chromium.
// Packages the .vsix, installs it into a fresh code-server, opens a copy of seeds/ and checks, with the
// keyboard as a user would: activation and the status bar, an article's language and word wrap,
// requirements.txt staying plain text, the log, the Timeline and Entities views, the Problems panel and
// a rule page, the hover card, the quick fix, accepting a spelling and ignoring a finding (both written
// into dateline.yaml), semantic token types, the inlay hint, the folding of page
// furniture, the README pictures on the extension page, restart, disable and enable. Every step saves
// a screenshot into test/e2e/screenshots/; the best four are copied into docs/.
//
//   node test/e2e/vscode.mjs      (after `npm run build`; needs /usr/bin/chromium, ripgrep, libkrb5-dev)
//
// DATELINE_E2E_CACHE is where code-server is installed (default ~/.cache/dateline-e2e).
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const shots = join(here, 'screenshots');
const docs = join(repo, 'docs');
const chromiumPath = '/usr/bin/chromium';
const hepkinsFile = '004_98b365b3b95cd083.txt';
const datelineFile = '002_21a309fd9649c32f.txt';
const thursdayFile = '000_90aec226ec90995e.txt';
const log = (message) => console.log(`vscode: ${message}`);

const failures = [];
let shotCount = 0;
/** The workbench, once open: a failed check saves a screenshot of it. */
let currentUi;

async function main() {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing (apt-get install -y chromium)`);
  if (!existsSync(join(repo, 'dist', 'client.cjs')))
    throw new Error('dist/client.cjs is missing: run `npm run build` first');
  const entry = execFileSync('bash', [join(here, 'install-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .pop();
  if (!existsSync(entry)) throw new Error(`install-code-server.sh gave no entry point (${entry})`);

  const work = mkdtempSync(join(tmpdir(), 'dateline-vscode-'));
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  let server;
  let browser;
  try {
    const vsix = join(work, 'dateline.vsix');
    log('packaging the extension, as `npm run package` does');
    execFileSync('node', [join(repo, 'scripts', 'vsix-readme.mjs')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    execFileSync(
      'npx',
      [
        '--no-install',
        'vsce',
        'package',
        '--no-dependencies',
        '--no-rewrite-relative-links',
        '--readme-path',
        'out/vsix/README.md',
        '--out',
        vsix,
      ],
      {
        cwd: repo,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const userData = join(work, 'user-data');
    const extensions = join(work, 'extensions');
    const config = join(work, 'config.yaml');
    const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
    execFileSync('node', [entry, ...common, '--install-extension', vsix], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(
      join(userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'editor.inlayHints.enabled': 'on',
          'editor.semanticHighlighting.enabled': true,
          'editor.showFoldingControls': 'always',
          'editor.minimap.enabled': false,
          'security.workspace.trust.enabled': false,
          'workbench.tips.enabled': false,
          'extensions.ignoreRecommendations': true,
          'telemetry.telemetryLevel': 'off',
        },
        null,
        2,
      ),
    );
    const folder = join(work, 'seeds');
    cpSync(join(repo, 'seeds'), folder, { recursive: true });
    // A text file that is no article: it must stay plain text and out of the corpus (5 articles).
    writeFileSync(join(folder, 'requirements.txt'), 'numpy==1.26.4\nrequests>=2.31\n');

    const port = await freePort();
    server = spawn(
      'node',
      [
        entry,
        ...common,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        folder,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let serverLog = '';
    server.stdout.on('data', (d) => (serverLog += d));
    server.stderr.on('data', (d) => (serverLog += d));
    log(`code-server pid ${server.pid} on 127.0.0.1:${port}`);
    const pid = server.pid;
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
        process.exit(130);
      });
    }
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => serverLog);

    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await runChecks(page, folder);
  } finally {
    await browser?.close().catch(() => {});
    if (server?.pid) await stopServer(server);
    rmSync(work, { recursive: true, force: true });
  }
}

async function runChecks(page, folder) {
  const ui = new Workbench(page);
  currentUi = ui;

  await check('opening 004 activates the extension; the status bar shows the corpus', async () => {
    await ui.open(hepkinsFile);
    const item = page.locator('.statusbar-item', { hasText: 'Dateline' }).first();
    await item.waitFor({ timeout: 60_000 });
    // While the corpus is read the item counts what has been read so far; then all five articles.
    await waitFor(
      async () => /Dateline: 5 articles · \d+ warnings/.test(await item.innerText()),
      60_000,
      'the status bar to count the 5 articles',
      async () => item.innerText(),
    );
    log(`  status bar: "${(await item.innerText()).trim()}"`);
    await ui.shot('status-bar');
  });

  await check('an article opens as a News article with word wrap on', async () => {
    await ui.open(hepkinsFile);
    await ui.expectLanguage('News article');
    // Unwrapped, line 11 (about 1,500 characters) makes the lines far wider than the editor.
    await ui.goTo(11, 1);
    await waitFor(
      async () => {
        const { lines, editor } = await ui.editorWidths();
        return lines > 0 && lines <= editor;
      },
      10_000,
      'the text to wrap within the editor',
      async () => JSON.stringify(await ui.editorWidths()),
    );
    await ui.shot('word-wrap');
  });

  await check('requirements.txt stays plain text, and the log says why', async () => {
    await ui.open('requirements.txt');
    await ui.command('Dateline: Show Log');
    await ui.expectOutput(/requirements\.txt is not an article of the corpus: left as plain text/);
    await ui.reset();
    await ui.expectLanguage('Plain Text');
  });

  await check('the Dateline log shows the server starting and the corpus it read', async () => {
    await ui.command('Dateline: Show Log');
    // The server's message at its own level, not an info line wrapping "[Info - time]".
    await ui.expectOutput(/\[info\] Read 5 articles in /);
    await ui.expectOutput(/Corpus: 5 articles, \d+ warnings/);
    await ui.shot('log');
  });

  await check(
    'the Timeline view lists the events by date, with the dateline conflict under its event',
    async () => {
      await ui.showDatelineViews();
      const rows = await ui.treeRows('Timeline');
      const dated = rows.filter((r) => /^\d{4}-\d{2}-\d{2}\s+\S/.test(r));
      if (!dated.length) throw new Error(`no dated event in the Timeline: ${JSON.stringify(rows)}`);
      log(`  timeline: ${rows.join(' | ')}`);
      await ui.expandTreeRow('Timeline', dated[0]);
      await waitFor(
        async () => (await ui.treeRows('Timeline')).some((r) => /This page is dated .*, but it writes of/.test(r)),
        10_000,
        'the dateline conflict under its event',
        async () => JSON.stringify(await ui.treeRows('Timeline')),
      );
    },
  );

  await check(
    'the Entities view lists people with their spellings, and a mention opens its article',
    async () => {
      await ui.open('001_88fc123d7da02a4d.txt');
      await ui.showDatelineViews();
      await waitFor(
        async () => (await ui.treeRows('Entities')).some((r) => /^People \(\d+\)/.test(r)),
        10_000,
        'People in the Entities view',
        async () => JSON.stringify(await ui.treeRows('Entities')),
      );
      const rows = await ui.treeRows('Entities');
      if (!rows.some((r) => r.startsWith('Chris Hipkins')))
        throw new Error(`no Chris Hipkins among the people: ${JSON.stringify(rows)}`);
      log(`  entities: ${rows.slice(0, 6).join(' | ')}`);
      await ui.expandTreeRow('Entities', 'Chris Hipkins');
      await ui.expandTreeRow('Entities', 'Chris Hepkins (variant)');
      await ui.shot('views', 'views');
      await ui.clickTreeRow('Entities', `${hepkinsFile}:11`);
      await page.locator('.tab.active', { hasText: hepkinsFile }).waitFor();
      await ui.expectLanguage('News article');
    },
  );

  await check(
    'the Problems panel lists the name-variant on "Hepkins" and the dateline-conflict on unopened 002',
    async () => {
      await ui.problems();
      const hepkins = await ui.waitForProblem(
        /“Hepkins” is spelled “Hipkins” in (another article|\d+ other articles)/,
      );
      const conflict = await ui.waitForProblem(/This page is dated .*, but it writes of/);
      log(`  ${hepkins}`);
      log(`  ${conflict}`);
      const rows = await ui.problemRows();
      if (!rows.some((r) => r.includes(datelineFile)))
        throw new Error(`no row for ${datelineFile}: ${JSON.stringify(rows)}`);
      await ui.shot('problems', 'problems');
    },
  );

  await check('the rule id of a problem opens the rule page shipped with the extension', async () => {
    await ui.problems();
    const link = page.locator('.markers-panel .monaco-list-row a', { hasText: 'name-variant' }).first();
    await link.waitFor();
    await link.click();
    await page.locator('.tab.active', { hasText: 'name-variant.md' }).waitFor();
    await ui.reset();
    await ui.expectEditorText(/# name-variant/);
    await ui.shot('rule-page');
    // Back to the article the next checks work in.
    await page.keyboard.press('Control+W');
    await ui.open(hepkinsFile);
  });

  await check(
    'the hover on "Hepkins" opens with one line and its fix, visible without scrolling, and names Chris Hipkins',
    async () => {
      await ui.goTo(11, 431);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover:visible').first();
      await hover.waitFor();
      // The problem's part shows at once; the card from the language server follows.
      await waitFor(
        async () => /Chris Hipkins\s*·\s*person/.test(await hover.innerText()),
        15_000,
        'the hover card of Chris Hipkins',
        async () => hover.innerText(),
      );
      const text = await hover.innerText();
      // VS Code shows the warning's message above the card; the card does not say it again.
      const said = text.split('“Hepkins” is spelled “Hipkins”').length - 1;
      if (said !== 1) throw new Error(`the hover says the warning's message ${said} times: ${text}`);
      if (!text.includes('003_c34c0cd0b9e4393c.txt:9'))
        throw new Error(`hover has no link to 003_c34c0cd0b9e4393c.txt:9: ${text}`);
      // Measured in the DOM: the card's first line and its fix lie inside the part of the card shown,
      // with nothing scrolled.
      const seen = await hover.evaluate((card) => {
        const shown = card.getBoundingClientRect();
        const scrolled = [...card.querySelectorAll('*')].some((e) => e.scrollTop > 0);
        const where = (pattern) => {
          const block = [...card.querySelectorAll('p')].find((p) => pattern.test(p.textContent ?? ''));
          if (!block) return null;
          const r = block.getBoundingClientRect();
          return { top: r.top - shown.top, bottom: r.bottom - shown.top, text: block.textContent };
        };
        return {
          height: shown.height,
          scrolled,
          first: where(/^Probably “Hipkins”/),
          fix: where(/^Fix: Replace with “Hipkins”/),
        };
      });
      log(`  hover: ${Math.round(seen.height)} px high; first line at ${seen.first?.top}, fix ends at ${seen.fix?.bottom}`);
      for (const [what, at] of [
        ['first line', seen.first],
        ['fix', seen.fix],
      ]) {
        if (!at) throw new Error(`the hover has no ${what}: ${text}`);
        if (seen.scrolled || at.top < 0 || at.bottom > seen.height)
          throw new Error(`the hover's ${what} needs scrolling (${JSON.stringify(seen)})`);
      }
      await ui.shot('hover', 'hover');
      // "Show reasoning" opens the steps in a read-only page beside the article.
      await hover.locator('a', { hasText: 'Show reasoning' }).first().click();
      await page.locator('.tab.active', { hasText: `Why ${hepkinsFile}` }).waitFor();
      const reasoning = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
      await waitFor(
        async () => /# Why Dateline says so/.test((await reasoning.innerText()).replace(/\u00a0/g, ' ')),
        15_000,
        'the reasoning page',
        async () => reasoning.innerText(),
      );
      await ui.shot('reasoning');
      await page.keyboard.press('Control+W');
      await ui.open(hepkinsFile);
    },
  );

  await check(
    'the quick fix replaces "Hepkins" with "Hipkins" and the warning leaves the Problems panel',
    async () => {
      await ui.goTo(11, 431);
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget:visible');
      await menu.waitFor();
      const items = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((s) => s.trim());
      log(`  quick fixes: ${items.join(' | ')}`);
      await ui.shot('quick-fix-menu');
      // Arrow down to the fix, as a user would, and apply it with Enter.
      const focused = menu.locator('.monaco-list-row.focused');
      for (
        let i = 0;
        i < items.length && !/^Replace with “Hipkins”/.test((await focused.getAttribute('aria-label')) ?? '');
        i++
      ) {
        await page.keyboard.press('ArrowDown');
      }
      const chosen = (await focused.getAttribute('aria-label')) ?? '';
      if (!/^Replace with “Hipkins”/.test(chosen))
        throw new Error(`no "Replace with “Hipkins”" in the quick fix menu: ${items.join(' | ')}`);
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      await ui.expectEditorText(/Chris\s*Hipkins\s*will\s*attend/);
      await page.keyboard.press('Control+S');
      await waitFor(
        () =>
          readFileSync(join(folder, hepkinsFile), 'utf8').includes(
            'Prime Minister Chris Hipkins will attend',
          ),
        10_000,
        'the saved file has "Chris Hipkins"',
      );
      await ui.problems();
      await waitFor(
        async () => !(await ui.problemRows()).some((r) => r.includes('Hepkins')),
        20_000,
        'the Hepkins warning to leave the Problems panel',
      );
      if (!(await ui.problemRows()).some((r) => r.includes('“Sok Yul” is spelled')))
        throw new Error('the other name variant in 004 (Sok Yul) is gone from the Problems panel too');
      await ui.shot('after-fix');
    },
  );

  // The two knowledge-file actions, each from its finding, checked on what they write into the workspace
  // folder and on the Problems panel. The first creates dateline.yaml, the second adds to it.
  const knowledge = join(folder, 'dateline.yaml');
  const knowledgeText = () => (existsSync(knowledge) ? readFileSync(knowledge, 'utf8') : '(no dateline.yaml)');

  await check(
    'Dateline: Accept the Spelling at the Cursor on "Sok Yul" writes it into dateline.yaml, and the warning goes',
    async () => {
      await ui.open(hepkinsFile);
      await ui.goTo(11, 341); // "Sok Yul", 004:11:340
      await ui.command('Dateline: Accept the Spelling at the Cursor');
      await waitFor(
        () => /name: Yoon Suk Yeol\b[^]*aliases:[^]*\bSok Yul\b/.test(knowledgeText()),
        15_000,
        'dateline.yaml on disk to accept "Sok Yul" as a spelling of Yoon Suk Yeol',
        knowledgeText,
      );
      await ui.problems();
      await waitFor(
        async () => !(await ui.problemRows()).some((r) => r.includes('“Sok Yul” is spelled')),
        20_000,
        'the Sok Yul warning to leave the Problems panel',
        async () => JSON.stringify(await ui.problemRows(), null, 1),
      );
      log(`  dateline.yaml: ${knowledgeText().trim().split('\n').join(' ⏎ ')}`);
      await ui.shot('accepted-spelling');
    },
  );

  await check(
    'the quick fix "Ignore … in this file" on "Indo-Pacific Partnership" adds an ignore entry, and the warning goes',
    async () => {
      await ui.open(hepkinsFile);
      await ui.goTo(11, 510); // "Indo-Pacific Partnership", 004:11:507
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget:visible');
      await menu.waitFor();
      const items = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((s) => s.trim());
      const ignore = /^Ignore “Indo-Pacific Partnership” \(acronym-expansion\) in this file/;
      const focused = menu.locator('.monaco-list-row.focused');
      for (let i = 0; i < items.length && !ignore.test((await focused.getAttribute('aria-label')) ?? ''); i++)
        await page.keyboard.press('ArrowDown');
      if (!ignore.test((await focused.getAttribute('aria-label')) ?? ''))
        throw new Error(`no "Ignore “Indo-Pacific Partnership” …" in the quick fix menu: ${items.join(' | ')}`);
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      await waitFor(
        () =>
          new RegExp(
            `ignore:\\s*\\n\\s*- file: ${hepkinsFile.replace('.', '\\.')}\\s*\\n\\s*rule: acronym-expansion\\s*\\n\\s*text: Indo-Pacific Partnership\\b`,
          ).test(knowledgeText()) && /aliases:[^]*\bSok Yul\b/.test(knowledgeText()),
        15_000,
        'dateline.yaml on disk to ignore "Indo-Pacific Partnership" in 004, keeping the accepted spelling',
        knowledgeText,
      );
      await ui.problems();
      await waitFor(
        async () => !(await ui.problemRows()).some((r) => r.includes('“Indo-Pacific Partnership” is not')),
        20_000,
        'the Indo-Pacific Partnership warning to leave the Problems panel',
        async () => JSON.stringify(await ui.problemRows(), null, 1),
      );
      // Ignored in this file only: the other acronym warning of 004 stays.
      if (!(await ui.problemRows()).some((r) => r.includes('“Individual Partnership Program” is not')))
        throw new Error('the ITPP warning in 004 went too');
      log(`  dateline.yaml: ${knowledgeText().trim().split('\n').join(' ⏎ ')}`);
      await ui.shot('ignored-finding');
    },
  );

  await check('a person name carries the "person" semantic token type', async () => {
    await ui.goTo(11, 299); // "Fumio Kishida", 004:11:297
    await ui.inspectToken('person');
    await ui.shot('semantic-token');
    await page.keyboard.press('Escape');
  });

  await check('the inlay hint after "Thursday" in 000 shows 2024-07-11', async () => {
    await ui.open(thursdayFile);
    await ui.goTo(6, 1);
    await ui.expectEditorText(/Thursday\s*→\s*2024-07-11/);
    await ui.shot('highlighting', 'highlighting');
  });

  await check('a date carries the "date" semantic token type', async () => {
    await ui.goTo(4, 14); // "July 10, 2024", the dateline of 000
    await ui.inspectToken('date');
    await ui.shot('semantic-token-date');
    await page.keyboard.press('Escape');
  });

  await check('page furniture folds', async () => {
    await ui.goTo(9, 1);
    const before = await ui.lineNumbers();
    if (!before.includes(10)) throw new Error(`line 10 is not rendered: ${before}`);
    const control = page
      .locator('.margin-view-overlays > div', { has: page.locator('.line-numbers', { hasText: /^9$/ }) })
      .locator('.codicon-folding-expanded');
    await control.waitFor();
    await control.click();
    await waitFor(async () => !(await ui.lineNumbers()).includes(10), 5000, 'lines 10–30 to fold away');
    const after = await ui.lineNumbers();
    if (after.some((n) => n > 9 && n <= 30)) throw new Error(`furniture lines still shown: ${after}`);
    await ui.shot('furniture-folded');
  });

  const statusItem = page.locator('.statusbar-item', { hasText: 'Dateline:' }).first();
  const countsArticles = async () =>
    /Dateline: 5 articles/.test(await statusItem.innerText().catch(() => ''));

  await check('the extension page shows the README pictures, offline', async () => {
    // The Extensions view lists what is installed when its search box is empty (offline: nothing else).
    await page.keyboard.press('Control+Shift+X');
    const entry = page.locator('.extension-list-item', { hasText: 'Dateline' }).first();
    await entry.waitFor({ timeout: 30_000 });
    await entry.click();
    await page.locator('.extension-editor').first().waitFor();
    const pictures = async () => {
      const found = [];
      for (const frame of page.frames())
        found.push(
          ...(await frame
            .locator('img')
            .evaluateAll((images) => images.map((i) => `${i.naturalWidth} ${i.src}`))
            .catch(() => [])),
        );
      return found;
    };
    // Every picture of the README, inlined by scripts/vsix-readme.mjs, decoded (natural width > 0).
    const expected = (
      readFileSync(join(repo, 'README.md'), 'utf8').match(/!\[[^\]]*\]\(docs\/[\w.-]+\.png\)/g) ?? []
    ).length;
    if (expected < 3) throw new Error(`the README names ${expected} pictures of docs/`);
    await waitFor(
      async () =>
        (await pictures()).filter((p) => /^[1-9]\d* data:image\/png;base64,/.test(p)).length === expected,
      30_000,
      `the ${expected} README pictures to show on the extension page`,
      async () =>
        JSON.stringify(
          (await pictures()).map((p) => p.slice(0, 120)),
          null,
          1,
        ),
    );
    await ui.shot('extension-page');
    await page.keyboard.press('Control+W');
  });

  await check('Dateline: Restart Language Server restarts it, and the corpus is read again', async () => {
    await ui.command('Dateline: Restart Language Server');
    await ui.command('Dateline: Show Log');
    await ui.expectOutput(/Restarting the language server/);
    await waitFor(countsArticles, 60_000, 'the status bar to count the 5 articles again', async () =>
      statusItem.innerText().catch(() => '(no item)'),
    );
  });

  await check('Dateline: Disable for This Workspace stops it; Enable starts it again', async () => {
    await ui.command('Dateline: Disable for This Workspace');
    await waitFor(async () => !(await statusItem.isVisible()), 20_000, 'the status bar item to go');
    await waitFor(
      () =>
        existsSync(join(folder, '.vscode', 'settings.json')) &&
        readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8').includes('"dateline.enable": false'),
      10_000,
      'dateline.enable false in the workspace settings',
    );
    await ui.command('Dateline: Enable for This Workspace');
    await waitFor(countsArticles, 60_000, 'the status bar to count the 5 articles again', async () =>
      statusItem.innerText().catch(() => '(no item)'),
    );
  });
}

/** The keyboard and the DOM of the VS Code workbench. */
class Workbench {
  constructor(page) {
    this.page = page;
  }

  async shot(name, doc) {
    shotCount += 1;
    const file = join(shots, `${String(shotCount).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    if (doc) {
      mkdirSync(docs, { recursive: true });
      copyFileSync(file, join(docs, `${doc}.png`));
    }
  }

  async open(name) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  async goTo(line, column) {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Waits for the language mode in the status bar ("News article", "Plain Text"). */
  async expectLanguage(name) {
    const mode = this.page.locator('#status\\.editor\\.mode');
    await waitFor(
      async () => (await mode.innerText()).trim() === name,
      20_000,
      `the language mode ${name}`,
      async () => mode.innerText(),
    );
  }

  /** The width of the rendered lines and of the editor, in pixels. */
  async editorWidths() {
    return this.page
      .locator('.editor-instance .monaco-editor')
      .first()
      .evaluate((editor) => ({
        lines: editor.querySelector('.view-lines')?.scrollWidth ?? 0,
        editor: editor.clientWidth,
      }));
  }

  /** Waits for text in the Output panel (the channel on show). */
  async expectOutput(pattern) {
    const output = this.page.locator('.part.panel .monaco-editor .view-lines');
    await waitFor(
      async () =>
        pattern.test(
          (
            (await output
              .first()
              .innerText()
              .catch(() => '')) ?? ''
          ).replace(/\u00a0/g, ' '),
        ),
      30_000,
      `the output to show ${pattern}`,
      async () =>
        output
          .first()
          .innerText()
          .catch(() => '(no output panel)'),
    );
  }

  /** Opens the Dateline side bar with its Timeline and Entities views. */
  async showDatelineViews() {
    const item = this.page.locator('.activitybar .action-item a[aria-label^="Dateline"]').first();
    await item.waitFor();
    if (
      (await item.getAttribute('aria-expanded')) !== 'true' &&
      !(await this.page.locator('.pane-header', { hasText: 'Entities' }).isVisible())
    )
      await item.click();
    await this.page.locator('.pane-header', { hasText: 'Timeline' }).first().waitFor();
  }

  /** The pane of a view in the side bar. */
  pane(title) {
    const header = this.page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') });
    return this.page.locator('.pane').filter({ has: header }).first();
  }

  /** The rows of a tree view, as their labels and descriptions read. */
  async treeRows(title) {
    await this.pane(title).locator('.monaco-list-row').first().waitFor({ timeout: 20_000 });
    return this.pane(title)
      .locator('.monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  async clickTreeRow(title, startsWith) {
    const row = this.pane(title).locator('.monaco-list-row', { hasText: startsWith }).first();
    await row.waitFor();
    await row.click();
  }

  async expandTreeRow(title, startsWith) {
    const row = this.pane(title).locator('.monaco-list-row', { hasText: startsWith }).first();
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await waitFor(
      async () => (await row.getAttribute('aria-expanded')) === 'true',
      10_000,
      `${startsWith} to expand`,
    );
  }

  async command(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Runs "Developer: Inspect Editor Tokens and Scopes" at the cursor and waits for a semantic token type. */
  async inspectToken(type) {
    await this.command('Developer: Inspect Editor Tokens and Scopes');
    const widget = this.page.locator('.token-inspect-widget');
    await widget.waitFor();
    const pattern = new RegExp(`semantic token type\\s*${type}\\b`);
    await waitFor(
      async () => pattern.test(await widget.innerText()),
      10_000,
      `the inspect widget to show the semantic token type ${type}`,
      async () => widget.innerText(),
    );
    const lines = (await widget.innerText()).split('\n');
    log(
      `  inspect: ${lines[0]} → ${lines.filter((l) => /semantic token type|foreground\s*#/.test(l)).join(' | ')}`,
    );
  }

  /** Opens the Problems panel, maximized so that every row is rendered. */
  async problems() {
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
    const maximize = this.page.locator('.part.panel .action-label[aria-label^="Maximize Panel"]');
    const restore = this.page.locator('.part.panel .action-label[aria-label^="Restore Panel"]');
    // The panel's title bar re-renders while diagnostics arrive: retry the click until it is maximized.
    await waitFor(
      async () => {
        if (await restore.isVisible()) return true;
        await maximize.click({ timeout: 2000 }).catch(() => {});
        return false;
      },
      20_000,
      'the Problems panel to maximize',
    );
  }

  /** Back to a plain editor with the focus in it: no widget, no panel. */
  async reset() {
    await this.page.mouse.move(20, 600); // off any button, so no tooltip shows in the pictures
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
    const hide = this.page.locator(
      '.part.panel .action-label[aria-label^="Hide Panel"], .part.panel .action-label[aria-label^="Close Panel"]',
    );
    await waitFor(
      async () => {
        if (!(await this.page.locator('.part.panel').isVisible())) return true;
        await hide
          .first()
          .click({ timeout: 2000 })
          .catch(() => {});
        return false;
      },
      10_000,
      'the panel to close',
    );
    await this.page.keyboard.press('Control+1');
  }

  async problemRows() {
    return this.page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-label') ?? ''} ${r.textContent ?? ''}`));
  }

  async waitForProblem(pattern) {
    let found;
    await waitFor(
      async () => (found = (await this.problemRows()).find((r) => pattern.test(r))),
      30_000,
      `a Problems row matching ${pattern}`,
      async () => JSON.stringify(await this.problemRows(), null, 1),
    );
    return found.trim();
  }

  async editorText() {
    const text = await this.page.locator('.monaco-editor .view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  async expectEditorText(pattern) {
    await waitFor(
      async () => pattern.test(await this.editorText()),
      15_000,
      `the editor to show ${pattern}`,
      async () => (await this.editorText()).slice(0, 2000),
    );
  }

  /** The line numbers rendered in the active editor's gutter, top to bottom. */
  async lineNumbers() {
    const numbers = await this.page
      .locator('.monaco-editor .margin-view-overlays .line-numbers')
      .evaluateAll((els) =>
        els.map((e) => ({ top: parseFloat(e.parentElement?.style.top || '0'), n: Number(e.textContent) })),
      );
    return numbers
      .filter((x) => x.n > 0)
      .sort((a, b) => a.top - b.top)
      .map((x) => x.n);
  }
}

async function check(what, fn) {
  const started = Date.now();
  try {
    await currentUi?.reset();
    await fn();
    log(`ok   ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures.push(`${what}: ${error.message}`);
    await currentUi?.shot('FAILED').catch(() => {});
    console.error(`vscode: FAIL ${what}\n  ${error.message.split('\n').join('\n  ')}`);
  }
}

async function waitFor(predicate, timeoutMs, what, describe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${describe ? `; saw:\n${await describe()}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs, serverLog) {
  await waitFor(
    async () => {
      try {
        return (await fetch(url)).ok;
      } catch {
        return false;
      }
    },
    timeoutMs,
    `code-server at ${url}`,
    serverLog,
  );
}

/** Stops code-server and its children: its process group (it was started detached), then the pid itself. */
async function stopServer(child) {
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', resolve);
  });
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      try {
        process.kill(child.pid, sig);
      } catch {
        // already gone
      }
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL'); // whatever of the group outlived the server
  log(`code-server (pid ${child.pid}) stopped`);
}

const started = Date.now();
main().then(
  () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (failures.length) {
      console.error(
        `vscode: FAILED ${failures.length} check(s) in ${seconds} s; screenshots in ${shots}\n- ${failures.join('\n- ')}`,
      );
      process.exitCode = 1;
    } else {
      log(`all checks passed in ${seconds} s; screenshots in ${shots}`);
    }
  },
  (error) => {
    console.error(`vscode: FAIL: ${error.stack ?? error}`);
    process.exitCode = 1;
  },
);
