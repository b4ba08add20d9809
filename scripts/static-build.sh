#!/usr/bin/env bash
# Builds the static Linux binary (musl, with zig as the C compiler: cargo-zigbuild) and proves it:
# it is statically linked, and from a folder holding nothing but a copy of content/ it builds the
# real site byte for byte as the normal build does.
#
#   scripts/static-build.sh [TARGET]        # default x86_64-unknown-linux-musl
#
# Needs: pip install cargo-zigbuild ziglang; rustup target add <TARGET>. The binary ends up in
# target/<TARGET>/release/wdhs (release profile without debug info, symbols stripped).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-x86_64-unknown-linux-musl}"

command -v cargo-zigbuild > /dev/null || pip install --quiet cargo-zigbuild ziglang
rustup target list --installed | grep -qx "$target" || rustup target add "$target"

# Only this build: the normal release build keeps its line tables (for profiles).
CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_STRIP=symbols \
  cargo zigbuild --release --locked --target "$target"
binary="target/$target/release/wdhs"

echo "== $binary"
"$binary" --version
if ldd "$binary" > /dev/null 2>&1; then
  echo "not statically linked:" >&2
  ldd "$binary" >&2
  exit 1
fi
echo "statically linked ($(du -h "$binary" | cut -f1))"

# Only on the machine it was built for: the same site, byte for byte, from a bare folder.
if [ "$target" = "$(uname -m)-unknown-linux-musl" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  mkdir "$work/alone"
  cp -r content "$work/alone/"
  (cd "$work/alone" && env -i PATH=/usr/bin:/bin HOME="$work" "$OLDPWD/$binary" build --lang en)
  cargo run --release --quiet -- build --output "$work/normal" --lang en > /dev/null
  diff -r "$work/alone/public" "$work/normal"
  echo "the static binary builds the real site from a bare folder, byte for byte as the normal build"
fi
