#!/usr/bin/env python3
"""Edit → reload latency of `wdhs serve`: starts the server on a site, opens the live-reload
stream, then repeatedly appends a line to one Markdown file and measures the time until the
`reload` event arrives. Prints the median, min and max in milliseconds.

Usage: scripts/bench_serve.py WDHS_BINARY SITE_ROOT [EDITS] [body|title|date|slug|add|remove|partner] [press|initiatives]
`body` (the default) edits the text of the page, `title` its title in the front matter and
`date` the press release's date, which moves it in the lists. `slug` gives the page a new
address. `add` writes a new entry (a copy of the first one under a new name) and `remove`
deletes it again: both modes do both, and time one of the two. `partner` gives the first
partner a new name, which every press release naming it shows. The last argument is the
folder whose first entry is edited (default `press`).
The site is edited in place and restored afterwards; use a copy.
"""
import json, os, socket, threading, statistics, subprocess, sys, time, pathlib

binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
edits = int(sys.argv[3]) if len(sys.argv) > 3 else 20
mode = sys.argv[4] if len(sys.argv) > 4 else "body"
folder = sys.argv[5] if len(sys.argv) > 5 else "press"
if mode not in ("body", "title", "date", "slug", "add", "remove", "partner"):
    sys.exit("the edit is `body`, `title`, `date`, `slug`, `add`, `remove` or `partner`")
target = sorted((root / "content" / folder).glob("*.nl.md"))[0]
if mode == "partner":
    # The name is shared by both languages: it is in `<stem>.yaml`.
    target = sorted((root / "content" / "partners").glob("*.yaml"))[0]
if mode == "date" and not any(
    line.startswith("date:") for line in target.read_text(encoding="utf-8").split("\n")
):
    # The date is shared by both languages: it is in `<stem>.yaml` beside them.
    target = target.with_name(target.name.removesuffix(".nl.md") + ".yaml")
original = target.read_text(encoding="utf-8")
if mode in ("add", "remove"):
    # The new entry is one file: the shared fields (its date, …) go into its front matter.
    shared = target.with_name(target.name.removesuffix(".nl.md") + ".yaml")
    fields = shared.read_text(encoding="utf-8").strip() + "\n" if shared.exists() else ""
    new_entry = original.replace("---\n", "---\n" + fields, 1)

# English messages, whatever the machine's locale: the address is read from the line below.
server = subprocess.Popen(
    [binary, "serve", "--port", "0", "--root", str(root)],
    stdout=subprocess.PIPE,
    stderr=subprocess.DEVNULL,
    text=True,
    env={**os.environ, "WDHS_LANG": "en"},
)
try:
    address = None
    while address is None:
        line = server.stdout.readline()
        if not line:
            sys.exit("serve stopped before printing its address")
        if line.startswith("Serving the site on http://"):
            address = line.split("http://", 1)[1].split("/", 1)[0]
    host, port = address.split(":")

    # How many rebuilds have ended: `serve` reloads the tabs before the outputs that can wait
    # (later list pages), and the next edit must not wait for those of the last one.
    ended = threading.Semaphore(0)

    def echo_trace():
        # Keeps the pipe drained (a full pipe would stop the server) and shows the phase times
        # and summaries that WDHS_TRACE adds, without the list of rendered files.
        for line in server.stdout:
            if line.startswith(("rebuilt in ", "build failed in ")):
                ended.release()
            if os.environ.get("WDHS_TRACE") and not line.startswith("rendered "):
                sys.stderr.write(line)

    def settle():
        # The rebuild this edit started has ended, written all; then a pause, as an editor's.
        if not ended.acquire(timeout=60):
            sys.exit("serve did not end a rebuild within 60 s")
        time.sleep(0.3)

    threading.Thread(target=echo_trace, daemon=True).start()
    stream = socket.create_connection((host, int(port)))
    stream.sendall(f"GET /__wdhs/events HTTP/1.1\r\nHost: {address}\r\n\r\n".encode())
    stream.settimeout(30)
    buffer = b""

    def wait_for(event):
        global buffer
        marker = f"event: {event}\n".encode()
        while marker not in buffer:
            chunk = stream.recv(65536)
            if not chunk:
                sys.exit("the event stream closed")
            buffer += chunk
        buffer = buffer[buffer.index(marker) + len(marker):]

    wait_for("hello")
    samples = []
    time.sleep(0.3)
    for i in range(edits):
        if mode in ("add", "remove"):
            added = target.with_name(f"bench-nieuw-{i}.nl.md")
            started = time.perf_counter()
            added.write_text(new_entry, encoding="utf-8")
            wait_for("reload")
            took_add = (time.perf_counter() - started) * 1000
            settle()
            started = time.perf_counter()
            added.unlink()
            wait_for("reload")
            took_remove = (time.perf_counter() - started) * 1000
            settle()
            samples.append(took_add if mode == "add" else took_remove)
            continue
        started = time.perf_counter()
        if mode == "body":
            edited = original + f"\nBewerking {i}.\n"
        elif mode == "slug":
            # A new address: in the front matter, after the title.
            lines = [line for line in original.split("\n") if not line.startswith("slug:")]
            at = next(n for n, line in enumerate(lines) if line.startswith("title:"))
            lines.insert(at + 1, f"slug: nieuw-adres-{i}")
            edited = "\n".join(lines)
        elif mode == "partner":
            lines = original.split("\n")
            at = next(n for n, line in enumerate(lines) if line.startswith("name:"))
            name = lines[at][len("name:"):].strip().strip('"')
            lines[at] = "name: " + json.dumps(f"{name} ({i})")
            edited = "\n".join(lines)
        elif mode == "date":
            lines = original.split("\n")
            at = next(n for n, line in enumerate(lines) if line.startswith("date:"))
            lines[at] = f"date: 2021-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            edited = "\n".join(lines)
        else:
            lines = original.split("\n")
            at = next(n for n, line in enumerate(lines) if line.startswith("title:"))
            title = lines[at][len("title:"):].strip().strip('"')
            lines[at] = "title: " + json.dumps(f"{title} ({i})")
            edited = "\n".join(lines)
        target.write_text(edited, encoding="utf-8")
        wait_for("reload")
        samples.append((time.perf_counter() - started) * 1000)
        settle()
    print(f"edit → reload over {edits} edits: median {statistics.median(samples):.0f} ms, min {min(samples):.0f} ms, max {max(samples):.0f} ms")
finally:
    target.write_text(original, encoding="utf-8")
    for leftover in target.parent.glob("bench-nieuw-*.nl.md"):
        leftover.unlink()
    server.terminate()
    server.wait()
