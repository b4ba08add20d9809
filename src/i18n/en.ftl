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
# The kinds of content in messages: $kind is home, goal, partner, press, initiative, festival
# or page (Kind::key).

fields-missing = missing required field `{ $name }` for { $kind ->
        [home] the home page
        [goal] a goal
        [partner] a partner
        [press] a press release
        [initiative] an initiative
        [festival] a festival edition
       *[page] a page
    }
fields-unknown = unknown field `{ $name }` for { $kind ->
        [home] the home page
        [goal] a goal
        [partner] a partner
        [press] a press release
        [initiative] an initiative
        [festival] a festival edition
       *[page] a page
    }
fields-unknown-in-item = unknown field `{ $name }` for an item of `{ $list }`
fields-did-you-mean = did you mean `{ $name }`?
fields-did-you-mean-required = did you mean `{ $name }`? It is required
fields-known = the fields are: { $list }
fields-add-line = add a line `{ $name }: { $example }` to the front matter
fields-add-line-or-shared = add a line `{ $name }: { $example }` to the front matter, or to { $shared } if both languages share it
fields-add-line-here = add a line `{ $name }: …` here, or to each language file if it differs per language
fields-not-fields = expected fields (`name: value` lines), found { $found }
fields-not-fields-hint = write one field per line, like `title: Mijn titel`
fields-set-twice = field `{ $name }` is set twice: in { $first } (line { $line }) and in { $second }
fields-set-twice-hint = keep it in one place: fields both languages share go in the .yaml file, translated fields in the .md files
fields-wrong-type = field `{ $name }` should be { $expected }, found { $found }
fields-expected-bool = true or false
fields-write-like = write it like `{ $name }: { $example }`
fields-out-of-range = field `{ $name }` is { $value }, but must be between { $min } and { $max }
fields-out-of-range-hint = use a whole number from { $min } to { $max }
fields-bad-date = field `{ $name }` is not a valid date: `{ $value }`
fields-date-hint = write dates as year-month-day, like `{ $name }: 2024-04-13`
fields-partial-date-hint = write `{ $name }: 2024`, `{ $name }: 2024-04` or `{ $name }: 2024-04-13`
fields-item-not-text = items of `{ $name }` should be text, found { $found }
fields-item-not-group = items of `{ $name }` should be groups of fields, found { $found }
fields-item-not-group-hint = write each item as `- { $field }: …`
fields-not-web-address = `{ $value }` is not a web address
fields-not-web-address-hint = write the full address, like `https://{ $value }`
fields-personal-contact = a press contact may not contain an e-mail address or phone number
fields-personal-contact-hint = name the organisation (for example `Katalys`); journalists reach its press office through its website
fields-image-alt = the image has no description (`image_alt`)
fields-image-alt-hint = add `image_alt: …` describing what the picture shows, for readers who cannot see it

# What a value is, in messages like "field `name` should be text, found a list".
yaml-type-nothing = nothing
yaml-type-bool = yes/no (true/false)
yaml-type-whole-number = a whole number
yaml-type-number = a number
yaml-type-text = text
yaml-type-list = a list
yaml-type-group = a group of fields

# $subject: front-matter (a .md file's fields), site (content/site.yaml), or anything else.
yaml-invalid = { $subject ->
        [front-matter] the front matter is not valid YAML
        [site] site.yaml is not valid YAML
       *[other] not valid YAML
    }: { $problem }
yaml-tab = a tab is used to indent this line; YAML only allows spaces
yaml-quote-open-on-line = a quote is opened here but not closed on this line
yaml-too-large = the YAML is too large or repeats anchors (`&name`, `*name`) too often
yaml-too-deep = the YAML is nested too deeply
yaml-duplicate = the field `{ $name }` is written twice
yaml-colon = a colon (:) where a new field cannot start
yaml-list-not-closed = a list `[…]` is not closed
yaml-group-not-closed = a group `{"{"}…{"}"}` is not closed
yaml-text-after-quote = there is text after the closing quote
yaml-quote-not-closed = a quote (") is opened but not closed
yaml-does-not-fit = this line does not fit here
# A mistake wdhs does not know: $detail is the YAML reader's own words, in English.
yaml-other = { $detail }
yaml-hint-colon = text with a colon (:) must be put between quotes, like `title: "Samen: zo werkt het"`
yaml-hint-list = close the list on the same line, like `themes: [zorg, energie]`
yaml-hint-group = close the group on the same line, like `{"{"} nl: …, en: … {"}"}`
yaml-hint-quote-on-line = end the text with the same quote on this line, like `title: "Buurtrecht: zo werkt het"`
yaml-hint-quote = a text in quotes must end with the same quote, and nothing may follow it on the line
yaml-hint-does-not-fit = each line is `name: value`; list items start with `- ` and are indented under their field
yaml-hint-twice = each field may appear only once; remove one of the two lines
yaml-hint-tab = replace the tab at the start of the line with spaces
yaml-hint-colon-or-list = check that lists `[…]` are closed on their own line, and that text with a colon is between quotes
yaml-hint-too-large = the YAML is too large or nested too deeply; write the fields out plainly
yaml-hint-general = check the line for a missing quote, bracket or space after the colon

entry-empty = the file is empty
entry-empty-hint = start the file with front matter between two `---` lines, or delete it
entry-no-front-matter = the file does not start with front matter
entry-no-front-matter-hint = put the fields between two lines of three dashes at the top:
    ---
    title: …
    ---
entry-not-closed = the front matter is not closed
entry-not-closed-hint = add a line with three dashes `---` after the last field
entry-bad-slug = `{ $value }` cannot be used as a slug
entry-bad-slug-hint = use lowercase letters, digits and hyphens, like `{ $example }`
entry-not-goal-number = `{ $value }` is not a goal number
entry-not-goal-number-hint = goals are numbered; write them like `goals: [1, 3]`
goal-number-not-number = field `number` should be a whole number from 1 to 99, found `{ $value }`
goal-past-programme = the action programme has { $count } { $count ->
        [one] goal
       *[other] goals
    }; there is no goal { $number }
goal-past-programme-hint = number the goals 1 to { $count }; `programme_goals` in content/site.yaml says how many goals there are
initiative-not-province = `{ $value }` is not a Dutch province
initiative-provinces = use one of: { $list }
initiative-not-theme = `{ $value }` is not a theme
initiative-theme-did-you-mean = did you mean `{ $name }`? The themes are listed in content/site.yaml
initiative-themes = use one of the themes from content/site.yaml: { $list }
partner-not-role = `{ $value }` is not a partner role
partner-not-role-hint = use `role: core` for core partners or `role: signatory` for organisations that signed the letter of intent

config-not-text = `{ $field }` should be text, found { $found }
config-not-group = `{ $field }` should be a group of fields, found { $found }
config-not-site-language = `{ $code }` in `{ $field }` is not one of the site's languages
config-not-site-language-hint = use the language codes from `languages`: { $codes }
config-no-text-for = `{ $field }` has no text for `{ $code }`
config-no-text-for-hint = add `{ $code }: …` under `{ $field }`
config-unsupported-language = `{ $value }` is not a supported language
config-unsupported-language-hint = wdhs supports `nl` and `en`; write `languages: [nl, en]`
config-not-full-address = `{ $value }` is not a full web address
config-section-name = `{ $name }` ({ $code }) cannot be used in a URL
config-section-name-hint = use lowercase letters, digits and hyphens
config-unknown-section = unknown section `{ $name }`
config-sections = the sections are: { $list }
config-menu-not-section = `{ $value }` is not a section
config-menu-not-section-hint = a menu item is a section (`goals`, `press`, …) or a page (`page:about`)
config-pagination = `pagination.{ $section }` should be a positive whole number for a section
config-feed-limit = `feed_limit` should be a positive whole number
config-programme-goals = `programme_goals` should be a whole number from 1 to 99
config-programme-goals-hint = write how many goals the action programme has, like `programme_goals: 5`
config-unknown-field = unknown field `{ $name }` in site.yaml
config-fields = the fields of site.yaml are: { $list }
config-missing = missing required field `{ $name }` in site.yaml
config-missing-hint = add a line `{ $name }: …`

new-example-text = `{ $text }` is example text from `wdhs new`
new-example-text-hint = write the real text here before the page is published
new-unknown-kind = `{ $kind }` is not a kind of entry
new-unknown-kind-hint = use one of: { $kinds }
new-not-site-language = `{ $lang }` is not a language of the site
new-unknown-language-hint = use --lang nl or --lang en
new-site-languages-hint = use one of the languages in content/site.yaml
new-bad-date = `{ $value }` is not a date
new-bad-date-hint = write it like --date 2024-04-13
new-no-letters = the title `{ $title }` has no letters or digits to make a file name from
new-no-letters-hint = give a title with words in it
new-no-site = there is no content/site.yaml here
new-no-site-hint = run wdhs new in the site's folder, or pass --root
new-exists = { $path } already exists; nothing was written
new-exists-hint = choose another title, or edit the existing files
new-goals-complete = the action programme has { $count } { $count ->
        [one] goal, and it exists
       *[other] goals, and all { $count } exist
    } already; nothing was written
new-goals-complete-hint = change one of the goals in content/goals/, or raise `programme_goals` in content/site.yaml when the programme gets a new goal
new-cannot-write = cannot write { $path }: { $error }

# wdhs translations: the table's headings and words (the JSON keeps its English keys).
translations-heading = Translations
translations-kind = kind
translations-stem = stem
translations-outdated = outdated
translations-missing = missing
translations-placeholder = placeholder
translations-present = present
translations-yes = yes
translations-no = no
translations-unknown = unknown
translations-summary = { $entries } { $entries ->
        [one] entry
       *[other] entries
    }, { $left } with translation work left
translations-no-site = there is no content/site.yaml here; run wdhs in the site's folder, or pass --root
translations-outdated-unknown = { $reason }, so `outdated` is unknown

history-no-git = git is not installed
history-no-repository = the site is not in a git repository
history-in-commit = in { $commit } ({ $date })
history-uncommitted = in edits not committed yet
# $lang: the translation's language code (nl or en).
history-outdated = the { $lang ->
        [nl] Dutch
       *[other] English
    } translation may be out of date: { $source } changed { $source_change }, this file last { $change }
history-outdated-hint = bring the translation up to date, then commit both files

## Files, Markdown, links, references, the theme, SVG (area B)

## Building, images, the output folder, serve (area C)
