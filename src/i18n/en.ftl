# wdhs's messages in English. Every message here has its Dutch twin in nl.ftl (a test checks).
# Variables: $name. Plurals: { $count -> [one] … *[other] … }.

## How problems are printed

severity-error = error
severity-warning = warning
hint-label = hint
summary-counts = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }

## The command line

help-about = Static site generator for the We Doen Het Samen coalition website
help-usage = Usage
help-commands = Commands
help-options = Options
help-flag-help = Print this help
help-flag-version = Print the version
help-lang = The language of wdhs's messages (nl or en); with `new`, also the language you write first
help-root = The site's folder (the one that holds content/ and themes/)
help-drafts = Include drafts and embargoed press releases
help-build = Build the site into the output folder (default public/)
help-output = Where to write the site, relative to the current folder
help-base-url = Overrides base_url from site.yaml, e.g. https://example.org/wdhs/
help-check = Check the whole site and report every problem, without writing anything
help-format = text, or github for GitHub Actions annotations
help-external = Also ask other websites whether the links to them still work (dead links are warnings)
help-strict = Fail on warnings too
help-new = Create a new entry (both language files, and the shared fields file where the kind has one)
help-new-kind = press, initiative, partner, goal, page or festival
help-new-title = The title (or name) in the language you write first; the file name is made from it
help-new-date = The date for kinds that have one (YYYY-MM-DD); default today
help-translations = List every entry with the state of its translations; work left on top
help-translations-format = text, markdown or json
help-serve = Preview the site: build, serve on 127.0.0.1, rebuild and reload the browser on every save
help-bind = The address to listen on. Keep 127.0.0.1 unless you know why not
help-port = The port; if it is busy the next free one is used (0: any free port)
help-open = Open the site in a browser
help-poll = Look for changes every 300 ms instead of being told by the system (network drives, WSL, Docker)
usage-unknown-argument = `{ $what }` is not an option of this command
usage-unknown-command = `{ $what }` is not a command of wdhs
usage-invalid-value = `{ $value }` is not a value `{ $what }` takes
usage-missing-argument = something this command needs is missing: { $what }
usage-missing-command = say what wdhs should do: build, check, serve, new or translations
usage-other = the command line is not complete or not right
usage-hint = `wdhs --help` lists the commands, `wdhs <command> --help` their options
usage-today = --today takes a date like 2024-04-13
new-wrote = wrote { $path }
build-failed = build failed: { $counts }; { $output } was not changed
build-done = built { $pages } pages ({ $entries } entries: { $per_language }), { $files } files copied{ $images }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    } into { $output } in { $ms } ms
build-done-images = {" "}({ $processed } images processed, { $cached } from the cache)
check-held-back = held back: { $path } ({ $reason })
check-note = note: { $note }

## Fields, site.yaml, kinds of content, YAML, wdhs new, translations (area A)

## Files, Markdown, links, references, the theme, SVG (area B)

## Building, images, the output folder, serve (area C)

## Links to other websites (check --external)

external-dead = the link to `{ $url }` does not work: { $why }
external-dead-hint = correct the address or remove the link; `wdhs check --external` asks again next time
external-status = the site answered { $status ->
        [404] 404 (page not found)
        [410] 410 (page removed)
       *[other] { $status }
    }
external-no-host = there is no website at that name
external-timeout = no answer within { $seconds } seconds
external-failed = it could not be reached ({ $detail })
