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
help-root = The site's folder (the one that holds content/ and themes/); default: the current folder
help-drafts = Include drafts and embargoed press releases
help-build = Build the site into the output folder (default public/)
help-output = Where to write the site, relative to the current folder
help-base-url = Overrides base_url from site.yaml, e.g. https://example.org/wdhs/
help-check = Check the whole site and report every problem, without writing anything
help-format = text (default), or github for GitHub Actions annotations
help-external = Also ask other websites whether the links to them still work (dead links are warnings)
help-strict = Fail on warnings too
help-new = Create a new entry (a file per language, and the shared fields file where the kind has one)
help-new-kind = press, initiative, partner, goal, page or festival
help-new-title = The title (or name) in the language you write first; the file name is made from it
help-new-date = The date for kinds that have one (YYYY-MM-DD); default today
help-translations = List every entry with the state of its translations; work left on top
help-translations-format = text (default), markdown or json
help-serve = Preview the site: build, serve on 127.0.0.1, rebuild and reload the browser on every save
help-bind = The address to listen on (default 127.0.0.1). Keep 127.0.0.1 unless you know why not
help-port = The port (default 1111); if it is busy the next free one is used (0: any free port)
help-open = Open the site in a browser
help-poll = Look for changes every 300 ms instead of being told by the system (network drives, WSL, Docker)
help-quiet = Print only problems: no progress, and no summary when all went well
usage-unknown-argument = `{ $what }` is not an option of this command
usage-unknown-command = `{ $what }` is not a command of wdhs
usage-invalid-value = `{ $value }` is not a value `{ $what }` takes
usage-missing-argument = something this command needs is missing: { $what }
usage-missing-command = say what wdhs should do: build, check, serve, new or translations
usage-other = the command line is not complete or not right
usage-bad-value = `{ $value }` is not a good value for `{ $what }`
usage-valid-values = choose one of: { $values }
usage-meant-command = did you mean `wdhs { $command }`?
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
fields-add-line-or-shared = add a line `{ $name }: { $example }` to the front matter, or to { $shared } if all languages share it
fields-add-line-here = add a line `{ $name }: …` here, or to each language file if it differs per language
fields-not-fields = expected fields (`name: value` lines), found { $found }
fields-not-fields-hint = write one field per line, like `title: Mijn titel`
fields-set-twice = field `{ $name }` is set twice: in { $first } (line { $line }) and in { $second }
fields-set-twice-hint = keep it in one place: fields all languages share go in the .yaml file, translated fields in the .md files
fields-wrong-type = field `{ $name }` should be { $expected }, found { $found }
fields-expected-bool = true or false
fields-write-like = write it like `{ $name }: { $example }`
fields-out-of-range = field `{ $name }` is { $value }, but must be between { $min } and { $max }
fields-out-of-range-hint = use a whole number from { $min } to { $max }
fields-bad-date = field `{ $name }` is not a valid date: `{ $value }`
fields-date-meant = did you mean `{ $name }: { $date }`? Dates are written as year-month-day with plain hyphens
fields-date-hint = write dates as year-month-day, like `{ $name }: 2024-04-13`
fields-partial-date-hint = write `{ $name }: 2024`, `{ $name }: 2024-04` or `{ $name }: 2024-04-13`
fields-list-as-text = `{ $name }` is written as one text with commas; a list goes between square brackets
fields-item-bullet = the items of `{ $name }` start with `{ $sign }`, which is not a list sign: YAML read them as one text
fields-item-invisible = `{ $value }` holds an invisible character ({ $code }), often copied along from a web page or Word: the name is not found with it
fields-item-invisible-hint = delete `{ $value }` and type it again
fields-lost-apostrophe = YAML reads `{ $typed }` as `{ $read }`: it takes the first apostrophe for a quote mark, and the apostrophe is lost
fields-lost-apostrophe-hint = put the text between double quotes: `{ $fixed }`
fields-empty-list = `{ $name }` is empty, and needs at least one
fields-item-twice = `{ $value }` is in `{ $name }` twice
fields-item-twice-hint = remove one of the two
fields-item-not-text = items of `{ $name }` should be text, found { $found }
fields-item-not-group = items of `{ $name }` should be groups of fields, found { $found }
fields-item-not-group-hint = write each item as `- { $field }: …`
fields-not-web-address = `{ $value }` is not a web address
fields-not-web-address-hint = write the full address, like `https://{ $value }`
fields-personal-contact = a press contact may not contain an e-mail address or phone number
fields-personal-contact-hint = name the organisation (for example `Katalys`); journalists reach its press office through its website
fields-image-alt = the image has no description (`image_alt`)
fields-image-alt-here = the image `{ $image }` named in { $shared } has no description (`image_alt`) in this file
fields-image-alt-here-hint = add `image_alt: …` here, in this file's language, describing what the picture shows, for readers who cannot see it
fields-image-alt-hint = add `image_alt: …` describing what the picture shows, for readers who cannot see it

# What a value is, in messages like "field `name` should be text, found a list".
yaml-type-nothing = nothing
yaml-type-bool = yes/no (true/false)
yaml-type-whole-number = a whole number
yaml-type-number = a decimal number
yaml-type-text = text
yaml-type-list = a list
yaml-type-group = a group of fields

# $subject: front-matter (a .md file's fields), site (content/site.yaml), or anything else.
yaml-invalid = { $subject ->
        [front-matter] the front matter is not valid YAML
        [site] site.yaml is not valid YAML
       *[other] not valid YAML
    }: { $problem }
yaml-odd-space = here is a space that is not an ordinary one ({ $code }, often pasted from Word or a web page); YAML does not read it as a space
yaml-hint-odd-space = delete it and type an ordinary space
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
yaml-starts-with-sign = a text that starts with the sign { $sign } must be between quotes: YAML gives that sign a meaning of its own
yaml-escape = a backslash (\) between double quotes starts a special sign, and `\{ $after }` is not one
yaml-second-document = the line `---` starts a second part of the file, and a YAML file has only one
yaml-no-space-after-colon = there is no space after the colon of `{ $name }:`
yaml-cut-by-comment = the text after ` #` would be left out: YAML reads it as a note
yaml-text-on-two-lines = the text of `{ $name }` runs on to this line, but among the fields a text stands on one line
yaml-hint-one-line = put the text on one line: `{ $fixed }`
yaml-note-not-yaml = a note among the fields starts with #; YAML knows no `//` or `<!--`
yaml-hint-note = write `{ $fixed }`: wdhs does not read what follows a #
yaml-indented-first = this line starts with spaces, but there is no field above it that it could belong to
yaml-hint-indented-first = start the line at the left edge, without spaces
yaml-other = { $detail }
yaml-more-mistakes = wdhs stopped reading these fields after { $count } mistakes; there are more from this line on
yaml-hint-colon = text with a colon (:) must be put between quotes, like `title: "Together: how it works"`
yaml-hint-list = close the list on the same line, like `themes: [zorg, energie]`
yaml-hint-group = close the group on the same line, like `{"{"} nl: …, en: … {"}"}`
yaml-hint-quote-on-line = end the text with the same quote on this line, like `title: "Right to challenge: how it works"`
yaml-hint-quote = a text in quotes must end with the same quote, and nothing may follow it on the line
yaml-hint-does-not-fit = each line is `name: value`; list items start with `- ` and are indented under their field
yaml-hint-twice = each field may appear only once; remove one of the two lines
yaml-hint-tab = replace the tab at the start of the line with spaces
yaml-hint-colon-or-list = check that lists `[…]` are closed on their own line, and that text with a colon is between quotes
yaml-hint-too-large = the YAML is too large or nested too deeply; write the fields out plainly
yaml-hint-general = check the line for a missing quote, bracket or space after the colon
yaml-hint-more-mistakes = fix the mistakes above and run `wdhs check` again to see the rest
yaml-hint-quote-text = put the text between quotes: `{ $fixed }`
yaml-hint-escape = write two backslashes (`\\`) for one, or put the text between single quotes ('…')
yaml-hint-second-document = remove the lines `---`: in a .yaml file the fields stand without dashes above and below them
yaml-hint-space = put a space after the colon: `{ $fixed }`

entry-empty = the file is empty
entry-empty-hint = start the file with front matter between two `---` lines, or delete it
entry-no-front-matter = the file does not start with front matter
entry-no-front-matter-hint = put the fields between two lines of three dashes at the top:
    ---
    title: …
    ---
entry-not-closed = the front matter is not closed
entry-not-closed-hint = add a line with three dashes `---` after the last field
entry-empty-slug = `slug:` is empty
entry-empty-slug-hint = write the page's address after it, like `slug: { $stem }`, or remove the line: the file's name is the address then
entry-bad-slug = `{ $value }` cannot be used as a slug
entry-bad-slug-hint = use lowercase letters, digits and hyphens, like `{ $example }`
entry-bad-alias = `{ $value }` is not an address of the site
entry-bad-alias-hint = write the old address as it was on the site, from its first slash: `aliases: [/press/old-name/]`; letters, digits and hyphens only, or an old page ending in `.html`
render-alias-taken = the old address `/{ $path }` is now also the address of another page or a file of the site
render-alias-taken-hint = take it out of `aliases`: whoever opens that address already lands on the site
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
config-unsupported-language = `{ $value }` is not a language code
config-unsupported-language-hint = write a language code in lowercase letters, such as `nl`, `en`, `fy` or `pt-br`; the first language is published at the site's root, every other below its code (`/fy/`)
config-same-language = `{ $value }` is in `languages` twice
config-same-language-hint = name each language once
config-address-sign = a web address cannot hold `{ $sign }`; write the address as the browser shows it
config-not-full-address = `{ $value }` is not a full web address
config-section-taken = the section `{ $section }` is called `{ $name }` (language `{ $code }`), as `{ $other }` is already: both lists would be at one address
config-section-taken-hint = give each section a name of its own in every language
config-theme-id = the theme name `{ $name }` cannot be used in a web address (each theme has a page of its own)
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
new-site-languages-hint = use --lang with one of the languages in content/site.yaml: { $codes }
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
history-outdated-hint = bring the translation up to date, then commit both files; if the translation need not change (you mended a typo), put `[translation ok]` in the first line of your commit's message

## Files, Markdown, links, references, the theme, SVG (area B)

load-no-content = there is no content folder
load-no-content-hint = run wdhs in the site's folder (the one that holds content/), or pass --root; looked in { $path }
load-link-circle = this link leads to links that lead back to it (a circle of links); it was skipped
load-link-loop = this link points back to a folder that contains it (a symlink loop); it was skipped
load-cannot-read = cannot read: { $error }
load-cannot-read-hint = remove or fix the link or file
load-link-to-nothing = this link points to `{ $target }`, which does not exist
load-link-to-nothing-hint = remove the link, or put the file itself here
load-not-a-file = this is not a plain file (a device, a pipe or a folder); wdhs reads only files
load-link-other-kind = this is a link to `{ $target }`; a link may only stand for an image or a document of its own kind, never for a page's text
load-link-outside = this is a link to `{ $target }`, outside the site's content; wdhs never reads files outside the site's folder
load-link-outside-elsewhere = another folder
load-link-outside-hint = copy the file itself into the folder instead of linking to it
load-folder-gone = the folder `{ $folder }` was removed while wdhs read it
load-folder-gone-hint = if you are replacing or copying it, wdhs builds again once it is back
load-unknown-folder = the folder `{ $folder }` is not a kind of content; its files are not used
load-unknown-folder-did-you-mean = did you mean `{ $folder }`?
load-content-folders = the content folders are: { $folders }
load-dot-too-many = the name has two dots in a row before `md`
load-dot-too-many-hint = rename the file to `{ $name }`
load-unknown-language = `{ $code }` is not one of the site's languages ({ $codes })
load-unknown-language-hint = rename it to `{ $base }.{ $first }.md`, or another of the site's language codes: { $codes }
load-no-language = the file name does not say its language
load-no-language-hint = name it `{ $stem }.{ $first }.md`, with a file of its own for each translation (the site's languages: { $codes })
load-nested-entry = entries must sit directly in content/{ $folder }/, not in a folder below it; this file is not used
load-nested-entry-hint = move it to content/{ $folder }/{ $name }
load-bad-file-name = the file name `{ $name }` cannot be a web address: only lower-case letters, digits and hyphens may come before `{ $rest }`
load-bad-file-name-example = rename the file to a name like `my-page{ $rest }`
load-bad-file-name-hint = rename the file to `{ $suggestion }{ $rest }` (and its other language and `.yaml` files too)
load-bad-asset-name = the name `{ $name }` cannot be part of a web address: it has spaces, accents or other signs
resolve-bad-name-hint = give the file the name `{ $renamed }` (letters, digits, - and _ only) and write that name here
load-bad-asset-name-hint = rename it to `{ $suggestion }` (letters, digits, - and _ only), and use the new name where the file is mentioned
load-file-type = files of this type (`{ $kind }`) are not published
load-web-file-hint = write pages as Markdown (`<name>.nl.md` and `<name>.en.md`); the site's layout and scripts come from the theme
load-text-as-page = is it a page? Then give it a name like `{ $name }` (`.en.md` for English) and the fields at the top, as the handbook shows
load-rename-text-file = if it is a text or the fields of an entry, rename it to `{ $name }`
load-file-type-hint = remove it, or save it as PDF; the site publishes images (JPEG, PNG, WebP, GIF, SVG), PDF, office documents and CSV
io-not-found = the file or folder does not exist (any more)
io-permission-denied = the computer does not give wdhs permission
io-is-a-directory = there is a folder where a file must go
io-not-a-directory = there is a file where a folder must go
io-already-exists = a file or folder of that name is there already
io-disk-full = the disk is full
io-read-only = this disk may not be written to
io-invalid-name = the name is too long, or holds a sign that is not allowed
load-cannot-read-file = cannot read the file: { $error }
load-too-large = the file is too large ({ $size }; at most { $limit })
load-too-large-hint = split the text over several pages
svg-too-large = the drawing is too large ({ $size }; at most { $limit })
svg-too-large-hint = simplify the drawing, or save it as PNG
decimal-mark = .
load-zero-character = the file contains an invisible zero character (a NUL byte)
load-zero-character-hint = it usually comes with text copied from a PDF or another program: delete the character here, or type the line again
load-not-utf8 = the file is not UTF-8 text
load-not-utf8-hint = save the file as UTF-8 in your editor ("Save with encoding: UTF-8")
diagnostic-more-in-file = and { $count } more in this file (only the first { $shown } problems are listed)
markdown-not-a-link = this looks like a link, but it is shown as text
markdown-not-a-link-hint = write a link as `[text](address)`: no space between `]` and `(`, no spaces in the address, and the closing `)`
markdown-bullet = this line starts with `{ $sign }`, which makes no list: the lines run on as one paragraph
markdown-bullet-hint = start each item with a plain hyphen and a space (`- Een punt`), with an empty line above the list
markdown-heading-space = this looks like a heading, but it is shown as text
markdown-heading-space-hint = put a space after `{ $hashes }`, like `{ $hashes } Title`
markdown-more-like-this = and { $count } more like this in this file (only the first { $shown } are shown)
festival-year-not-name = the file name says { $named }, but the festival's date is in { $year }
festival-year-not-name-hint = if the date is right, give the festival's files names with { $year }; if not, change the date
markdown-too-deep = quotes or lists are nested more than { $max } deep here
markdown-too-deep-hint = use fewer `>` or list markers at the start of the line
markdown-too-much-markup = this text has more lines and markup signs (`*`, `#`, `[`, `<`, …) than one page may hold, { $max }: this one is past the limit
markdown-too-much-markup-hint = split the text over more pages; if it holds few words, look for a sign repeated by mistake
markdown-heading-attributes = only an anchor (`{"{"}#name{"}"}`) may follow a heading; the other attributes are left out
markdown-heading-attributes-hint = remove what stands between `{"{"}` and `{"}"}` after the heading, except `#name`
markdown-heading-1 = a level-1 heading (`#`) in the text; the page title is already the level-1 heading
markdown-heading-1-hint = start headings in the text at `##`
markdown-heading-skipped = heading level { $level } follows level { $previous }: a level is skipped
markdown-heading-skipped-hint = use `{ $marks }` here, so screen-reader users can follow the structure
markdown-no-alt = the image has no alt text
markdown-no-alt-hint = describe the picture between the brackets: `![Residents at the village windmill](molen.jpg)`
markdown-link-no-text = the link has no text
markdown-link-no-text-hint = write what the link leads to between the brackets: `[the action programme](@/goals)`
markdown-link-vague = the link text `{ $text }` does not say where it leads
markdown-link-vague-hint = use words that make sense on their own, like `[read the action programme](@/goals)`
markdown-image-elsewhere = the image `{ $url }` is on another website; images on this site are files of its own
markdown-image-elsewhere-hint = save the picture (with permission) beside the entry and write its file name, like `![Residents at the windmill](molen.jpg)`; a picture from another site would be loaded from there and tell that site who reads the page
markdown-own-computer = `{ $link }` is a place on your own computer, which readers of the site cannot reach
markdown-own-computer-hint = copy the file into the folder of this file and write only its name, such as `{ $name }`
markdown-link-scheme = a link to a `{ $scheme }:` address is not allowed; links may lead to web pages (https:), e-mail (mailto:), phone numbers (tel:) and the site's own pages and files
markdown-link-scheme-hint = remove the link, or write the full web address, starting with https://
markdown-anchor-missing = the link points to `#{ $anchor }`, but this page has no heading with that anchor
markdown-raw-html = HTML in the text is shown as text, not as HTML: `{ $html }`
markdown-raw-html-hint = use Markdown instead (links `[text](url)`, images `![alt](file.jpg)`), or write `\<` to show a `<`
markdown-anchor-did-you-mean = did you mean `#{ $anchor }`?
markdown-no-anchors-here = this page has no headings to link to
markdown-no-anchors-there = that page has no headings to link to
markdown-anchors-here = the anchors on this page are: { $anchors }
markdown-anchors-there = the anchors on that page are: { $anchors }
resolve-held-draft = draft: true
resolve-held-embargo = embargoed until { $date }
resolve-unsupported-format = `{ $file }` is in a format browsers cannot show
resolve-file-held = `{ $file }` belongs to a draft or to a press release under embargo, and is published with it, not before
resolve-file-held-hint = link to it once that is published, or give this page a copy under another name
resolve-image-missing = the image `{ $file }` does not exist
resolve-file-missing = the file `{ $file }` does not exist
resolve-named-file-missing-hint = put it in { $folder } beside the entry, and write its name relative to that folder
resolve-image-unusable = the image `{ $file }` cannot be used: { $problem }
resolve-image-unusable-hint = open it in a photo editor and save it again as JPEG or PNG (at most 50 million pixels)
resolve-image-unreadable = the image `{ $file }` cannot be used
resolve-anchor-missing = the link points to `#{ $anchor }`, but { $page } has no heading with that anchor
resolve-markdown-file = `{ $link }` links to a Markdown file
resolve-markdown-file-hint = link to pages with `@/<kind>/<name>`, like `[het festival](@/festival/2024)`
resolve-linked-image-missing-hint = put the image in { $folder } and write its name relative to that folder; link to pages with `@/<kind>/<name>`
resolve-linked-file-missing-hint = put the file in { $folder } and write its name relative to that folder; link to pages with `@/<kind>/<name>`
resolve-meant-web-address = did you mean `{ $meant }`? An address on another website starts with https://
resolve-meant-mail-address = did you mean `{ $meant }`? A link to an e-mail address starts with mailto:
resolve-meant-other-folder = did you mean `{ $meant }`? Write the name from the entry's folder, with the folder the file is in
resolve-image-elsewhere-hint = save the picture (with permission) in { $folder } and write its name from there; a picture from another site would be loaded from there and tell that site who reads the page
resolve-meant-other-capitals = did you mean `{ $meant }`? Capitals count in a file name on the website, even when your computer ignores them
resolve-link-invisible = the link `{ $link }` holds a character you cannot see ({ $code }), copied along from a web page or Word
resolve-link-invisible-hint = type the link again: `{ $link }`
resolve-unknown-kind = `@/{ $link }` does not name a kind of content
resolve-did-you-mean = did you mean `@/{ $link }`?
resolve-kinds = write `@/<kind>/<name>` with a kind from: { $kinds }
resolve-pages-not-a-page = `@/pages` is not a page
resolve-pages-not-a-page-hint = link to one page, like `@/pages/about`
resolve-not-published = `@/{ $link }` links to a page that is not published (a draft or embargoed)
resolve-not-published-hint = publish that page first, or remove the link; `wdhs serve --drafts` shows drafts
resolve-no-such-page = `@/{ $link }` links to a page that does not exist
resolve-page-names = pages are named by their file name without the language: content/{ $folder }/<name>.{ $lang }.md
between-section = the { $section } section
between-same-address = this page would be written to /{ $url }, which { $other } already uses
between-same-address-hint = give one of them another `slug:`
between-no-translation = there is no { $lang ->
        [nl] Dutch
        [en] English
        [fy] Frisian
       *[other] `{ $lang }`
    } translation of this page
between-no-translation-hint = readers of the { $lang ->
        [nl] Dutch
        [en] English
        [fy] Frisian
       *[other] `{ $lang }`
    } site get a notice instead; add { $path }
between-same-alt = the description of the image (`image_alt`) is the same as in { $path }: readers of this language would get it in the other language
between-same-alt-hint = translate the description here
between-same-text = the text of this file is the same as that of { $path }: it has not been translated yet
between-same-text-hint = translate the text, or leave this file out until it is translated
between-shared-alt = the description of the image (`image_alt`) is in the shared file, so every language gets the same text
between-shared-alt-hint = write `image_alt` in each language file instead, in its language
between-disagree = `{ $field }` is `{ $here }` here but `{ $there }` in { $path }
between-disagree-hint = all languages must agree; write `{ $field }` once in { $stem }.yaml
between-goal-number-taken = goal number { $number } is also used by { $path }
between-goal-number-taken-hint = every goal needs its own number
between-partner-did-you-mean = did you mean `{ $partner }`? Partners are named by their file name in content/partners/
between-partners = partners are named by their file name in content/partners/: { $partners }
between-no-partner = there is no partner `{ $partner }`
resolve-keep-metadata-not-shown = `{ $file }` is not on this page: `keep_metadata` applies only to a photo the page shows itself
resolve-keep-metadata-not-shown-hint = name the photo in `image:` or in the text, or take it out of `keep_metadata`; otherwise the data in a photo (where and when it was taken) is removed
between-press-contact-no-partner = `{ $name }` is not a partner of the site, so the page does not name it as the press contact
between-press-contact-did-you-mean = did you mean `{ $partner }`? Write the name, short name or file name of a partner in content/partners/
between-press-contact-hint = write the name, short name or file name of a partner in content/partners/, or leave `press_contact` out
between-no-goal = there is no goal { $number }
between-goals = the goals are numbered { $numbers }
between-menu-no-page = the menu names page `{ $page }`, which does not exist
between-menu-did-you-mean = did you mean `page:{ $page }`?
between-menu-pages = pages are named by their file name in content/pages/: { $pages }
link-not-on-site = `{ $link }` leads to a page or file the site does not have
link-other-capitals = `{ $link }` has other capitals than the address on the site; most web servers take it for another address
link-other-capitals-hint = write `{ $fixed }`
link-outside-base-path = `{ $link }` leads to an address outside the site, which is published at { $base }
link-outside-base-path-hint = write `{ $fixed }`, or link to the site's pages with `@/<kind>/<name>`, such as `@/goals/zeggenschap`: such links hold at any address
link-anchor-missing = `{ $link }` points to `#{ $anchor }`, but that page has no heading with that anchor
link-did-you-mean = did you mean `{ $url }`? Link to the site's pages with `@/{ $link }`: wdhs checks those and keeps them right
link-write-at-links = link to the site's pages with `@/<kind>/<name>`, like `@/goals/zeggenschap`: wdhs checks those and keeps them right
theme-cannot-read = cannot read the theme file: { $error }
theme-cannot-read-hint = restore it from git (`git checkout themes/`)
theme-ui-text-not-text = UI string `{ $key }` should be text
theme-ui-text-unknown = `{ $key }` is not one of the theme's UI strings
theme-ui-text-unknown-placeholder = `{ $placeholder }` in `{ $key }` is never filled in: readers would see it as it is
theme-ui-text-placeholders = this text can use { $list }
theme-ui-text-no-placeholders = this text has no words in braces to fill in; write it out in full
theme-ui-text-missing = the UI string `{ $key }` is missing
theme-ui-text-missing-hint = add `{ $key }: …` in { $lang ->
        [nl] Nederlands
        [en] English
        [fy] Frisian
       *[other] `{ $lang }`
    }
svg-hint-export = export the drawing again as a plain SVG (in Inkscape: Save as → Optimized SVG), or save it as PNG; it is not published until then
svg-hint-illustrator = export the drawing again as a plain SVG (in Inkscape: Save as → Optimized SVG; in Illustrator: untick “Preserve Illustrator Editing Capabilities”), or save it as PNG; it is not published until then
svg-hint-broken = open it in a drawing program and export it again as SVG, or save it as PNG; it is not published until then
svg-hint-namespace = add xmlns="http://www.w3.org/2000/svg" to the `svg` element, or export the drawing again as SVG; it is not published until then
svg-is-raster = this file is not a drawing (SVG) but a { $format } picture
svg-hint-rename = change the end of its name from `.svg` to `.{ $extension }`, and write the new name where the file is used
svg-not-utf8 = the SVG is not UTF-8 text
svg-not-xml = the SVG is not valid XML: { $error }
svg-encoding = the SVG says its text is in the `{ $label }` encoding; only UTF-8 is accepted
svg-version = the SVG says it is XML version `{ $version }`; only version 1.0 is accepted
svg-doctype-unreadable = the SVG's DOCTYPE (the `<!DOCTYPE …>` at the top) could not be read
svg-external-entity = the SVG's DOCTYPE declares an entity (`{ $name }`) that is read from another file, which could load content from elsewhere or read files
svg-entity-with-markup = the SVG's DOCTYPE declares an entity (`{ $name }`) that holds markup or character codes, which could hide code from this check
svg-attribute-defaults = the SVG's DOCTYPE gives elements extra attributes (`<!ATTLIST …>`), which could add code that runs in a reader's browser
svg-entity-bomb = the SVG's DOCTYPE defines entities that grow to more than { $max } characters when read (an “entity bomb”), which can freeze a reader's browser
svg-not-svg = the file is not an SVG drawing: it starts with a `{ $name }` element, not with `svg`
svg-no-namespace = the `svg` element does not say it is SVG (xmlns="http://www.w3.org/2000/svg" is missing or different), so browsers do not show it as a drawing
svg-script = the SVG contains a script element (`{ $name }`), which could run code in a reader's browser
svg-foreign-object = the SVG contains embedded web page content (`{ $name }`), which could run code in a reader's browser
svg-handler = the SVG contains an event handler element (`{ $name }`), which could run code in a reader's browser
svg-markup = the SVG contains { $what } (`{ $name }`), which could run code in a reader's browser
svg-markup-html = an HTML element
svg-markup-mathml = a MathML element
svg-markup-xml-events = an XML Events element
svg-markup-xslt = an XSLT element
svg-markup-xul = a XUL element
svg-event-attribute = the SVG contains an event handler (`{ $name }`), which could run code in a reader's browser
svg-external = `{ $attribute }` loads `{ $url }` from another website when the drawing is opened; the site loads nothing from other websites
svg-hint-embed = embed the picture in the drawing (in Inkscape: Embed) or remove that part, and save the drawing again
svg-address = the SVG links to a `{ $scheme }:` address (in `{ $attribute }`), which could run code in a reader's browser; an SVG may only link to https:, http: and mailto: addresses and to parts of itself
svg-animated-attribute = the SVG contains an animation (`{ $element }`) that changes `{ $attribute }`, which could run code in a reader's browser
svg-animated-address = the SVG contains an animation (`{ $element }`) that sets a `{ $scheme }:` address, which could run code in a reader's browser
svg-instruction = the SVG contains a processing instruction (`<?{ $target } …?>`), which can make the browser load a style sheet or program from elsewhere
svg-css = the SVG's style in { $place } { $what }
svg-css-in-style-element = a `style` element
svg-css-in-attribute = the `{ $name }` attribute
svg-css-script = contains a `javascript:` address, which could run code in a reader's browser
svg-css-expression = contains `expression(…)`, which could run code in a reader's browser
svg-css-binding = contains `-moz-binding`, which could run code in a reader's browser
svg-css-behavior = contains `behavior:`, which could run code in a reader's browser
svg-css-import = loads another style sheet (`@import`) from elsewhere
svg-css-url = loads `{ $target }` (with `url(…)`); style in an SVG may only point to parts of the drawing itself, like `url(#gradient)`, or to embedded PNG, JPEG, GIF or WebP pictures
svg-css-loader = loads other files (with `{ $function }…)`)
safe-url-fallback-name = file

## Building, images, the output folder, serve (area C)

build-no-site-yaml = there is no content/site.yaml
build-no-site-yaml-hint = run wdhs in the site's folder, or pass --root; a site needs content/site.yaml
build-shared-without-language = there is no language file for these shared fields
build-shared-without-language-hint = add { $stem }.{ $lang }.md beside it, or delete it
build-still-placeholder = the { $lang ->
        [nl] Dutch
        [en] English
        [fy] Frisian
       *[other] `{ $lang }`
    } version is still the placeholder from `wdhs new`
build-still-placeholder-hint = translate it and delete the line `{ $marker }`; until then readers get a notice instead
serve-serving = Serving the site on { $url } (press Ctrl-C to stop)
serve-port-busy = note: port { $wanted } was busy, so port { $used } is used instead
serve-no-browser = note: could not open a browser; open { $url } yourself
serve-stopped = Stopped.
serve-rebuilt = rebuilt in { $ms } ms ({ $partial ->
        [yes] re-rendered
       *[no] rendered all
    } { $pages } pages): { $changed } { $changed ->
        [one] file
       *[other] files
    } changed, { $removed } removed{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
serve-first-build-failed = build failed in { $ms } ms: { $counts }; there is no site to show yet: fix the problems above and save
serve-build-failed = build failed in { $ms } ms: { $counts }; still serving the last good site
serve-box-title = wdhs: the site could not be rebuilt ({ $summary }). The page below is the last good version.
serve-no-site-title = wdhs: build failed
serve-no-site-heading = The site could not be built
serve-no-site-text = The problems are listed on top of this page and in the terminal. Save a fix and this page reloads by itself.
serve-no-preview-folder = cannot create a folder for the preview: { $error }
serve-no-ctrl-c = cannot listen for Ctrl-C: { $error }
serve-no-address = cannot read the address the preview listens on: { $error }
serve-no-loopback = cannot listen on a loopback address for the preview ({ $error })
serve-port-taken = cannot listen on { $bind }:{ $port } or the next ports ({ $error }); another program is using them: stop it, or pass --port with another number
serve-exposed = warning: --bind { $address } listens on { $everywhere ->
        [yes] every address of this computer, for any host name
       *[no] an address other machines can use
    }: anyone on your network who can reach this computer can read { $drafts ->
        [yes] the preview, with its drafts and unpublished, embargoed press releases (--drafts)
       *[no] the preview
    }. Leave out --bind (the preview then listens on 127.0.0.1, this computer only) unless you mean to share it.
serve-watch-error = watch error: { $error }
serve-watch-limit = the system's limit on watched folders is reached. Raise it with `sudo sysctl fs.inotify.max_user_watches=524288`, or run `wdhs serve --poll`
serve-cannot-watch = cannot watch the site for changes: { $error }; try `wdhs serve --poll`
serve-cannot-write = cannot write the preview: { $error }
serve-misdirected = This preview answers only requests for { $address } or { $localhost }
serve-not-answering = The preview is not answering
build-document-not-what-it-says = `{ $name }` is not the kind of file its name says (its content is something else)
build-document-not-what-it-says-hint = save it again from the program that made it (as PDF, or as an office document), and use that file
build-image-left-out = this image is left out of the site: { $problem }
document-pdf-action = this PDF file holds an action that makes the reader's program run something when it is opened (`/{ $action }`, such as JavaScript or a form that sends data)
document-pdf-action-hint = make it a plain PDF: choose "Export as PDF" or "Print to PDF" in the program that made it; scripts and forms do not belong on the site
document-pdf-unreadable = this PDF file is protected or packed in a way wdhs cannot read, so wdhs cannot tell whether it holds a script
document-pdf-unreadable-hint = save it again without protection, for example with "Print to PDF"
document-office-macro = this file holds macros or built-in programs (`{ $part }`)
document-office-macro-hint = save it without macros (in LibreOffice: delete them under Tools > Macros), or publish a PDF of it
document-office-external = this file loads `{ $target }` from another place when it is opened: what is loaded so can bring macros with it, or tell another site who opens the file
document-office-external-hint = put what it loads in the file itself (in Word: File > Info > Edit links to files > Break link; for a template: Developer > Document template, choose Normal), or publish a PDF of it
document-office-dde = this file has a formula or field that asks another program for data (`{ $formula }`): it can run a command when someone opens the file
document-office-dde-hint = put the result in its place instead of the formula or field, or publish a PDF of it
document-office-unreadable = this office file cannot be read whole (it is damaged, or packed in a way wdhs cannot read), so wdhs cannot tell whether it holds macros
document-office-unreadable-hint = open it in the program that made it and save it again, or publish a PDF of it
document-csv-formula = this cell starts like a formula (`{ $cell }`): a spreadsheet program runs it when someone opens the file
document-csv-formula-hint = put the result in the cell instead of the formula; if the text really starts with =, +, - or @, put an apostrophe (') before it
build-output-in-the-way = will not build into { $output }: a build leaves only the site there, and the folder holds the site's own files; choose an output folder of its own, such as public/
build-output-not-ours = will not build into { $output }: that folder already holds files that an earlier build of this site did not write, and after a build only the site would be left there; choose a new or empty folder for the output, or empty this one first if its files may go
build-cannot-stage = cannot create the output folder next to { $output }: { $error }
build-cannot-replace = cannot replace { $output }: { $error }
build-no-history = { $reason }, so translations were not compared with their sources
serve-starting = Building the site…
serve-changed = changed: { $files }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
render-no-template = the theme has no template `{ $name }`
render-no-template-hint = restore it from git, or copy it from the default theme
render-template-error = template error: { $error }
render-template-error-hint = fix the template; `wdhs serve` reloads it as soon as you save
render-cannot-write = cannot write the output file: { $error }
render-same-name = this file and `{ $other }` would be published under the same name (with their resized copies)
render-same-name-hint = rename one of the two files
render-published-as = this file would be published as `{ $path }`, but wdhs makes a page or file there itself
render-published-as-hint = rename the file
render-name-too-long = this would be published as `{ $path }`, but that name is too long for a file
render-name-too-long-hint = give the file or folder a shorter name (at most 200 characters)
render-in-folder-of-file = this file would be published as `{ $path }`, but `{ $file }` is a page or file of the site already, and a folder cannot have the name of a file
render-in-folder-of-file-hint = give the folder `{ $folder }` another name
render-file-at-folder = this would be published as `{ $path }`, but the site needs a folder there, for `{ $below }`
render-file-at-folder-hint = rename the file (or give the page another address with `slug:`)
render-page-at-site-page = this page would be published at /{ $path }, where the site already puts one of its own pages (a home page, a list, the search page or a feed)
render-page-at-site-page-hint = give the page another address with `slug:`
render-site-pages-at-one-address = two of the site's own pages would be published at /{ $path }
render-site-pages-at-one-address-hint = give the section another name in `sections`: it may not be a language code or the word the theme uses for the search page
render-image-unpublishable = the image cannot be published: { $reason }
render-image-unpublishable-hint = open it in a photo editor and save it again as JPEG or PNG
theme-no-strings-for = the theme has no UI strings for the language `{ $code }`
theme-no-strings-for-hint = for a language the built-in theme does not have, the site needs a theme of its own: copy the `themes/default/` folder of the wdhs source into the site (templates, static and i18n), then create `{ $path }` with the same keys as its `i18n/en.yaml`; or remove `{ $code }` from `languages` in content/site.yaml
lang-names-count = `{ $key }` should have { $count } names separated by commas, found { $found }
lang-direction = `direction` should be `ltr` (left to right) or `rtl`, not `{ $text }`
lang-address-word = `{ $key }` goes into web addresses and may hold only lowercase letters, digits and hyphens, not `{ $text }`
lang-date-placeholder = `{ $key }` must name each of { $wanted } and no other placeholder; check `{ $placeholder }`
render-internal-no-page = internal error: a page that is not in the site
render-internal-no-section = internal error: no section index for this kind
render-internal-kind = internal error: the page does not match its kind
render-internal-hint = this is a fault in wdhs, not in the site; please report it to whoever maintains wdhs
images-cannot-read = cannot read the image: { $error }
images-not-an-image = the file is not an image wdhs can read (JPEG, PNG, WebP or GIF), or it is damaged
images-damaged = the image is damaged or incomplete
images-unsupported-kind = the image is saved in a way wdhs cannot read
images-cut-off = the file ends too early, so only part of the picture is in it; the copy was probably broken off
images-cut-off-hint = copy the photo or picture again from where it came from (the phone, the camera, the e-mail), check that all of it shows when you open it, and put that file here instead
images-no-pixels = the image has no pixels
# $width and $height: the image's size in pixels; $millions: the most wdhs processes (50).
images-too-many-pixels = the image is { $width } × { $height } pixels, more than wdhs processes ({ $millions } million pixels at most)
images-too-many-pixels-hint = make the photo smaller, for example 4000 pixels wide (in Photos or Paint: resize), and use that file; a phone set to 50 or 200 megapixels makes such photos
images-too-few-bytes = the image says it is { $width } × { $height } pixels, but the file is only { $bytes } bytes: that is no real picture, and making its copies would take very long
images-too-tall = the image is { $width } × { $height } pixels, too tall for its width: its copies would be more than { $most } pixels high, which WebP does not allow; cut it into parts, or make it wider
images-cannot-resize = cannot resize the image: { $error }
images-cannot-crop = cannot crop the image: { $error }
# $format: JPEG, PNG or WebP.
images-cannot-encode = cannot encode { $format }: { $error }
images-unsupported-hint = save it as JPEG (photos) or PNG (logos, drawings) and use that file
cache-no-temporary = cannot make a temporary image cache: { $error }
cache-in-git = the image cache is in git: git tracks { $count } { $count ->
        [one] file
       *[other] files
    } under .wdhs-cache/, and a cache from a commit could publish anything, so this build does not use it and processes every image afresh; remove it with `git rm -r --cached .wdhs-cache`
cache-in-git-hint = keep `/.wdhs-cache` in .gitignore: the cache belongs to one machine
cache-link-replaced = { $folder } was a link to { $target }: wdhs never reads or writes its cache through a link, so the link was removed and an empty folder made in its place
cache-link-replaced-hint = the cache is made again from the images; nothing needs doing
cache-link-kept = { $folder } is a link, and it could not be replaced by a folder: { $error }
cache-link-kept-hint = remove { $folder }; until then images are processed on every build
write-unsafe-path = unsafe output path `{ $path }`
write-thread-failed = a writer thread failed
# Progress while images are processed (build and serve). On a terminal one line, redrawn:
# $bar is like #####....., $left is progress-left or nothing.
progress-bar = Processing photos [{ $bar }] { $done }/{ $total }{ $left }
# When the output is not a terminal (CI logs): one line per photo.
progress-line = photo { $done } of { $total } processed{ $left }
progress-left = , about { $seconds } s left
progress-left-minutes = , about { $minutes } min left

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
external-private = it leads to `{ $address }`, an address on this machine or a private network, which wdhs does not ask (set WDHS_EXTERNAL_ALLOW_PRIVATE=1 to allow it)
external-redirects = it sends the visitor on more than { $count } times
cli-lang-not-code = `--lang { $value }` is not a language code
cli-lang-not-code-hint = write the code of the language, like `--lang nl` or `--lang en`
fault-message = wdhs stopped on a fault of its own, not on a mistake in your files ({ $fault })
fault-hint = nothing was published or changed; run it again, and if the fault comes back, give this message to whoever looks after wdhs
serve-fault = wdhs met a fault of its own while rebuilding (the message above says where); the preview shows the last good build
serve-fault-hint = save again to build everything anew; if the fault comes back, give the message to whoever looks after wdhs
