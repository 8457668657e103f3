#!/bin/bash
# Builds the Debian package from an already-built CMake build directory and checks it.
# Usage: build_and_check_package.sh BUILD_DIR
# Runs cpack with BUILD_DIR/CPackConfig.cmake, writing to BUILD_DIR/package, then runs
# check_package.sh on the myodesk_*.deb produced. Used as a CTest test.
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[[ $# -eq 1 ]] || fail "usage: $0 BUILD_DIR"
build_dir="$(cd -- "$1" && pwd)" || fail "build directory '$1' does not exist"
script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
config="$build_dir/CPackConfig.cmake"
out_dir="$build_dir/package"

[[ -f "$config" ]] || fail "$config not found: configure the project with CMake first"
command -v cpack >/dev/null 2>&1 || fail "cpack is not installed"

# Remove packages from earlier runs so the check cannot pick up a stale file.
mkdir -p -- "$out_dir"
rm -f -- "$out_dir"/myodesk_*.deb

echo "Running cpack -G DEB in $build_dir (output in $out_dir)"
(cd -- "$build_dir" && cpack -G DEB --config "$config" -B "$out_dir") || fail "cpack failed"

shopt -s nullglob
debs=("$out_dir"/myodesk_*.deb)
shopt -u nullglob
[[ ${#debs[@]} -gt 0 ]] || fail "cpack produced no myodesk_*.deb in $out_dir"
[[ ${#debs[@]} -eq 1 ]] || fail "expected one myodesk_*.deb in $out_dir, found: ${debs[*]}"

exec "$script_dir/check_package.sh" "${debs[0]}"
