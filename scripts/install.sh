#!/bin/sh
# Installs wdhs for the person running it (no administrator rights needed): downloads the
# release binary for this machine, checks its SHA-256 against the release's SHA256SUMS, and puts
# it in ~/.local/bin (or $WDHS_INSTALL_DIR).
#
#   curl -fsSL https://github.com/wedoenhetsamen/wdhs/releases/latest/download/install.sh | sh
#
# Settings: WDHS_VERSION (a tag like v0.2.0; default the latest release), WDHS_REPO (owner/name
# on GitHub), WDHS_INSTALL_DIR, WDHS_DOWNLOAD_URL (a folder holding the release files, for
# mirrors and tests).
set -eu

repo="${WDHS_REPO:-wedoenhetsamen/wdhs}"
version="${WDHS_VERSION:-latest}"
dir="${WDHS_INSTALL_DIR:-$HOME/.local/bin}"

say() { printf '%s\n' "$*"; }
fail() { printf 'wdhs install: %s\n' "$*" >&2; exit 1; }

case "$(uname -s)" in
  Linux) os=unknown-linux-musl ;;
  Darwin) os=apple-darwin ;;
  *) fail "this script is for Linux and macOS; on Windows use install.ps1" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  arm64 | aarch64) arch=aarch64 ;;
  *) fail "there is no wdhs for this processor ($(uname -m)) yet" ;;
esac
name="wdhs-$arch-$os"

if [ -n "${WDHS_DOWNLOAD_URL:-}" ]; then
  base="$WDHS_DOWNLOAD_URL"
elif [ "$version" = latest ]; then
  base="https://github.com/$repo/releases/latest/download"
else
  base="https://github.com/$repo/releases/download/$version"
fi

fetch() {
  if command -v curl > /dev/null 2>&1; then
    curl -fsSL "$1" -o "$2"
  elif command -v wget > /dev/null 2>&1; then
    wget -q "$1" -O "$2"
  else
    fail "curl or wget is needed to download wdhs"
  fi
}

sha256() {
  if command -v sha256sum > /dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM

say "Downloading $name.tar.gz ..."
fetch "$base/$name.tar.gz" "$work/$name.tar.gz" || fail "could not download $base/$name.tar.gz"
fetch "$base/SHA256SUMS" "$work/SHA256SUMS" || fail "could not download $base/SHA256SUMS"

expected="$(grep " $name.tar.gz\$" "$work/SHA256SUMS" | cut -d ' ' -f 1)"
[ -n "$expected" ] || fail "SHA256SUMS has no line for $name.tar.gz"
actual="$(sha256 "$work/$name.tar.gz")"
[ "$expected" = "$actual" ] || fail "the download is damaged or not the released file (SHA-256 $actual, expected $expected); nothing was installed"

tar -xzf "$work/$name.tar.gz" -C "$work"
mkdir -p "$dir"
# Into place by rename: a wdhs that is running keeps its old file.
cp "$work/$name/wdhs" "$dir/.wdhs.new"
chmod 755 "$dir/.wdhs.new"
mv -f "$dir/.wdhs.new" "$dir/wdhs"

say "Installed: $("$dir/wdhs" --version)"
say "  in $dir/wdhs"
# macOS's shell (zsh) reads ~/.zprofile; most Linux shells read ~/.profile.
profile="$HOME/.profile"
[ "$(uname -s)" = Darwin ] && profile="$HOME/.zprofile"
case ":$PATH:" in
  *":$dir:"*) ;;
  *) say "Add $dir to your PATH to type 'wdhs' anywhere: echo 'export PATH=\"$dir:\$PATH\"' >> $profile (then open a new terminal)" ;;
esac
