#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) into a cache folder
# outside the repo, without letting its install scripts download anything: ripgrep comes from Debian,
# the native modules are rebuilt from source. Idempotent: a finished install is kept and reused.
#
#   test/e2e/install-code-server.sh            # prints the path of code-server's entry.js
#
# Needs Debian's libkrb5-dev, ripgrep (rg) and the build tools that node-gyp uses; .ci/run installs them.
set -euo pipefail

VERSION=4.100.3
CACHE="${DATELINE_E2E_CACHE:-$HOME/.cache/dateline-e2e}"
DEST="$CACHE/code-server-$VERSION"
STAMP="$DEST/.dateline-installed"

if [[ -f "$STAMP" && -f "$DEST/package/out/node/entry.js" ]]; then
  echo "$DEST/package/out/node/entry.js"
  exit 0
fi

RG="$(command -v rg || true)"
if [[ -z "$RG" ]]; then
  echo "install-code-server: ripgrep (rg) is missing: apt-get install -y ripgrep" >&2
  exit 1
fi
if ! command -v krb5-config >/dev/null 2>&1 && [[ ! -e /usr/include/gssapi/gssapi.h ]]; then
  echo "install-code-server: the Kerberos headers are missing: apt-get install -y libkrb5-dev" >&2
  exit 1
fi

mkdir -p "$CACHE"
WORK="$(mktemp -d "$CACHE/.install-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

{
  echo "install-code-server: installing code-server $VERSION into $DEST (2-3 minutes)"
  cd "$WORK"
  npm pack --silent "code-server@$VERSION" >/dev/null
  tar -xzf "code-server-$VERSION.tgz"
  rm "code-server-$VERSION.tgz"
  cd package
  npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  (
    cd lib/vscode
    npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
    # The ripgrep package's postinstall skips its download when bin/ exists.
    mkdir -p node_modules/@vscode/ripgrep/bin
    ln -sf "$RG" node_modules/@vscode/ripgrep/bin/rg
    # node-pty's script calls `npx node-gyp`; without the yes it waits for an answer.
    npm_config_yes=true npm rebuild --loglevel=error
    ln -sfn node_modules node_modules.asar
    cd extensions
    npm install --omit=dev --no-audit --no-fund --loglevel=error
  )
  npm_config_build_from_source=true npm rebuild argon2 --loglevel=error
} >&2

rm -rf "$DEST"
mkdir -p "$DEST"
mv "$WORK/package" "$DEST/package"
touch "$STAMP"
echo "install-code-server: done" >&2
echo "$DEST/package/out/node/entry.js"
