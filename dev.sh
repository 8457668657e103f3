#!/usr/bin/env bash
# MyoDesk developer entry point. On a fresh Debian 12 machine:
#   ./dev.sh run      install what is missing, build (dev preset), start the app
#   ./dev.sh test     install, build (ci preset, warnings as errors), run every test
#   ./dev.sh package  build the .deb (release preset)
#   ./dev.sh bench    build the benchmarks (bench preset: release), run them, print the table
#   ./dev.sh format   clang-format every C++ file
# With CI=true nothing is skipped: a GUI or PostgreSQL test that cannot run fails the run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD

BUILD_PACKAGES=(
  cmake ninja-build ccache g++ pkg-config
  libwxgtk3.2-dev libsoci-dev libsqlite3-dev libpq-dev libfmt-dev nlohmann-json3-dev
  libboost-test-dev libcairo2-dev libpango1.0-dev gettext libcli11-dev
)
TEST_PACKAGES=(
  xvfb xauth postgresql poppler-utils fonts-dejavu-core fonts-droid-fallback
  desktop-file-utils appstream dpkg-dev file binutils sqlite3
)
PACKAGE_PACKAGES=(dpkg-dev file binutils)

say() { printf 'dev.sh: %s\n' "$*"; }
die() {
  printf 'dev.sh: error: %s\n' "$*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root to run: $* (install sudo or run as root)"
  fi
}

# Installs the Debian packages given that are not installed yet, saying which first.
ensure_packages() {
  local missing=() package status
  for package in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing missing packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  local preset=$1
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

# --- throwaway PostgreSQL server for the tests ------------------------------------------
PG_DIR=""
PG_AS=()
PG_BIN=""

stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}

free_port() {
  local port
  for port in $(seq 54330 54429); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Starts a server on 127.0.0.1 in a temp folder and exports MYODESK_TEST_PG. initdb refuses
# to run as root, so as root the server runs as the postgres user.
start_postgres() {
  PG_BIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || {
    say "PostgreSQL server binaries not found"
    return 1
  }
  PG_DIR=$(mktemp -d /tmp/myodesk-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_DIR"
    PG_AS=(runuser -u postgres --)
  else
    PG_AS=(env)
  fi
  local port
  port=$(free_port) || {
    say "no free port for PostgreSQL"
    return 1
  }
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
    >"$PG_DIR/initdb.log" 2>&1 || {
    cat "$PG_DIR/initdb.log"
    return 1
  }
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c full_page_writes=off" start >/dev/null || {
    cat "$PG_DIR/server.log"
    return 1
  }
  "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres myodesk_test || return 1
  export MYODESK_TEST_PG="host=127.0.0.1 port=$port dbname=myodesk_test user=postgres"
  say "throwaway PostgreSQL server on 127.0.0.1:$port"
}

# --- commands ----------------------------------------------------------------------------
cmd_run() {
  ensure_packages "${BUILD_PACKAGES[@]}"
  build dev
  exec "$ROOT/build/dev/app/gui/myodesk" "$@"
}

cmd_test() {
  ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
  build ci
  trap stop_postgres EXIT
  trap 'exit 130' INT TERM
  if ! start_postgres; then
    stop_postgres
    if [ "${CI:-}" = true ]; then
      die "could not start the PostgreSQL test server; with CI=true the PostgreSQL tests may not be skipped"
    fi
    say "WARNING: no PostgreSQL server: the PostgreSQL tests will be SKIPPED"
  fi
  local status=0
  xvfb-run -a -s "-screen 0 1280x800x24" \
    ctest --preset ci -j "$(nproc)" "$@" || status=$?
  return "$status"
}

cmd_package() {
  ensure_packages "${BUILD_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}"
  build release
  (cd build/release && cpack -G DEB)
  say "package: $(ls "$ROOT"/build/release/myodesk_*.deb)"
}

# The benchmarks of issue 7 (tests/bench, README "Performance"): a release build, the throwaway
# PostgreSQL server for the PostgreSQL rows (stopped on every exit), and the GUI row under Xvfb.
# Arguments go to myodesk_bench (--scale 0.1 for a quick look, --help for the rest).
cmd_bench() {
  ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
  build bench
  trap stop_postgres EXIT
  trap 'exit 130' INT TERM
  if ! start_postgres; then
    stop_postgres
    say "WARNING: no PostgreSQL server: the PostgreSQL rows will be SKIPPED"
  fi
  xvfb-run -a -s "-screen 0 1280x800x24" \
    "$ROOT/build/bench/tests/bench/myodesk_bench" --gui "$ROOT/build/bench/app/gui/myodesk" "$@"
}

cmd_format() {
  git ls-files '*.cpp' '*.h' | xargs clang-format -i
}

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
}

main() {
  local command=${1:-}
  [ $# -gt 0 ] && shift
  case "$command" in
  run) cmd_run "$@" ;;
  test) cmd_test "$@" ;;
  package) cmd_package "$@" ;;
  bench) cmd_bench "$@" ;;
  format) cmd_format "$@" ;;
  -h | --help | help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
  esac
}

# Sourcing the script (for its functions) runs nothing.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
