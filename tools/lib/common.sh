# Shared helpers for the scripts in tools/. Source it; do not run it.
# shellcheck shell=bash

# Where the caller stood, so that relative paths given on the command line
# (a project file, an output PNG) still resolve after we cd to the top.
GLOSS_CALLER_DIR="${GLOSS_CALLER_DIR:-$PWD}"

# Everything needed on Debian 12 to build, test, run and screenshot Gloss.
GLOSS_PACKAGES=(
  meson ninja-build pkg-config gcc libc6-dev
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev sqlite3 libjson-glib-dev libxml2-dev libmd4c-dev
  gettext desktop-file-utils appstream
  xvfb xauth x11-utils imagemagick python3 dbus-x11 dbus-daemon at-spi2-core
  fonts-cantarell fonts-dejavu-core fonts-noto-core
  libx11-dev libxtst-dev
)

gloss_say() {
  printf 'gloss: %s\n' "$*" >&2
}

# The repository top is two levels above this file (tools/lib/..).
gloss_root() {
  GLOSS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
  export GLOSS_ROOT
  cd "$GLOSS_ROOT" || return 1
}

gloss_ensure_packages() {
  local missing=() pkg status sudo=() log
  local -A have=()

  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    gloss_say "not a Debian-like system; make sure these (Debian 12 names) are installed:"
    gloss_say "  ${GLOSS_PACKAGES[*]}"
    return 0
  fi

  # One dpkg-query for the whole list keeps the common case (nothing to do)
  # fast; unknown names just come back missing.
  while read -r pkg status; do
    if [[ "$status" == "install ok installed" ]]; then
      have[$pkg]=1
    fi
  done < <(dpkg-query -W -f='${Package} ${Status}\n' "${GLOSS_PACKAGES[@]}" 2>/dev/null || true)
  for pkg in "${GLOSS_PACKAGES[@]}"; do
    [[ -n "${have[$pkg]:-}" ]] || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0

  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
      gloss_say "missing packages and no sudo to install them: ${missing[*]}"
      return 1
    fi
    sudo=(sudo)
  fi

  gloss_say "installing missing packages: ${missing[*]}"
  # apt is chatty; keep its output in a log and show it only on failure.
  log="$(mktemp)"
  if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update \
         && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
              apt-get install -y --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -f "$log"
    gloss_say "package installation failed"
    return 1
  fi
  rm -f "$log"
}

# Configure a build dir when needed, then compile: gloss_build [DIR [SETUP_OPTION...]],
# DIR being build/ unless given (tools/bench uses an optimized build-bench/).
# Errors are returned explicitly because set -e does not apply inside a
# function called from a condition.
gloss_build() {
  local dir="${1:-build}" src
  local options=("${@:2}")

  if [[ -f "$dir/meson-private/coredata.dat" && -f "$dir/build.ninja" ]]; then
    # A build dir configured for another checkout would compile that tree's
    # sources, so start over when the recorded source dir is not this one.
    src="$(sed -n 's/.*"source": "\([^"\\]*\)".*/\1/p' "$dir/meson-info/meson-info.json" 2>/dev/null || true)"
    if [[ -d "$src" ]]; then
      src="$(cd "$src" && pwd -P)"
    fi
    if [[ -n "$src" && "$src" != "$PWD" ]]; then
      gloss_say "$dir/ was configured for $src; reconfiguring from scratch"
      meson setup --wipe "${options[@]}" "$dir" || return 1
    fi
  elif [[ -f "$dir/meson-private/coredata.dat" ]]; then
    # Half-configured (an earlier setup failed part way): redo it cleanly.
    meson setup --wipe "${options[@]}" "$dir" || meson setup --reconfigure "${options[@]}" "$dir" || return 1
  else
    # No build dir, or a directory that is not a meson build dir yet.
    meson setup "${options[@]}" "$dir" || return 1
  fi

  if ! meson compile -C "$dir"; then
    # A compile error is the common case: report it. Only when meson can no
    # longer read its own build dir is the dir stale, and then a wipe helps.
    if meson configure "$dir" >/dev/null 2>&1; then
      return 1
    fi
    gloss_say "$dir/ is stale; reconfiguring from scratch"
    meson setup --wipe "${options[@]}" "$dir" || return 1
    meson compile -C "$dir" || return 1
  fi
}

# Restate the summary block of a `meson test` log as one line, "N passed,
# N failed[, N skipped]"; fails when the log has no summary. The last
# occurrence of each field wins, so a test log that happens to print "Ok:"
# cannot fool it.
gloss_test_summary() {
  awk '
    /^Ok:/              { ok = $2 }
    /^Expected Fail:/   { xfail = $3 }
    /^Fail:/            { fail = $2 }
    /^Unexpected Pass:/ { xpass = $3 }
    /^Skipped:/         { skip = $2 }
    /^Timeout:/         { timeout = $2; seen = 1 }
    END {
      if (!seen) exit 1
      line = (ok + xfail) " passed, " (fail + xpass + timeout) " failed"
      if (skip > 0) line = line ", " skip " skipped"
      print line
    }' "$@"
}
