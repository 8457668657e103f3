#!/bin/bash
# Checks a built MyoDesk Debian package.
# Usage: check_package.sh path/to/myodesk_<version>_<arch>.deb
# Prints each check; exits non-zero with a message on the first failure.
# Needs: dpkg-deb, tar, file, desktop-file-validate (desktop-file-utils),
#        appstreamcli (appstream) or appstream-util.
set -euo pipefail

readonly APP_ID="org.myodesk.MyoDesk"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

ok() {
    echo "ok:   $*"
}

require_tool() {
    command -v "$1" >/dev/null 2>&1 || fail "required tool '$1' is not installed${2:+ ($2)}"
}

[[ $# -eq 1 ]] || fail "usage: $0 PACKAGE.deb"
deb="$1"
[[ -f "$deb" ]] || fail "package file '$deb' does not exist"

require_tool dpkg-deb
require_tool tar
require_tool file
require_tool desktop-file-validate "package desktop-file-utils"

echo "Checking $deb"

# --- Control fields ---
dpkg-deb --info "$deb" >/dev/null 2>&1 || fail "dpkg-deb cannot read '$deb'"
package="$(dpkg-deb --field "$deb" Package)"
version="$(dpkg-deb --field "$deb" Version)"
arch="$(dpkg-deb --field "$deb" Architecture)"
[[ "$package" == "myodesk" ]] || fail "Package field is '$package', expected 'myodesk'"
[[ -n "$version" ]] || fail "Version field is empty"
ok "package $package $version ($arch)"

depends="$(dpkg-deb --field "$deb" Depends)"
[[ -n "$depends" ]] || fail "Depends field is empty (dpkg-shlibdeps did not run or found nothing)"
grep -q 'libwx' <<<"$depends" || fail "Depends does not mention libwx: $depends"
grep -q 'libsoci' <<<"$depends" || fail "Depends does not mention libsoci: $depends"
ok "Depends (from shlibdeps) mentions libwx and libsoci: $depends"
suggests="$(dpkg-deb --field "$deb" Suggests)"
grep -q 'postgresql-client' <<<"$suggests" || fail "Suggests does not name postgresql-client (pg_dump for server backups): $suggests"
ok "Suggests: $suggests"

# --- Contents ---
listing="$(dpkg-deb --fsys-tarfile "$deb" | tar -tf -)" || fail "cannot list the contents of '$deb'"
expected_files=(
    ./usr/bin/myodesk
    ./usr/bin/myodesk-cli
    "./usr/share/applications/$APP_ID.desktop"
    "./usr/share/metainfo/$APP_ID.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    "./usr/share/icons/hicolor/48x48/apps/$APP_ID.png"
    "./usr/share/icons/hicolor/256x256/apps/$APP_ID.png"
    ./usr/share/man/man1/myodesk.1.gz
    ./usr/share/man/man1/myodesk-cli.1.gz
    ./usr/share/doc/myodesk/copyright
)
for path in "${expected_files[@]}"; do
    grep -qxF -- "$path" <<<"$listing" || fail "package does not contain $path"
    ok "contains $path"
done

bad_dirs="$(dpkg-deb --fsys-tarfile "$deb" | tar -tvf - | awk '$1 ~ /^d/ && $1 != "drwxr-xr-x" { print $1, $NF }')"
[[ -z "$bad_dirs" ]] || fail "directories without mode 0755:"$'\n'"$bad_dirs"
ok "all directories have mode 0755"

# --- Extracted files ---
workdir="$(mktemp -d)"
trap 'rm -rf -- "$workdir"' EXIT
dpkg-deb --extract "$deb" "$workdir" || fail "cannot extract '$deb'"

desktop_file="$workdir/usr/share/applications/$APP_ID.desktop"
desktop-file-validate "$desktop_file" || fail "desktop-file-validate rejects $APP_ID.desktop"
ok "desktop-file-validate accepts $APP_ID.desktop"

metainfo="$workdir/usr/share/metainfo/$APP_ID.metainfo.xml"
if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate rejects $APP_ID.metainfo.xml"
    ok "appstreamcli validate --no-net accepts $APP_ID.metainfo.xml"
elif command -v appstream-util >/dev/null 2>&1; then
    appstream-util validate-relax --nonet "$metainfo" || fail "appstream-util validate-relax rejects $APP_ID.metainfo.xml"
    ok "appstream-util validate-relax accepts $APP_ID.metainfo.xml"
else
    fail "neither appstreamcli (package appstream) nor appstream-util is installed"
fi

for page in myodesk myodesk-cli; do
    gzip -t "$workdir/usr/share/man/man1/$page.1.gz" || fail "man page $page.1.gz is not valid gzip"
done
ok "man pages are valid gzip files"

for binary in myodesk myodesk-cli; do
    description="$(file --brief "$workdir/usr/bin/$binary")"
    [[ "$description" == ELF* ]] || fail "/usr/bin/$binary is not an ELF executable: $description"
    [[ "$description" == *", stripped"* ]] || fail "/usr/bin/$binary is not stripped: $description"
    [[ -x "$workdir/usr/bin/$binary" ]] || fail "/usr/bin/$binary is not executable"
    ok "/usr/bin/$binary is a stripped ELF executable"
done

echo "All package checks passed for $deb"
