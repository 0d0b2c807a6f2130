// `npm run test:e2e`: the language server in real editors. Neovim's built-in client first (seconds),
// then VS Code 1.100 through code-server in headless Chromium (installed once into a cache folder by
// install-code-server.sh). Fails when either fails; a missing prerequisite (nvim, chromium, ripgrep,
// libkrb5-dev) is a failure, not a skip: .ci/run installs them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const results = [];

function run(name, command, args) {
  const started = Date.now();
  console.log(`\n== e2e: ${name}`);
  const child = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = child.status === 0;
  const why = child.error
    ? child.error.message
    : child.signal
      ? `killed by ${child.signal}`
      : `exit ${child.status}`;
  results.push({
    name,
    ok,
    line: `${ok ? 'passed' : 'FAILED'}  ${name} (${seconds} s${ok ? '' : `, ${why}`})`,
  });
  return ok;
}

/** install-code-server.sh: quick when cached; a failure here fails the VS Code test, it is no test of its own. */
function install() {
  console.log('\n== e2e: code-server 4.100.3 (installed once into the cache)');
  const child = spawnSync('bash', [join(here, 'install-code-server.sh')], { stdio: 'inherit' });
  return child.status === 0;
}

const missing = [
  ['nvim', 'neovim'],
  ['chromium', 'chromium'],
  ['rg', 'ripgrep'],
].filter(([command]) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0);
if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push(['gssapi.h', 'libkrb5-dev']);
if (missing.length) {
  console.error(
    `e2e: missing prerequisites: ${missing.map(([c, p]) => `${c} (apt-get install -y ${p})`).join(', ')}`,
  );
  console.error('e2e: these tests do not skip; install them (.ci/run does) and run again');
}

run('Neovim: diagnostics, hover, code action (test/e2e/neovim.mjs)', 'node', [join(here, 'neovim.mjs')]);
if (install()) {
  run('VS Code 1.100 in code-server + Chromium (test/e2e/vscode.mjs)', 'node', [join(here, 'vscode.mjs')]);
} else {
  results.push({
    name: 'vscode',
    ok: false,
    line: 'FAILED  VS Code: not run, code-server could not be installed',
  });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (missing.length ? 1 : 0);
console.log(`\n== e2e summary\n${results.map((r) => `  ${r.line}`).join('\n')}`);
if (missing.length) console.log(`  FAILED  prerequisites: ${missing.map(([, p]) => p).join(', ')} missing`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
