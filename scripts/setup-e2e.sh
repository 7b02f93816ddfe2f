#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian's Chromium, Neovim and ripgrep, and
# code-server (VS Code in a browser) into .e2e/code-server at the repository root.
#
# Safe to run again: each step checks whether its result is already there and skips
# itself, so a second run changes nothing and takes a few seconds. Run as root (apt-get).
# Needs only the npm registry and Debian's package mirror; nothing else is reachable.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3

# @vscode/ripgrep's postinstall downloads a ripgrep release from the internet, which is
# unreachable here. It first looks for the archive in a cache folder named after its own
# version, so we put an archive of Debian's rg there. Both values come from the
# @vscode/ripgrep version pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json).
VSCODE_RIPGREP_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

# npm 11 skips dependency install scripts unless they are allowed by name. These are the
# packages with install scripts in the shrinkwraps of code-server's nested installs
# (lib/vscode, lib/vscode/extensions) that matter on Linux; the Windows-only ones stay
# skipped.
NESTED_ALLOWED_SCRIPTS=@parcel/watcher,@vscode/deviceid,@vscode/ripgrep,@vscode/spdlog,kerberos,native-watchdog,node-pty,esbuild

# fonts-dejavu-core: without any font, Chromium renders screenshots' text as boxes.
APT_PACKAGES=(chromium fonts-dejavu-core neovim ripgrep libkrb5-dev pkg-config xz-utils)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="$REPO_ROOT/.e2e"
CODE_SERVER_DIR="$E2E_DIR/code-server"
DONE_MARKER="$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION"

step_started=0
step() {
  step_started=$SECONDS
  echo "==> $*"
}
step_done() {
  echo "    done in $((SECONDS - step_started)) s"
}

require_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "setup-e2e: run as root (it installs Debian packages with apt-get)" >&2
    exit 1
  fi
}

require_node_20() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" != 20 ]; then
    echo "setup-e2e: code-server $CODE_SERVER_VERSION needs Node.js 20, found $(node -v)" >&2
    exit 1
  fi
}

install_apt_packages() {
  local missing=()
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done

  if [ ${#missing[@]} -eq 0 ]; then
    echo "==> Debian packages already installed: ${APT_PACKAGES[*]}"
    return
  fi

  step "apt-get install ${missing[*]}"
  # apt's progress lines go to a log; it is printed only if the install fails.
  mkdir -p "$E2E_DIR"
  local log="$E2E_DIR/apt-get.log"
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"; } > "$log" 2>&1; then
    cat "$log" >&2
    echo "setup-e2e: apt-get failed; the full output is above and in $log" >&2
    exit 1
  fi
  step_done
}

seed_ripgrep_cache() {
  local cache_dir="$E2E_DIR/tmp/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
  if [ -f "$cache_dir/$RIPGREP_ASSET" ]; then
    return
  fi

  step "Packing Debian's rg as $cache_dir/$RIPGREP_ASSET"
  local staging
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  mkdir -p "$cache_dir"
  tar czf "$cache_dir/$RIPGREP_ASSET" -C "$staging" rg
  rm -rf "$staging"
  step_done
}

install_code_server() {
  if [ -f "$DONE_MARKER" ]; then
    echo "==> code-server $CODE_SERVER_VERSION already installed in $CODE_SERVER_DIR"
    return
  fi

  seed_ripgrep_cache

  step "npm install code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR (builds native modules, takes minutes)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"

  # A small project of its own keeps code-server out of the repository's node_modules and
  # package-lock.json. A global install (`npm install -g --prefix`) does not work: the
  # nested installs inherit global mode, ignore code-server's shrinkwrap and fail.
  #
  # code-server's own postinstall is held back (--ignore-scripts) and run below, because it
  # starts nested `npm install`s in lib/vscode and lib/vscode/extensions that need their
  # own allow list. npm passes its settings to scripts as npm_config_* variables, and a
  # project install that finds allow-scripts in its environment stops with EALLOWSCRIPTS.
  # argon2, a native module code-server loads at start, is then built by `npm rebuild`,
  # which npm 11 allows through allowScripts and npm 10 runs anyway.
  cat > "$CODE_SERVER_DIR/package.json" <<JSON
{
  "private": true,
  "description": "code-server for Presend's end-to-end tests, installed by scripts/setup-e2e.sh",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "argon2": true }
}
JSON
  (cd "$CODE_SERVER_DIR" && npm install --ignore-scripts --no-audit --no-fund && npm rebuild argon2)

  # The nested installs read allow-scripts from a global config file without complaint, so
  # we copy the machine's global config and add the allow list to the copy.
  local npmrc="$E2E_DIR/npmrc"
  local machine_npmrc
  machine_npmrc="$(npm config get globalconfig)"
  { if [ -f "$machine_npmrc" ]; then cat "$machine_npmrc"; fi; echo "allow-scripts=$NESTED_ALLOWED_SCRIPTS"; } > "$npmrc"

  # postinstall.sh reads npm's user agent to pick npm and check Node's major version, and
  # refuses to run as root unless npm_config_unsafe_perm is true. npm_config_yes keeps the
  # nested installs from stopping at a prompt. TMPDIR is where the ripgrep archive waits.
  (
    cd "$CODE_SERVER_DIR/node_modules/code-server"
    TMPDIR="$E2E_DIR/tmp" \
      npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" \
      npm_config_globalconfig="$npmrc" \
      npm_config_unsafe_perm=true \
      npm_config_yes=true \
      sh ./postinstall.sh
  )

  check_code_server
  touch "$DONE_MARKER"
  step_done
}

# The install can "succeed" with a postinstall that was silently skipped, so check the
# pieces that postinstall produces before marking the install done.
check_code_server() {
  local vscode_dir="$CODE_SERVER_DIR/node_modules/code-server/lib/vscode"
  local required=(
    "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg"
    "$vscode_dir/node_modules/@vscode/spdlog/build/Release/spdlog.node"
    "$vscode_dir/node_modules/node-pty/build/Release/pty.node"
    "$vscode_dir/node_modules.asar"
  )
  local path
  for path in "${required[@]}"; do
    if [ ! -e "$path" ]; then
      echo "setup-e2e: code-server's postinstall did not produce $path;" \
        "check the npm output above for skipped install scripts" >&2
      exit 1
    fi
  done
  # code-server writes a default config.yaml under $XDG_CONFIG_HOME on every start; keep
  # it out of the user's home.
  XDG_CONFIG_HOME="$E2E_DIR/tmp/config" XDG_DATA_HOME="$E2E_DIR/tmp/data" \
    "$CODE_SERVER_DIR/node_modules/.bin/code-server" --version
}

main() {
  local started=$SECONDS
  require_root
  require_node_20
  install_apt_packages
  install_code_server
  echo "==> chromium: $(/usr/bin/chromium --version 2>/dev/null)"
  # Neovim 0.7 creates ~/.cache/nvim/log even for --version; keep it out of the home folder.
  echo "==> nvim: $(XDG_CACHE_HOME="$E2E_DIR/tmp/cache" nvim --version | head -n 1)"
  echo "==> code-server: $CODE_SERVER_DIR/node_modules/.bin/code-server"
  echo "==> setup-e2e finished in $((SECONDS - started)) s"
}

main "$@"
