#!/usr/bin/env python3
"""`wdhs serve` at scale against `wdhs build` on the same site, in one run: the time and peak
memory of a clean build, then the time of serve's first build (from start to the printed
address), its memory right after and at rest (15 s later, when jemalloc has given back what is
free), and its memory after ten edits (five new initiatives and five body edits) and at rest
again. Rounds alternate build and serve, so a noisy machine hits both alike.

Usage: scripts/bench_serve_memory.py WDHS_BINARY SITE_ROOT [ROUNDS]
The site is edited in place and restored afterwards; use a copy (bench/gen_corpus.py makes one).
Memory is the resident set (VmRSS) and its peak (VmHWM) from /proc, so this runs on Linux.
"""
import os, pathlib, shutil, signal, statistics, subprocess, sys, tempfile, time

binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
env = {**os.environ, "WDHS_LANG": "en"}


def build_once():
    out = pathlib.Path(tempfile.mkdtemp(prefix="wdhs-bench-")) / "public"
    started = time.perf_counter()
    child = subprocess.Popen([binary, "build", "--root", str(root), "--output", str(out), "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    shutil.rmtree(out.parent, ignore_errors=True)
    if status != 0:
        sys.exit("the build failed")
    return took, usage.ru_maxrss // 1024


def memory(pid):
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    value = lambda key: int(next(l for l in status.splitlines() if l.startswith(key)).split()[1]) // 1024
    return value("VmRSS"), value("VmHWM")


def wait_for_rebuild(server):
    for line in server.stdout:
        if line.startswith("rebuilt in"):
            return


def serve_once():
    started = time.perf_counter()
    server = subprocess.Popen([binary, "serve", "--port", "0", "--root", str(root)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    for line in server.stdout:
        if line.startswith("Serving the site on"):
            break
    first = time.perf_counter() - started
    after_first = memory(server.pid)
    time.sleep(15)
    first_rest = memory(server.pid)
    initiative = sorted((root / "content" / "initiatives").glob("*.nl.md"))[0]
    shared = initiative.with_name(initiative.name.removesuffix(".nl.md") + ".yaml")
    fields = shared.read_text(encoding="utf-8").strip() + "\n" if shared.exists() else ""
    new_entry = initiative.read_text(encoding="utf-8").replace("---\n", "---\n" + fields, 1)
    press = sorted((root / "content" / "press").glob("*.nl.md"))[0]
    original = press.read_text(encoding="utf-8")
    added = []
    try:
        for i in range(5):
            added.append(initiative.with_name(f"bench-geheugen-{i}.nl.md"))
            added[-1].write_text(new_entry, encoding="utf-8")
            wait_for_rebuild(server)
            press.write_text(original + f"\nBewerking {i}.\n", encoding="utf-8")
            wait_for_rebuild(server)
        after_edits = memory(server.pid)
        time.sleep(15)
        edits_rest = memory(server.pid)
    finally:
        press.write_text(original, encoding="utf-8")
        for path in added:
            path.unlink(missing_ok=True)
        server.send_signal(signal.SIGINT)
        server.wait()
    return first, after_first, first_rest, after_edits, edits_rest


rows = []
for r in range(rounds):
    build_time, build_peak = build_once()
    time.sleep(3)
    first, after_first, first_rest, after_edits, edits_rest = serve_once()
    time.sleep(3)
    rows.append((build_time, build_peak, first, first_rest[0], after_first[1], edits_rest[0], after_edits[1]))
    print(f"round {r + 1}: build {build_time:.2f} s, peak {build_peak} MB | serve first build "
          f"{first:.2f} s ({first / build_time:.2f}× build), RSS after it {after_first[0]} MB, at rest "
          f"{first_rest[0]} MB, peak {after_first[1]} MB | after 10 edits {after_edits[0]} MB, at rest "
          f"{edits_rest[0]} MB, peak {after_edits[1]} MB", flush=True)
median = lambda i: statistics.median(row[i] for row in rows)
print(f"medians: build {median(0):.2f} s and {median(1):.0f} MB; serve first build {median(2):.2f} s, "
      f"at rest {median(3):.0f} MB (peak {median(4):.0f} MB), after edits at rest {median(5):.0f} MB "
      f"(peak {median(6):.0f} MB); 2× build's peak is {2 * median(1):.0f} MB")
