#!/usr/bin/env bash
# MyoDesk developer entry point. On a fresh Debian 12 machine:
#   ./dev.sh run      install what is missing, build (dev preset), start the app
#   ./dev.sh test     install, build (ci preset, warnings as errors), run every test
#   ./dev.sh package  build the .deb (release preset)
#   ./dev.sh bench    build the benchmarks (bench preset: release), run them, print the table
#   ./dev.sh fuzz     build the fuzzers (fuzz preset: clang-14), run each [--seconds N, 60]
#   ./dev.sh format   clang-format every C++ file
# With CI=true nothing is skipped: a GUI or PostgreSQL test that cannot run fails the run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD

BUILD_PACKAGES=(
  cmake ninja-build ccache g++ pkg-config
  libwxgtk3.2-dev libsoci-dev libsqlite3-dev libpq-dev libfmt-dev nlohmann-json3-dev
  libboost-test-dev libcairo2-dev libpango1.0-dev gettext libcli11-dev libical-dev
  libsodium-dev libzip-dev
)
TEST_PACKAGES=(
  xvfb xauth postgresql poppler-utils fonts-dejavu-core fonts-droid-fallback locales
  desktop-file-utils appstream dpkg-dev file binutils sqlite3 python3-icalendar tzdata
)
PACKAGE_PACKAGES=(dpkg-dev file binutils)
# The fuzz preset's compiler and libFuzzer with the sanitizers (./dev.sh fuzz; ./dev.sh test).
FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)

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
  # The tests' administrator (postgres) is trusted; the practices' staff logins sign in with
  # their passwords (SCRAM), as on a clinic's server, so a wrong password is refused.
  cat >"$PG_DIR/data/pg_hba.conf" <<'HBA'
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
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
  ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
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
  # A short run of every fuzzer (./dev.sh fuzz runs them longer).
  if command -v clang++-14 >/dev/null 2>&1; then
    build fuzz && run_fuzzers 5 || status=1
  elif [ "${CI:-}" = true ]; then
    die "clang++-14 not found; with CI=true the fuzzers may not be skipped"
  else
    say "WARNING: clang++-14 not found: the fuzzers were SKIPPED"
  fi
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

# --- fuzzing (tests/fuzz, docs/fuzzing.md) ------------------------------------------------
FUZZ_BIN=$ROOT/build/fuzz/tests/fuzz
FUZZ_WORK=$ROOT/build/fuzz/corpus-work

# The longest input each fuzzer is given: documents up to 64 KiB, short values shorter.
fuzz_max_len() {
  case $1 in
  dates | hours) echo 256 ;;
  cli_args | settings_value | connection_string | backup_manifest | encrypted_backup | export_record) echo 8192 ;;
  *) echo 65536 ;;
  esac
}

# A number from libFuzzer's -print_final_stats lines ("stat::number_of_executed_units: 123").
fuzz_stat() {
  sed -n "s/^stat::$1: *//p" "$2" | tail -n 1
}

# Runs every fuzz target of the fuzz build for $1 seconds on a scratch copy of its seed and
# regression corpora (build/fuzz/corpus-work/<target>: it grows from run to run; the
# checked-in corpora are never written), then prints a table. Non-zero when any target crashed,
# leaked, timed out or ran out of memory; the input that did it stays under build/fuzz/crashes.
run_fuzzers() {
  local seconds=$1 failed=0 target binary work crashes log status runs rate found seeds
  local rows=()
  for binary in "$FUZZ_BIN"/fuzz_*; do
    [ -x "$binary" ] || continue
    target=${binary##*/fuzz_}
    work=$FUZZ_WORK/$target
    crashes=$ROOT/build/fuzz/crashes/$target
    log=$ROOT/build/fuzz/logs/$target.log
    mkdir -p "$work" "$crashes" "${log%/*}"
    for seeds in "$ROOT/tests/fuzz/corpus/$target" "$ROOT/tests/fuzz/regressions/$target"; do
      [ -d "$seeds" ] && cp -n "$seeds"/* "$work"/ 2>/dev/null || true
    done
    local dict=()
    [ -f "$ROOT/tests/fuzz/dict/$target.dict" ] && dict=(-dict="$ROOT/tests/fuzz/dict/$target.dict")
    say "fuzzing $target for ${seconds}s"
    touch "$log.start"
    status=0
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
      "$binary" "$work" "${dict[@]}" -max_total_time="$seconds" -max_len="$(fuzz_max_len "$target")" \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" \
      >"$log" 2>&1 || status=$?
    runs=$(fuzz_stat number_of_executed_units "$log")
    rate=$(fuzz_stat average_exec_per_sec "$log")
    found=$(find "$crashes" -maxdepth 1 -type f -newer "$log.start" 2>/dev/null | wc -l) || found=0
    if [ "$status" -ne 0 ]; then
      found=$((found > 0 ? found : 1))
      failed=1
      say "CRASH in $target (exit $status); log: $log"
      grep -m 3 -E '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant|.*runtime error)' "$log" | sed 's/^/    /' || true
      find "$crashes" -maxdepth 1 -type f -newer "$log.start" -printf '    input: %p\n'
    fi
    rows+=("$(printf '%-20s %14s %10s %8s' "$target" "${runs:-?}" "${rate:-?}" "$found")")
  done
  [ ${#rows[@]} -gt 0 ] || die "no fuzz targets under $FUZZ_BIN (did the fuzz build run?)"
  printf '\n%-20s %14s %10s %8s\n' target executions exec/s crashes
  printf '%s\n' "${rows[@]}"
  return "$failed"
}

cmd_fuzz() {
  local seconds=60
  while [ $# -gt 0 ]; do
    case $1 in
    --seconds)
      [ $# -ge 2 ] && [[ $2 =~ ^[1-9][0-9]*$ ]] || die "--seconds wants a whole number of seconds"
      seconds=$2
      shift 2
      ;;
    *) die "unknown option for fuzz: $1 (use --seconds N)" ;;
    esac
  done
  ensure_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
  build fuzz
  run_fuzzers "$seconds" || die "a fuzzer crashed: the input is listed above"
}

cmd_format() {
  git ls-files '*.cpp' '*.h' | xargs clang-format -i
}

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

main() {
  local command=${1:-}
  [ $# -gt 0 ] && shift
  case "$command" in
  run) cmd_run "$@" ;;
  test) cmd_test "$@" ;;
  package) cmd_package "$@" ;;
  bench) cmd_bench "$@" ;;
  fuzz) cmd_fuzz "$@" ;;
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
