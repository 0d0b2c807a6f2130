// Neovim's built-in LSP client against the Dateline language server, headless, on a copy of seeds/.
// Runs the Neovim config that README.md gives (so the README stays true), with `dateline-language-server`
// on PATH running `node dist/server.cjs`, then checks what test/e2e/nvim.lua saw: the name-variant
// warning on "Hepkins", the hover naming Chris Hipkins, the preferred fix applied to the buffer.
//
//   node test/e2e/neovim.mjs        (after `npm run build`; needs `nvim`, Debian's neovim 0.7 or newer)
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const hepkinsFile = '004_98b365b3b95cd083.txt';
const timeoutMs = 90_000;

/** The first ```lua block of README.md's "## Other editors" section: the config a Neovim user copies. */
export function readmeNeovimConfig(readme) {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Other editors'));
  if (!section) throw new Error('README.md has no "## Other editors" section');
  const block = /^```lua\n([\s\S]*?)^```/m.exec(section);
  if (!block) throw new Error('README.md\'s "Other editors" section has no ```lua block');
  return block[1];
}

function fail(message) {
  console.error(`neovim: FAIL: ${message}`);
  process.exitCode = 1;
}

async function main() {
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (nvim.error || nvim.status !== 0) {
    throw new Error('`nvim` is not installed (apt-get install -y neovim); the Neovim test cannot run');
  }
  console.log(`neovim: ${nvim.stdout.split('\n')[0]}`);
  const server = join(repo, 'dist', 'server.cjs');
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first`);

  const work = mkdtempSync(join(tmpdir(), 'dateline-nvim-'));
  try {
    const folder = join(work, 'seeds');
    cpSync(join(repo, 'seeds'), folder, { recursive: true });
    writeFileSync(join(folder, 'requirements.txt'), 'numpy==1.26.4\nrequests>=2.31\n');
    const bin = join(work, 'bin');
    mkdirSync(bin);
    const shim = join(bin, 'dateline-language-server');
    writeFileSync(shim, `#!/bin/sh\nexec node ${JSON.stringify(server)} "$@"\n`);
    chmodSync(shim, 0o755);
    const config = join(work, 'init.lua');
    writeFileSync(config, readmeNeovimConfig(readFileSync(join(repo, 'README.md'), 'utf8')));
    const resultPath = join(work, 'result.json');

    const started = Date.now();
    const child = spawn(
      'nvim',
      [
        '--headless',
        '-u',
        'NONE',
        '-i',
        'NONE',
        '-n',
        '-c',
        `luafile ${join(here, 'nvim.lua')}`,
        hepkinsFile,
      ],
      {
        cwd: folder,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          DATELINE_NVIM_CONFIG: config,
          DATELINE_NVIM_RESULT: resultPath,
          XDG_STATE_HOME: join(work, 'state'),
          XDG_CACHE_HOME: join(work, 'cache'),
        },
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? signal)));
    clearTimeout(timer);
    console.log(`neovim: nvim exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    if (!existsSync(resultPath)) {
      throw new Error(`nvim wrote no result (exit ${code}); its output:\n${output.slice(-4000)}`);
    }
    const result = JSON.parse(readFileSync(resultPath, 'utf8'));
    const check = (ok, what, detail) => {
      if (ok) console.log(`neovim: ok   ${what}`);
      else
        fail(
          `${what}${detail === undefined ? '' : `\n  got: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`,
        );
    };
    check(result.ok === true && code === 0, 'the Lua script ran to the end', result.error ?? `exit ${code}`);
    check(
      result.attached === 'dateline',
      'the README config attached the dateline client to the buffer',
      result.attached,
    );
    check(
      result.hepkins?.message?.includes('“Hepkins” is spelled “Hipkins”') &&
        result.hepkins.range.start.line === 10 &&
        result.hepkins.range.start.character === 428,
      'name-variant warning on "Hepkins" at 11:429',
      result.hepkins ?? result.diagnostics,
    );
    check(result.shown_by_vim_diagnostic === true, 'vim.diagnostic shows it on line 11');
    check(
      /\*\*Chris Hipkins\*\* · person/.test(result.hover ?? '') &&
        (result.hover ?? '').includes('003_c34c0cd0b9e4393c.txt:9'),
      'hover names Chris Hipkins and 003_c34c0cd0b9e4393c.txt:9',
      result.hover,
    );
    check(typeof result.preferred === 'string', 'a preferred code action is offered', result.actions);
    check(
      /Prime Minister Chris Hipkins will attend/.test(result.line_after_fix ?? ''),
      'the preferred fix wrote "Chris Hipkins" into the buffer',
      result.line_after_fix?.slice(380, 480),
    );
    check(result.warning_gone_after_fix === true, 'the warning is gone once the fix is applied');
    check(
      result.requirements?.article === false &&
        result.requirements.symbols === 0 &&
        result.requirements.diagnostics === 0,
      'requirements.txt is no article: no diagnostics, no outline',
      result.requirements,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    () =>
      console[process.exitCode ? 'error' : 'log'](
        process.exitCode ? 'neovim: FAILED' : 'neovim: all checks passed',
      ),
    (error) => {
      console.error(`neovim: FAIL: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
