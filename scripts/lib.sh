# Shared by scripts/serve and scripts/test: installs what is missing, skips what is present
# at the right version, and puts the project's tools first on PATH. Source it, then call
# `setup` (add `--browser` for the test tools).
#
# Versions are pinned because they must agree: trunk 0.22 needs a newer rustc than 1.95;
# wasm-bindgen-cli must equal the wasm-bindgen crate pinned in Cargo.toml; wasm-opt comes from
# npm's binaryen because Debian's builds a wasm that silently fails to load.

TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"

export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1
  fi
}

setup_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32 Rust target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    step "Installing trunk $TRUNK_VERSION (about 10 minutes, once)"
    # Without LTO and with more codegen units the install is several minutes faster.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
    # Not --locked: its lockfile asks for a webpki-roots the registry here does not serve.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  # Trunk builds offline, so every crate must already be on disk.
  cargo fetch --quiet
}

setup_node() {
  local stamp="node_modules/.flourish-lock"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    step "Installing node packages from the lockfile"
    npm ci --no-audit --no-fund
    echo "$want" > "$stamp"
  fi
}

setup_browser() {
  local missing=()
  have chromium || missing+=(chromium)
  have chromedriver || missing+=(chromium-driver)
  if [ ${#missing[@]} -gt 0 ]; then
    step "Installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

setup_python() {
  # scripts/check_ics.py reads the downloaded calendar with an independent parser.
  have python3 || { echo "python3 is needed to check calendar and directory files" >&2; return 1; }
  if ! python3 -c "import icalendar" 2>/dev/null; then
    step "Installing the python icalendar package"
    python3 -m pip install --quiet icalendar 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages icalendar
  fi
  # scripts/check_directory.py validates activity directories against the Open Referral UK
  # schemas with an independent validator.
  if ! python3 -c "import jsonschema" 2>/dev/null; then
    step "Installing the python jsonschema package"
    python3 -m pip install --quiet jsonschema 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages jsonschema
  fi
}

setup() {
  have cargo || { echo "Rust (rustup, cargo) is needed: see README.md" >&2; return 1; }
  have npm || { echo "Node.js and npm are needed: see README.md" >&2; return 1; }
  if [ "${1:-}" = "--browser" ]; then setup_browser; setup_python; fi
  setup_node
  setup_rust
}
