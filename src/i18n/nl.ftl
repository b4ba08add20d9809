# De meldingen van wdhs in het Nederlands. Elke melding staat ook in en.ftl (een test kijkt dat na).
# Variabelen: $naam. Meervoud: { $count -> [one] … *[other] … }.

## Hoe problemen worden getoond

severity-error = fout
severity-warning = waarschuwing
hint-label = tip
summary-counts = { $errors } { $errors ->
        [one] fout
       *[other] fouten
    }, { $warnings } { $warnings ->
        [one] waarschuwing
       *[other] waarschuwingen
    }

## De opdrachtregel

help-about = Maakt de website van de coalitie We Doen Het Samen
help-usage = Gebruik
help-commands = Opdrachten
help-options = Opties
help-flag-help = Toon deze hulp
help-flag-version = Toon de versie
help-lang = De taal van de meldingen van wdhs (nl of en); bij `new` ook de taal waarin je eerst schrijft
help-root = De map van de site (die met content/ en themes/ erin)
help-drafts = Neem concepten en persberichten onder embargo mee
help-build = Bouw de site in de map voor de uitvoer (standaard public/)
help-output = Waar de site komt, gezien vanuit de huidige map
help-base-url = In plaats van base_url uit site.yaml, bijvoorbeeld https://example.org/wdhs/
help-check = Controleer de hele site en meld elk probleem, zonder iets te schrijven
help-format = text, of github voor meldingen in GitHub Actions
help-strict = Ook bij waarschuwingen mislukken
help-new = Maak een nieuw item (de bestanden voor beide talen, en het bestand met gedeelde velden als dat soort er een heeft)
help-new-kind = press, initiative, partner, goal, page of festival
help-new-title = De titel (of naam) in de taal waarin je eerst schrijft; de bestandsnaam komt daarvan
help-new-date = De datum, voor soorten die er een hebben (JJJJ-MM-DD); standaard vandaag
help-translations = Toon elk item met de stand van zijn vertalingen; wat nog moet bovenaan
help-translations-format = text, markdown of json
help-serve = Bekijk de site: bouw hem, toon hem op 127.0.0.1 en ververs de browser bij elke keer opslaan
help-bind = Het adres waarop wdhs luistert. Laat het op 127.0.0.1, tenzij je weet waarom niet
help-port = De poort; is die bezet, dan wordt de volgende vrije gebruikt (0: een willekeurige vrije)
help-open = Open de site in een browser
help-poll = Kijk elke 300 ms zelf of er iets veranderd is (netwerkschijven, WSL, Docker)
usage-unknown-argument = `{ $what }` is geen optie van deze opdracht
usage-unknown-command = `{ $what }` is geen opdracht van wdhs
usage-invalid-value = `{ $value }` is geen waarde die `{ $what }` kent
usage-missing-argument = deze opdracht mist iets: { $what }
usage-missing-command = zeg wat wdhs moet doen: build, check, serve, new of translations
usage-other = de opdracht is niet compleet of niet goed
usage-hint = `wdhs --help` toont de opdrachten, `wdhs <opdracht> --help` hun opties
usage-today = --today verwacht een datum zoals 2024-04-13
new-wrote = geschreven: { $path }
build-failed = bouwen mislukt: { $counts }; { $output } is niet veranderd
build-done = { $pages } pagina's gebouwd ({ $entries } items: { $per_language }), { $files } bestanden gekopieerd{ $images }, { $warnings } { $warnings ->
        [one] waarschuwing
       *[other] waarschuwingen
    } in { $output } in { $ms } ms
build-done-images = {" "}({ $processed } afbeeldingen bewerkt, { $cached } uit de cache)
check-held-back = achtergehouden: { $path } ({ $reason })
check-note = let op: { $note }

## Fields, site.yaml, kinds of content, YAML, wdhs new, translations (area A)
# De soorten inhoud in meldingen: $kind is home, goal, partner, press, initiative, festival of
# page (Kind::key).

fields-missing = het verplichte veld `{ $name }` ontbreekt { $kind ->
        [home] in de home-pagina
        [goal] in dit doel
        [partner] bij deze partner
        [press] in dit persbericht
        [initiative] in dit bewonersinitiatief
        [festival] in deze editie van het festival
       *[page] in deze pagina
    }
fields-unknown = `{ $name }` is geen veld voor { $kind ->
        [home] de home-pagina
        [goal] een doel
        [partner] een partner
        [press] een persbericht
        [initiative] een bewonersinitiatief
        [festival] een editie van het festival
       *[page] een pagina
    }
fields-unknown-in-item = `{ $name }` is geen veld voor een onderdeel van `{ $list }`
fields-did-you-mean = bedoel je `{ $name }`?
fields-did-you-mean-required = bedoel je `{ $name }`? Dat veld is verplicht
fields-known = de velden zijn: { $list }
fields-add-line = voeg een regel `{ $name }: { $example }` toe aan de velden bovenaan het bestand
fields-add-line-or-shared = voeg een regel `{ $name }: { $example }` toe aan de velden bovenaan het bestand, of aan { $shared } als het veld voor beide talen hetzelfde is
fields-add-line-here = voeg hier een regel `{ $name }: …` toe, of in elk taalbestand als het veld per taal verschilt
fields-not-fields = hier horen velden (regels als `naam: waarde`), maar er staat { $found }
fields-not-fields-hint = schrijf één veld per regel, zoals `title: Mijn titel`
fields-set-twice = het veld `{ $name }` staat er twee keer: in { $first } (regel { $line }) en in { $second }
fields-set-twice-hint = zet het op één plek: velden die voor beide talen gelden in het bestand dat op .yaml eindigt, vertaalde velden in de bestanden die op .md eindigen
fields-wrong-type = het veld `{ $name }` moet { $expected } zijn, maar er staat { $found }
fields-expected-bool = true of false
fields-write-like = schrijf het als `{ $name }: { $example }`
fields-out-of-range = het veld `{ $name }` is { $value }, maar moet tussen { $min } en { $max } liggen
fields-out-of-range-hint = gebruik een heel getal van { $min } tot en met { $max }
fields-bad-date = het veld `{ $name }` is geen geldige datum: `{ $value }`
fields-date-hint = schrijf een datum als jaar-maand-dag, zoals `{ $name }: 2024-04-13`
fields-partial-date-hint = schrijf `{ $name }: 2024`, `{ $name }: 2024-04` of `{ $name }: 2024-04-13`
fields-item-not-text = elk onderdeel van `{ $name }` moet tekst zijn, maar hier staat { $found }
fields-item-not-group = elk onderdeel van `{ $name }` moet een groep velden zijn, maar hier staat { $found }
fields-item-not-group-hint = begin elk onderdeel met `- { $field }: …`
fields-not-web-address = `{ $value }` is geen webadres
fields-not-web-address-hint = schrijf het hele adres, zoals `https://{ $value }`
fields-personal-contact = een perscontact mag geen e-mailadres of telefoonnummer bevatten
fields-personal-contact-hint = noem de organisatie (bijvoorbeeld `Katalys`); journalisten vinden de persvoorlichting via de website van de organisatie
fields-image-alt = de afbeelding heeft geen beschrijving (`image_alt`)
fields-image-alt-hint = voeg `image_alt: …` toe en beschrijf wat er op de afbeelding staat, voor lezers die hem niet kunnen zien

# Wat een waarde is, in meldingen als "het veld `name` moet tekst zijn, maar er staat een lijst".
yaml-type-nothing = niets
yaml-type-bool = ja/nee (true/false)
yaml-type-whole-number = een heel getal
yaml-type-number = een kommagetal
yaml-type-text = tekst
yaml-type-list = een lijst
yaml-type-group = een groep velden

# $subject: front-matter (de velden bovenaan een .md-bestand), site (content/site.yaml) of iets anders.
yaml-invalid = { $subject ->
        [front-matter] de opmaak van de velden bovenaan het bestand klopt niet
        [site] de opmaak van site.yaml klopt niet
       *[other] de opmaak van de velden klopt niet
    }: { $problem }
yaml-tab = deze regel begint met een tab; daar mogen alleen spaties staan
yaml-quote-open-on-line = het aanhalingsteken dat hier begint, wordt op deze regel niet gesloten
yaml-too-large = de velden zijn te groot, of gebruiken `&naam` en `*naam` te vaak
yaml-too-deep = er staan te veel lijsten of groepen in elkaar
yaml-duplicate = het veld `{ $name }` staat er twee keer
yaml-colon = een dubbele punt (:) op een plek waar geen nieuw veld kan beginnen
yaml-list-not-closed = een lijst `[…]` wordt niet gesloten
yaml-group-not-closed = een groep `{"{"}…{"}"}` wordt niet gesloten
yaml-text-after-quote = er staat nog tekst na het sluitende aanhalingsteken
yaml-quote-not-closed = een aanhalingsteken (") wordt geopend maar niet gesloten
yaml-does-not-fit = deze regel past hier niet
# Een fout die wdhs niet kent: $detail is de Engelse tekst van de lezer van de velden.
yaml-other = wdhs begrijpt deze regel niet (de technische melding is: { $detail })
yaml-hint-colon = zet tekst met een dubbele punt (:) tussen aanhalingstekens, zoals `title: "Samen: zo werkt het"`
yaml-hint-list = sluit de lijst op dezelfde regel, zoals `themes: [zorg, energie]`
yaml-hint-group = sluit de groep op dezelfde regel, zoals `{"{"} nl: …, en: … {"}"}`
yaml-hint-quote-on-line = sluit de tekst op deze regel met hetzelfde aanhalingsteken, zoals `title: "Buurtrecht: zo werkt het"`
yaml-hint-quote = een tekst tussen aanhalingstekens moet eindigen met hetzelfde aanhalingsteken, en daarna mag er niets meer op de regel staan
yaml-hint-does-not-fit = elke regel is `naam: waarde`; een onderdeel van een lijst begint met `- ` en springt in onder zijn veld
yaml-hint-twice = elk veld mag maar één keer voorkomen; haal een van de twee regels weg
yaml-hint-tab = vervang de tab aan het begin van de regel door spaties
yaml-hint-colon-or-list = kijk of elke lijst `[…]` op zijn eigen regel gesloten wordt, en of tekst met een dubbele punt tussen aanhalingstekens staat
yaml-hint-too-large = schrijf de velden eenvoudig uit: zonder `&` en `*`, en zonder lijsten of groepen diep in elkaar
yaml-hint-general = kijk of er op deze regel een aanhalingsteken, een haakje of een spatie na de dubbele punt ontbreekt

entry-empty = het bestand is leeg
entry-empty-hint = zet bovenaan het bestand de velden tussen twee regels `---`, of verwijder het bestand
entry-no-front-matter = het bestand begint niet met de velden tussen twee regels `---`
entry-no-front-matter-hint = zet de velden bovenaan, tussen twee regels met drie streepjes:
    ---
    title: …
    ---
entry-not-closed = na de velden bovenaan het bestand ontbreekt de regel `---`
entry-not-closed-hint = zet een regel met drie streepjes `---` onder het laatste veld
entry-bad-slug = `{ $value }` kan niet als naam in het webadres (`slug:`)
entry-bad-slug-hint = gebruik kleine letters, cijfers en streepjes, zoals `{ $example }`
entry-not-goal-number = `{ $value }` is geen nummer van een doel
entry-not-goal-number-hint = de doelen hebben een nummer; schrijf ze als `goals: [1, 3]`
goal-number-not-number = het veld `number` moet een heel getal van 1 tot en met 99 zijn, maar er staat `{ $value }`
goal-past-programme = het actieprogramma heeft { $count } { $count ->
        [one] doel
       *[other] doelen
    }; er is geen doel { $number }
goal-past-programme-hint = nummer de doelen van 1 tot en met { $count }; `programme_goals` in content/site.yaml zegt hoeveel doelen er zijn
initiative-not-province = `{ $value }` is geen Nederlandse provincie
initiative-provinces = kies uit: { $list }
initiative-not-theme = `{ $value }` is geen thema
initiative-theme-did-you-mean = bedoel je `{ $name }`? De thema's staan in content/site.yaml
initiative-themes = kies een van de thema's uit content/site.yaml: { $list }
partner-not-role = `{ $value }` is geen rol van een partner
partner-not-role-hint = gebruik `role: core` voor kernpartners of `role: signatory` voor organisaties die de intentieverklaring hebben ondertekend

config-not-text = `{ $field }` moet tekst zijn, maar er staat { $found }
config-not-group = `{ $field }` moet een groep velden zijn, maar er staat { $found }
config-not-site-language = `{ $code }` in `{ $field }` is geen taal van de site
config-not-site-language-hint = gebruik de taalcodes uit `languages`: { $codes }
config-no-text-for = `{ $field }` heeft geen tekst voor `{ $code }`
config-no-text-for-hint = voeg `{ $code }: …` toe onder `{ $field }`
config-unsupported-language = wdhs kent de taal `{ $value }` niet
config-unsupported-language-hint = wdhs kent `nl` en `en`; schrijf `languages: [nl, en]`
config-not-full-address = `{ $value }` is geen volledig webadres
config-section-name = `{ $name }` ({ $code }) kan niet in een webadres
config-section-name-hint = gebruik kleine letters, cijfers en streepjes
config-unknown-section = `{ $name }` is geen rubriek van de site
config-sections = de rubrieken zijn: { $list }
config-menu-not-section = `{ $value }` is geen rubriek
config-menu-not-section-hint = een menu-item is een rubriek (`goals`, `press`, …) of een pagina (`page:about`)
config-pagination = `pagination.{ $section }` moet een heel getal groter dan 0 zijn, voor een rubriek van de site
config-feed-limit = `feed_limit` moet een heel getal groter dan 0 zijn
config-programme-goals = `programme_goals` moet een heel getal van 1 tot en met 99 zijn
config-programme-goals-hint = schrijf hoeveel doelen het actieprogramma heeft, zoals `programme_goals: 5`
config-unknown-field = `{ $name }` is geen veld van site.yaml
config-fields = de velden van site.yaml zijn: { $list }
config-missing = het verplichte veld `{ $name }` ontbreekt in site.yaml
config-missing-hint = voeg een regel `{ $name }: …` toe

new-example-text = `{ $text }` is voorbeeldtekst van `wdhs new`
new-example-text-hint = schrijf hier de echte tekst voordat de pagina gepubliceerd wordt
new-unknown-kind = wdhs new kent de soort `{ $kind }` niet
new-unknown-kind-hint = kies uit: { $kinds } (in het Nederlands mag ook: persbericht, initiatief, doel, pagina)
new-not-site-language = `{ $lang }` is geen taal van de site
new-unknown-language-hint = gebruik --lang nl of --lang en
new-site-languages-hint = kies een van de talen uit content/site.yaml
new-bad-date = `{ $value }` is geen datum
new-bad-date-hint = schrijf de datum als --date 2024-04-13
new-no-letters = in de titel `{ $title }` staan geen letters of cijfers om een bestandsnaam van te maken
new-no-letters-hint = geef een titel met woorden erin
new-no-site = hier staat geen content/site.yaml
new-no-site-hint = start wdhs new in de map van de site, of geef die map op met --root
new-exists = { $path } bestaat al; er is niets geschreven
new-exists-hint = kies een andere titel, of werk verder in de bestanden die er al zijn
new-goals-complete = het actieprogramma heeft { $count } { $count ->
        [one] doel, en dat bestaat
       *[other] doelen, en die bestaan alle { $count }
    } al; er is niets geschreven
new-goals-complete-hint = pas een van de doelen in content/goals/ aan, of verhoog `programme_goals` in content/site.yaml als het actieprogramma er een doel bij krijgt
new-cannot-write = kan { $path } niet schrijven: { $error }

# wdhs translations: de kopjes en woorden van de tabel (de JSON houdt zijn Engelse namen).
translations-heading = Vertalingen
translations-kind = soort
translations-stem = naam
translations-outdated = verouderd
translations-missing = ontbreekt
translations-placeholder = nog te vertalen
translations-present = aanwezig
translations-yes = ja
translations-no = nee
translations-unknown = onbekend
translations-summary = { $entries } { $entries ->
        [one] item
       *[other] items
    }, waarvan { $left } nog vertaalwerk { $left ->
        [one] heeft
       *[other] hebben
    }
translations-no-site = hier staat geen content/site.yaml; start wdhs in de map van de site, of geef die map op met --root
translations-outdated-unknown = { $reason }, dus is niet bekend welke vertalingen verouderd zijn

history-no-git = git is niet geïnstalleerd
history-no-repository = de site staat niet in een git-repository
history-in-commit = in { $commit } ({ $date })
history-uncommitted = in wijzigingen die nog niet gecommit zijn
# $lang: de taalcode van de vertaling (nl of en).
history-outdated = de { $lang ->
        [nl] Nederlandse
       *[other] Engelse
    } vertaling is misschien verouderd: { $source } is veranderd { $source_change }, dit bestand het laatst { $change }
history-outdated-hint = werk de vertaling bij en commit dan beide bestanden

## Files, Markdown, links, references, the theme, SVG (area B)

## Building, images, the output folder, serve (area C)
