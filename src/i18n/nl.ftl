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
help-root = De map van de site (die met content/ en themes/ erin); standaard de huidige map
help-drafts = Neem concepten en persberichten onder embargo mee
help-build = Bouw de site in de map voor de uitvoer (standaard public/)
help-output = Waar de site komt, gezien vanuit de huidige map
help-base-url = In plaats van base_url uit site.yaml, bijvoorbeeld https://example.org/wdhs/
help-check = Controleer de hele site en meld elk probleem, zonder iets te schrijven
help-format = text (standaard), of github voor meldingen in GitHub Actions
help-external = Vraag ook andere websites of de links ernaartoe nog werken (dode links zijn waarschuwingen)
help-strict = Ook bij waarschuwingen mislukken
help-new = Maak een nieuw item (een bestand per taal, en het bestand met gedeelde velden als dat soort er een heeft)
help-new-kind = press, initiative, partner, goal, page of festival
help-new-title = De titel (of naam) in de taal waarin je eerst schrijft; de bestandsnaam komt daarvan
help-new-date = De datum, voor soorten die er een hebben (JJJJ-MM-DD); standaard vandaag
help-translations = Toon elk item met de stand van zijn vertalingen; wat nog moet bovenaan
help-translations-format = text (standaard), markdown of json
help-serve = Bekijk de site: bouw hem, toon hem op 127.0.0.1 en ververs de browser bij elke keer opslaan
help-bind = Het adres waarop wdhs luistert (standaard 127.0.0.1). Laat het op 127.0.0.1, tenzij je weet waarom niet
help-port = De poort (standaard 1111); is die bezet, dan wordt de volgende vrije gebruikt (0: een willekeurige vrije)
help-open = Open de site in een browser
help-poll = Kijk elke 300 ms zelf of er iets veranderd is (netwerkschijven, WSL, Docker)
help-quiet = Toon alleen problemen: geen voortgang, en geen samenvatting als alles goed ging
usage-unknown-argument = `{ $what }` is geen optie van deze opdracht
usage-unknown-command = `{ $what }` is geen opdracht van wdhs
usage-invalid-value = `{ $value }` is geen waarde die `{ $what }` kent
usage-missing-argument = deze opdracht mist iets: { $what }
usage-missing-command = zeg wat wdhs moet doen: build, check, serve, new of translations
usage-other = de opdracht is niet compleet of niet goed
usage-bad-value = `{ $value }` is geen goede waarde voor `{ $what }`
usage-valid-values = kies uit: { $values }
usage-meant-command = bedoel je `wdhs { $command }`?
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
fields-add-line-or-shared = voeg een regel `{ $name }: { $example }` toe aan de velden bovenaan het bestand, of aan { $shared } als het veld voor alle talen hetzelfde is
fields-add-line-here = voeg hier een regel `{ $name }: …` toe, of in elk taalbestand als het veld per taal verschilt
fields-not-fields = hier horen velden (regels als `naam: waarde`), maar er staat { $found }
fields-not-fields-hint = schrijf één veld per regel, zoals `title: Mijn titel`
fields-set-twice = het veld `{ $name }` staat er twee keer: in { $first } (regel { $line }) en in { $second }
fields-set-twice-hint = zet het op één plek: velden die voor alle talen gelden in het bestand dat op .yaml eindigt, vertaalde velden in de bestanden die op .md eindigen
fields-wrong-type = het veld `{ $name }` moet { $expected } zijn, maar er staat { $found }
fields-expected-bool = true of false
fields-write-like = schrijf het als `{ $name }: { $example }`
fields-out-of-range = het veld `{ $name }` is { $value }, maar moet tussen { $min } en { $max } liggen
fields-out-of-range-hint = gebruik een heel getal van { $min } tot en met { $max }
fields-bad-date = het veld `{ $name }` is geen geldige datum: `{ $value }`
fields-date-meant = bedoel je `{ $name }: { $date }`? Een datum schrijf je als jaar-maand-dag, met gewone streepjes
fields-date-hint = schrijf een datum als jaar-maand-dag, zoals `{ $name }: 2024-04-13`
fields-partial-date-hint = schrijf `{ $name }: 2024`, `{ $name }: 2024-04` of `{ $name }: 2024-04-13`
fields-list-as-text = `{ $name }` staat er als één tekst met komma's; een lijst staat tussen blokhaken
fields-item-bullet = de onderdelen van `{ $name }` beginnen met `{ $sign }`, en dat is geen lijstteken: YAML leest ze als één tekst
fields-item-invisible = in `{ $value }` staat een onzichtbaar teken ({ $code }), vaak meegekopieerd uit een webpagina of Word: daarmee wordt de naam niet gevonden
fields-item-invisible-hint = haal `{ $value }` weg en typ het opnieuw
fields-lost-apostrophe = YAML leest `{ $typed }` als `{ $read }`: het ziet de eerste apostrof als aanhalingsteken, en die apostrof valt weg
fields-lost-apostrophe-hint = zet de tekst tussen dubbele aanhalingstekens: `{ $fixed }`
fields-empty-list = `{ $name }` is leeg, en er moet er minstens één in
fields-item-twice = `{ $value }` staat twee keer in `{ $name }`
fields-item-twice-hint = haal er een van de twee weg
fields-item-not-text = elk onderdeel van `{ $name }` moet tekst zijn, maar hier staat { $found }
fields-item-not-group = elk onderdeel van `{ $name }` moet een groep velden zijn, maar hier staat { $found }
fields-item-not-group-hint = begin elk onderdeel met `- { $field }: …`
fields-not-web-address = `{ $value }` is geen webadres
fields-not-web-address-hint = schrijf het hele adres, zoals `https://{ $value }`
fields-personal-contact = een perscontact mag geen e-mailadres of telefoonnummer bevatten
fields-personal-contact-hint = noem de organisatie (bijvoorbeeld `Katalys`); journalisten vinden de persvoorlichting via de website van de organisatie
fields-image-alt = de afbeelding heeft geen beschrijving (`image_alt`)
fields-image-alt-here = de afbeelding `{ $image }` uit { $shared } heeft in dit bestand geen beschrijving (`image_alt`)
fields-image-alt-here-hint = voeg hier `image_alt: …` toe, in de taal van dit bestand, en beschrijf wat er op de afbeelding staat, voor lezers die hem niet kunnen zien
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
yaml-odd-space = hier staat een spatie die geen gewone spatie is ({ $code }, vaak meegekopieerd uit Word of een webpagina); YAML leest die niet als spatie
yaml-hint-odd-space = haal hem weg en typ een gewone spatie
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
yaml-starts-with-sign = een tekst die begint met het teken { $sign } moet tussen aanhalingstekens staan: YAML geeft dat teken een eigen betekenis
yaml-escape = een backslash (\) tussen dubbele aanhalingstekens begint een speciaal teken, en `\{ $after }` is er geen
yaml-second-document = de regel `---` begint een tweede deel van het bestand, en dit bestand heeft er maar één
yaml-no-space-after-colon = na de dubbele punt van `{ $name }:` staat geen spatie
yaml-cut-by-comment = de tekst na ` #` zou wegvallen: YAML leest dat als een notitie
yaml-text-on-two-lines = de tekst van `{ $name }` loopt door op deze regel, maar in de velden staat een tekst op één regel
yaml-hint-one-line = zet de tekst op één regel: `{ $fixed }`
yaml-note-not-yaml = een notitie schrijf je in de velden met een # ervoor; YAML kent `//` en `<!--` niet
yaml-hint-note = schrijf `{ $fixed }`: wat na een # staat, leest wdhs niet
yaml-indented-first = deze regel begint met spaties, maar er staat geen veld boven waar hij bij kan horen
yaml-hint-indented-first = begin de regel helemaal links, zonder spaties
yaml-other = wdhs begrijpt deze regel niet (de technische melding is: { $detail })
yaml-more-mistakes = wdhs is na { $count } fouten gestopt met het lezen van deze velden; vanaf deze regel staan er nog meer
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
yaml-hint-more-mistakes = verbeter de fouten hierboven en draai `wdhs check` opnieuw om de rest te zien
yaml-hint-quote-text = zet de tekst tussen aanhalingstekens: `{ $fixed }`
yaml-hint-escape = schrijf twee backslashes (`\\`) voor één, of zet de tekst tussen enkele aanhalingstekens ('…')
yaml-hint-second-document = haal de regels `---` weg: in een bestand dat op .yaml eindigt, staan de velden zonder streepjes erboven en eronder
yaml-hint-space = zet een spatie na de dubbele punt: `{ $fixed }`

entry-empty = het bestand is leeg
entry-empty-hint = zet bovenaan het bestand de velden tussen twee regels `---`, of verwijder het bestand
entry-no-front-matter = het bestand begint niet met de velden tussen twee regels `---`
entry-no-front-matter-hint = zet de velden bovenaan, tussen twee regels met drie streepjes:
    ---
    title: …
    ---
entry-not-closed = na de velden bovenaan het bestand ontbreekt de regel `---`
entry-not-closed-hint = zet een regel met drie streepjes `---` onder het laatste veld
entry-empty-slug = `slug:` is leeg
entry-empty-slug-hint = zet het adres van de pagina erachter, zoals `slug: { $stem }`, of haal de regel weg: dan is de naam van het bestand het adres
entry-bad-slug = `{ $value }` kan niet als naam in het webadres (`slug:`)
entry-bad-slug-hint = gebruik kleine letters, cijfers en streepjes, zoals `{ $example }`
entry-bad-alias = `{ $value }` is geen adres van de site
entry-bad-alias-hint = schrijf het oude adres zoals het op de site stond, vanaf de eerste schuine streep: `aliases: [/pers/oude-naam/]`; alleen letters, cijfers en streepjes, of een oude pagina die op `.html` eindigt
render-alias-taken = het oude adres `/{ $path }` is nu ook het adres van een andere pagina of een bestand van de site
render-alias-taken-hint = haal het weg uit `aliases`: wie dat adres opent, komt al ergens op de site
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
config-unsupported-language = `{ $value }` is geen taalcode
config-unsupported-language-hint = schrijf een taalcode in kleine letters, zoals `nl`, `en`, `fy` of `pt-br`; de eerste taal staat in de hoofdmap van de site, elke andere onder haar code (`/fy/`)
config-same-language = `{ $value }` staat twee keer in `languages`
config-same-language-hint = noem elke taal één keer
config-address-sign = een webadres kan geen `{ $sign }` bevatten; schrijf het adres zoals de browser het laat zien
config-not-full-address = `{ $value }` is geen volledig webadres
config-section-taken = de sectie `{ $section }` heet `{ $name }` (taal `{ $code }`), net als `{ $other }`: dan staan beide lijsten op hetzelfde adres
config-section-taken-hint = geef elke sectie in elke taal een eigen naam
config-theme-id = de themanaam `{ $name }` kan niet in een webadres staan (elk thema heeft een eigen pagina)
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
new-site-languages-hint = gebruik --lang met een van de talen uit content/site.yaml: { $codes }
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
history-uncommitted = in wijzigingen die je nog niet hebt vastgelegd (commit)
# $lang: de taalcode van de vertaling (nl of en).
history-outdated = de { $lang ->
        [nl] Nederlandse
       *[other] Engelse
    } vertaling is misschien verouderd: { $source } is veranderd { $source_change }, dit bestand het laatst { $change }
history-outdated-hint = werk de vertaling bij en leg daarna beide bestanden samen vast (commit); hoeft de vertaling niet mee te veranderen (je verbeterde een tikfout), zet dan `[vertaling klopt]` in de eerste regel van de beschrijving van je commit

## Files, Markdown, links, references, the theme, SVG (area B)

load-no-content = er is geen map content
load-no-content-hint = start wdhs in de map van de site (de map met content/ erin), of geef die map op met --root; gezocht in { $path }
load-link-circle = deze snelkoppeling (link) wijst naar snelkoppelingen die weer naar haar wijzen (een kringloop); ze is overgeslagen
load-link-loop = deze snelkoppeling (link) wijst terug naar een map waar ze zelf in staat (een kringloop); ze is overgeslagen
load-cannot-read = dit is niet te lezen: { $error }
load-cannot-read-hint = verwijder of herstel de snelkoppeling of het bestand
load-link-to-nothing = deze snelkoppeling (link) wijst naar `{ $target }`, maar dat bestaat niet
load-link-to-nothing-hint = verwijder de snelkoppeling, of zet het bestand zelf hier neer
load-not-a-file = dit is geen gewoon bestand (maar een apparaat, een pipe of een map); wdhs leest alleen bestanden
load-link-other-kind = dit is een snelkoppeling (link) naar `{ $target }`; een link mag alleen staan voor een afbeelding of document van dezelfde soort, nooit voor de tekst van een pagina
load-link-outside = dit is een snelkoppeling (link) naar `{ $target }`, buiten de inhoud van de site; wdhs leest nooit bestanden buiten de map van de site
load-link-outside-elsewhere = een andere map
load-link-outside-hint = kopieer het bestand zelf naar deze map, in plaats van een snelkoppeling ernaartoe te maken
load-folder-gone = de map `{ $folder }` is verwijderd terwijl wdhs hem las
load-folder-gone-hint = vervang of kopieer je de map? Zodra hij terug is, bouwt wdhs opnieuw
load-unknown-folder = de map `{ $folder }` is geen soort inhoud; de bestanden erin worden niet gebruikt
load-unknown-folder-did-you-mean = bedoel je `{ $folder }`?
load-content-folders = de mappen voor inhoud zijn: { $folders }
load-dot-too-many = in de naam staan twee punten achter elkaar voor `md`
load-dot-too-many-hint = geef het bestand de naam `{ $name }`
load-unknown-language = `{ $code }` is geen taal van deze site ({ $codes })
load-unknown-language-hint = geef het bestand de naam `{ $base }.{ $first }.md`, of die met een andere taalcode van de site: { $codes }
load-no-language = de bestandsnaam zegt niet in welke taal het bestand is
load-no-language-hint = geef het bestand de naam `{ $stem }.{ $first }.md`, en elke vertaling een eigen bestand (de talen van de site: { $codes })
load-nested-entry = items moeten direct in content/{ $folder }/ staan, niet in een map daaronder; dit bestand wordt niet gebruikt
load-nested-entry-hint = verplaats het bestand naar content/{ $folder }/{ $name }
load-bad-file-name = de bestandsnaam `{ $name }` kan geen webadres worden: vóór `{ $rest }` mogen alleen kleine letters, cijfers en streepjes (-) staan
load-bad-file-name-example = geef het bestand een naam zoals `mijn-pagina{ $rest }`
load-bad-file-name-hint = geef het bestand de naam `{ $suggestion }{ $rest }` (en ook de andere bestanden met dezelfde naam)
load-bad-asset-name = de naam `{ $name }` kan niet in een webadres staan: er zitten spaties, accenten of andere tekens in
resolve-bad-name-hint = geef het bestand de naam `{ $renamed }` (alleen letters, cijfers, - en _) en schrijf die naam hier
load-bad-asset-name-hint = geef het bestand de naam `{ $suggestion }` (alleen letters, cijfers, - en _), en gebruik de nieuwe naam overal waar het bestand genoemd wordt
load-file-type = bestanden van dit soort (`{ $kind }`) worden niet gepubliceerd
load-web-file-hint = schrijf pagina's in Markdown (`<naam>.nl.md` en `<naam>.en.md`); de opmaak en de scripts van de site komen uit het thema
load-text-as-page = is het een pagina? Geef het bestand dan een naam als `{ $name }` (`.en.md` voor Engels) en de velden bovenaan, zoals het handboek laat zien
load-rename-text-file = is het een tekst of zijn het de velden van een item, geef het bestand dan de naam `{ $name }`
load-file-type-hint = verwijder het bestand, of sla het op als PDF; de site publiceert afbeeldingen (JPEG, PNG, WebP, GIF, SVG), PDF, kantoordocumenten en CSV
io-not-found = het bestand of de map bestaat niet (meer)
io-permission-denied = wdhs heeft geen toestemming van de computer
io-is-a-directory = er staat een map waar een bestand moet komen
io-not-a-directory = er staat een bestand waar een map moet komen
io-already-exists = er staat al een bestand of map met die naam
io-disk-full = de schijf is vol
io-read-only = op deze schijf mag niet geschreven worden
io-invalid-name = de naam is te lang, of bevat een teken dat niet mag
load-cannot-read-file = het bestand kan niet gelezen worden: { $error }
load-too-large = het bestand is te groot ({ $size }; hoogstens { $limit })
load-too-large-hint = verdeel de tekst over meer pagina's
svg-too-large = de tekening is te groot ({ $size }; hoogstens { $limit })
svg-too-large-hint = maak de tekening eenvoudiger, of sla haar op als PNG
decimal-mark = ,
load-zero-character = in het bestand staat een onzichtbaar nulteken (een NUL-byte)
load-zero-character-hint = zo'n teken komt meestal mee met tekst die je uit een PDF of een ander programma kopieert: verwijder het teken hier, of typ de regel opnieuw
load-not-utf8 = het bestand is geen UTF-8-tekst
load-not-utf8-hint = sla het bestand in je tekstprogramma op als UTF-8 (bij "Opslaan als" kies je de codering UTF-8)
diagnostic-more-in-file = en nog { $count } in dit bestand (alleen de eerste { $shown } problemen staan hierboven)
markdown-not-a-link = dit lijkt een link, maar het staat er als gewone tekst
markdown-not-a-link-hint = schrijf een link als `[tekst](adres)`: geen spatie tussen `]` en `(`, geen spaties in het adres, en sluit af met `)`
markdown-bullet = deze regel begint met `{ $sign }`, en dat maakt geen lijst: de regels lopen door als één alinea
markdown-bullet-hint = begin elk punt met een gewoon streepje en een spatie (`- Een punt`), met een lege regel boven de lijst
markdown-heading-space = dit lijkt een kop, maar het staat er als gewone tekst
markdown-heading-space-hint = zet een spatie na `{ $hashes }`, zoals `{ $hashes } Titel`
markdown-more-like-this = en nog { $count } van dit soort in dit bestand (alleen de eerste { $shown } staan hierboven)
festival-year-not-name = de naam van het bestand zegt { $named }, maar de datum van het festival is in { $year }
festival-year-not-name-hint = klopt de datum, geef de bestanden van het festival dan een naam met { $year }; zo niet, pas dan de datum aan
markdown-too-deep = citaten of lijsten staan hier meer dan { $max } lagen diep in elkaar
markdown-too-deep-hint = zet minder `>` of lijsttekens aan het begin van de regel
markdown-too-much-markup = deze tekst heeft meer regels en opmaaktekens (`*`, `#`, `[`, `<`, …) dan één pagina mag hebben, { $max }: dit teken valt erbuiten
markdown-too-much-markup-hint = verdeel de tekst over meer pagina's; staan er weinig woorden in, kijk dan of een teken per ongeluk heel vaak herhaald is
markdown-heading-attributes = na een kop mag alleen een anker (`{"{"}#naam{"}"}`) staan; de rest tussen de accolades wordt weggelaten
markdown-heading-attributes-hint = haal weg wat na de kop tussen `{"{"}` en `{"}"}` staat, behalve `#naam`
markdown-heading-1 = een kop van niveau 1 (`#`) in de tekst; de titel van de pagina is al de kop van niveau 1
markdown-heading-1-hint = begin koppen in de tekst met `##`
markdown-heading-skipped = een kop van niveau { $level } volgt op niveau { $previous }: zo sla je een niveau over
markdown-heading-skipped-hint = gebruik hier `{ $marks }`, zodat mensen met een schermlezer de opbouw van de pagina kunnen volgen
markdown-no-alt = de afbeelding heeft geen beschrijving (alt-tekst)
markdown-no-alt-hint = beschrijf tussen de haken wat er op de foto staat: `![Bewoners bij de dorpsmolen](molen.jpg)`
markdown-link-no-text = de link heeft geen tekst
markdown-link-no-text-hint = schrijf tussen de haken waar de link naartoe gaat: `[het actieprogramma](@/goals)`
markdown-link-vague = de linktekst `{ $text }` zegt niet waar de link naartoe gaat
markdown-link-vague-hint = kies woorden die ook op zichzelf duidelijk zijn, zoals `[lees het actieprogramma](@/goals)`
markdown-image-elsewhere = de afbeelding `{ $url }` staat op een andere website; afbeeldingen op deze site zijn eigen bestanden
markdown-image-elsewhere-hint = sla de foto (met toestemming) op naast het item en schrijf de bestandsnaam, zoals `![Bewoners bij de molen](molen.jpg)`; een foto van een andere site wordt daar opgehaald en vertelt die site wie de pagina leest
markdown-own-computer = `{ $link }` is een plek op je eigen computer, en daar kunnen lezers van de site niet bij
markdown-own-computer-hint = kopieer het bestand naar de map van dit bestand en schrijf alleen de naam, zoals `{ $name }`
markdown-link-scheme = een link naar een `{ $scheme }:`-adres mag niet; links mogen gaan naar webpagina's (https:), e-mailadressen (mailto:), telefoonnummers (tel:) en de eigen pagina's en bestanden van de site
markdown-link-scheme-hint = haal de link weg, of schrijf het volledige webadres, dat begint met https://
markdown-anchor-missing = de link wijst naar het anker `#{ $anchor }`, maar op deze pagina staat geen kop met dat anker
markdown-raw-html = HTML in de tekst wordt als gewone tekst getoond, niet als HTML: `{ $html }`
markdown-raw-html-hint = gebruik Markdown (een link als `[tekst](adres)`, een afbeelding als `![beschrijving](foto.jpg)`), of schrijf `\<` als je een `<` wilt laten zien
markdown-anchor-did-you-mean = bedoel je `#{ $anchor }`?
markdown-no-anchors-here = deze pagina heeft geen koppen om naar te linken
markdown-no-anchors-there = die pagina heeft geen koppen om naar te linken
markdown-anchors-here = de ankers op deze pagina zijn: { $anchors }
markdown-anchors-there = de ankers op die pagina zijn: { $anchors }
resolve-held-draft = concept, met draft: true
resolve-held-embargo = onder embargo tot { $date }
resolve-unsupported-format = `{ $file }` heeft een formaat dat browsers niet kunnen tonen
resolve-file-held = `{ $file }` hoort bij een concept of bij een persbericht onder embargo, en wordt daarmee gepubliceerd, niet eerder
resolve-file-held-hint = link ernaar als dat gepubliceerd is, of geef deze pagina een kopie met een andere naam
resolve-image-missing = de afbeelding `{ $file }` bestaat niet
resolve-file-missing = het bestand `{ $file }` bestaat niet
resolve-named-file-missing-hint = zet het bestand in { $folder }, naast het item, en schrijf de naam vanaf die map (zonder { $folder } ervoor)
resolve-image-unusable = de afbeelding `{ $file }` kan niet gebruikt worden: { $problem }
resolve-image-unusable-hint = open de afbeelding in een fotoprogramma en sla hem opnieuw op als JPEG of PNG (hoogstens 50 miljoen pixels)
resolve-image-unreadable = de afbeelding `{ $file }` kan niet gebruikt worden
resolve-anchor-missing = de link wijst naar het anker `#{ $anchor }`, maar in { $page } staat geen kop met dat anker
resolve-markdown-file = `{ $link }` linkt naar een Markdown-bestand
resolve-markdown-file-hint = link naar een pagina met `@/<soort>/<naam>`, zoals `[het festival](@/festival/2024)`
resolve-linked-image-missing-hint = zet de afbeelding in { $folder } en schrijf de naam vanaf die map (zonder { $folder } ervoor); link naar een pagina met `@/<soort>/<naam>`
resolve-linked-file-missing-hint = zet het bestand in { $folder } en schrijf de naam vanaf die map (zonder { $folder } ervoor); link naar een pagina met `@/<soort>/<naam>`
resolve-meant-web-address = bedoel je `{ $meant }`? Een adres op een andere website begint met https://
resolve-meant-mail-address = bedoel je `{ $meant }`? Een link naar een e-mailadres begint met mailto:
resolve-meant-other-folder = bedoel je `{ $meant }`? Schrijf de naam vanaf de map van het item, met de map waar het bestand in staat
resolve-image-elsewhere-hint = sla de afbeelding (met toestemming) op in { $folder } en schrijf de naam vanaf die map; een afbeelding van een andere site wordt daar opgehaald en vertelt die site wie de pagina leest
resolve-meant-other-capitals = bedoel je `{ $meant }`? Hoofdletters tellen mee in de naam van een bestand op de website, ook als je computer ze niet ziet
resolve-link-invisible = in de link `{ $link }` staat een teken dat je niet ziet ({ $code }), meegekopieerd van een webpagina of uit Word
resolve-link-invisible-hint = typ de link opnieuw: `{ $link }`
resolve-unknown-kind = `@/{ $link }` noemt geen soort inhoud
resolve-did-you-mean = bedoel je `@/{ $link }`?
resolve-kinds = schrijf `@/<soort>/<naam>`, met als soort een van: { $kinds }
resolve-pages-not-a-page = `@/pages` is geen pagina
resolve-pages-not-a-page-hint = link naar één pagina, zoals `@/pages/about`
resolve-not-published = `@/{ $link }` linkt naar een pagina die niet gepubliceerd is (een concept, of onder embargo)
resolve-not-published-hint = publiceer die pagina eerst, of haal de link weg; `wdhs serve --drafts` laat ook concepten zien
resolve-no-such-page = `@/{ $link }` linkt naar een pagina die niet bestaat
resolve-page-names = pagina's heten zoals hun bestand, zonder de taal: content/{ $folder }/<naam>.{ $lang }.md
between-section = de rubriek { $section ->
        [goals] doelen
        [partners] partners
        [press] persberichten
        [initiatives] bewonersinitiatieven
        [festival] festival
       *[other] { $section }
    }
between-same-address = deze pagina zou op /{ $url } komen, maar dat adres is al van { $other }
between-same-address-hint = geef een van de twee een andere naam in het webadres (`slug:`)
between-no-translation = er is geen { $lang ->
        [nl] Nederlandse
        [en] Engelse
        [fy] Friese
       *[other] `{ $lang }`
    } vertaling van deze pagina
between-no-translation-hint = lezers van de { $lang ->
        [nl] Nederlandse
        [en] Engelse
        [fy] Friese
       *[other] `{ $lang }`
    } site zien nu een melding in plaats van deze pagina; maak { $path }
between-same-alt = de beschrijving van de afbeelding (`image_alt`) is dezelfde als in { $path }: lezers in deze taal krijgen hem in de andere taal
between-same-alt-hint = vertaal de beschrijving hier
between-same-text = de tekst van dit bestand is dezelfde als die van { $path }: hij is nog niet vertaald
between-same-text-hint = vertaal de tekst, of laat dit bestand weg tot hij vertaald is
between-shared-alt = de beschrijving van de afbeelding (`image_alt`) staat in het gedeelde bestand, dus elke taal krijgt dezelfde tekst
between-shared-alt-hint = schrijf `image_alt` in plaats daarvan in elk taalbestand, in zijn taal
between-disagree = `{ $field }` is hier `{ $here }`, maar in { $path } `{ $there }`
between-disagree-hint = alle talen moeten hetzelfde zeggen; schrijf `{ $field }` één keer, in { $stem }.yaml
between-goal-number-taken = doel { $number } bestaat al: { $path } heeft ook dat nummer
between-goal-number-taken-hint = elk doel moet een eigen nummer hebben
between-partner-did-you-mean = bedoel je `{ $partner }`? Partners heten zoals hun bestand in content/partners/
between-partners = partners heten zoals hun bestand in content/partners/: { $partners }
between-no-partner = er is geen partner `{ $partner }`
resolve-keep-metadata-not-shown = `{ $file }` staat niet op deze pagina: `keep_metadata` geldt alleen voor een foto die de pagina zelf toont
resolve-keep-metadata-not-shown-hint = noem de foto in `image:` of in de tekst, of haal hem weg uit `keep_metadata`; de gegevens in een foto (waar en wanneer hij gemaakt is) worden anders verwijderd
between-press-contact-no-partner = `{ $name }` is geen partner van de site, dus de pagina noemt het niet als perscontact
between-press-contact-did-you-mean = bedoel je `{ $partner }`? Schrijf de naam, korte naam of bestandsnaam van een partner in content/partners/
between-press-contact-hint = schrijf de naam, korte naam of bestandsnaam van een partner in content/partners/, of laat `press_contact` weg
between-no-goal = er is geen doel { $number }
between-goals = de doelen hebben de nummers { $numbers }
between-menu-no-page = het menu noemt de pagina `{ $page }`, maar die bestaat niet
between-menu-did-you-mean = bedoel je `page:{ $page }`?
between-menu-pages = pagina's heten zoals hun bestand in content/pages/: { $pages }
link-not-on-site = `{ $link }` leidt naar een pagina of bestand dat de site niet heeft
link-other-capitals = `{ $link }` heeft andere hoofdletters dan het adres op de site; de meeste webservers zien dat als een ander adres
link-other-capitals-hint = schrijf `{ $fixed }`
link-outside-base-path = `{ $link }` leidt naar een adres buiten de site: de site staat op { $base }
link-outside-base-path-hint = schrijf `{ $fixed }`, of link naar pagina's van de site met `@/<soort>/<naam>`, zoals `@/goals/zeggenschap`: zulke links kloppen op elk adres
link-anchor-missing = `{ $link }` wijst naar het anker `#{ $anchor }`, maar op die pagina staat geen kop met dat anker
link-did-you-mean = bedoel je `{ $url }`? Link naar pagina's van de site met `@/{ $link }`: wdhs controleert zulke links en past ze aan als een adres verandert
link-write-at-links = link naar pagina's van de site met `@/<soort>/<naam>`, zoals `@/goals/zeggenschap`: wdhs controleert zulke links en past ze aan als een adres verandert
theme-cannot-read = het bestand van het thema kan niet gelezen worden: { $error }
theme-cannot-read-hint = haal het terug uit git (`git checkout themes/`)
theme-ui-text-not-text = de vaste tekst `{ $key }` van het thema moet gewone tekst zijn
theme-ui-text-unknown = `{ $key }` is geen vaste tekst van het thema
theme-ui-text-unknown-placeholder = `{ $placeholder }` in `{ $key }` wordt nooit ingevuld: lezers zouden het zo zien staan
theme-ui-text-placeholders = deze tekst kan { $list } gebruiken
theme-ui-text-no-placeholders = in deze tekst wordt niets tussen accolades ingevuld; schrijf hem helemaal uit
theme-ui-text-missing = de vaste tekst `{ $key }` van het thema ontbreekt
theme-ui-text-missing-hint = voeg `{ $key }: …` toe in het { $lang ->
        [nl] Nederlands
        [en] Engels
        [fy] Fries
       *[other] `{ $lang }`
    }
svg-hint-export = exporteer de tekening opnieuw als gewone SVG (in Inkscape: Opslaan als → Geoptimaliseerde SVG), of sla hem op als PNG; tot die tijd wordt hij niet gepubliceerd
svg-hint-illustrator = exporteer de tekening opnieuw als gewone SVG (in Inkscape: Opslaan als → Geoptimaliseerde SVG; in Illustrator: zet het vinkje bij “Bewerkingsmogelijkheden van Illustrator behouden” uit), of sla hem op als PNG; tot die tijd wordt hij niet gepubliceerd
svg-hint-broken = open de tekening in een tekenprogramma en exporteer hem opnieuw als SVG, of sla hem op als PNG; tot die tijd wordt hij niet gepubliceerd
svg-hint-namespace = zet xmlns="http://www.w3.org/2000/svg" in het element `svg`, of exporteer de tekening opnieuw als SVG; tot die tijd wordt hij niet gepubliceerd
svg-is-raster = dit bestand is geen tekening (SVG) maar een { $format }-afbeelding
svg-hint-rename = verander het eind van de naam van `.svg` in `.{ $extension }`, en schrijf de nieuwe naam waar het bestand gebruikt wordt
svg-not-utf8 = de SVG is geen UTF-8-tekst
svg-not-xml = de SVG is geen geldige XML: { $error }
svg-encoding = volgens de SVG staat de tekst in de codering `{ $label }`; alleen UTF-8 is toegestaan
svg-version = volgens de SVG is het XML-versie `{ $version }`; alleen versie 1.0 is toegestaan
svg-doctype-unreadable = het DOCTYPE van de SVG (de `<!DOCTYPE …>` bovenaan) is niet te lezen
svg-external-entity = het DOCTYPE van de SVG maakt een entiteit (`{ $name }`) die uit een ander bestand gelezen wordt; zo kan er inhoud van elders geladen worden of kunnen er bestanden gelezen worden
svg-entity-with-markup = het DOCTYPE van de SVG maakt een entiteit (`{ $name }`) met opmaakcode of tekencodes erin; zo kan er code verborgen worden voor deze controle
svg-attribute-defaults = het DOCTYPE van de SVG geeft elementen extra attributen (`<!ATTLIST …>`); zo kan er code bijkomen die in de browser van een lezer draait
svg-entity-bomb = het DOCTYPE van de SVG maakt entiteiten die bij het lezen uitgroeien tot meer dan { $max } tekens (een “entiteitenbom”); daardoor kan de browser van een lezer vastlopen
svg-not-svg = het bestand is geen SVG-tekening: het begint met een element `{ $name }`, niet met `svg`
svg-no-namespace = het element `svg` zegt niet dat het SVG is (xmlns="http://www.w3.org/2000/svg" ontbreekt of is anders), dus browsers tonen het niet als tekening
svg-script = de SVG bevat een script-element (`{ $name }`), waarmee code kan draaien in de browser van een lezer
svg-foreign-object = de SVG bevat ingesloten inhoud van een webpagina (`{ $name }`), waarmee code kan draaien in de browser van een lezer
svg-handler = de SVG bevat een element dat op gebeurtenissen reageert (`{ $name }`), waarmee code kan draaien in de browser van een lezer
svg-markup = de SVG bevat { $what } (`{ $name }`), waarmee code kan draaien in de browser van een lezer
svg-markup-html = een HTML-element
svg-markup-mathml = een MathML-element
svg-markup-xml-events = een XML Events-element
svg-markup-xslt = een XSLT-element
svg-markup-xul = een XUL-element
svg-event-attribute = de SVG bevat een opdracht die op een gebeurtenis reageert (`{ $name }`), waarmee code kan draaien in de browser van een lezer
svg-external = `{ $attribute }` haalt `{ $url }` van een andere website als de tekening geopend wordt; de site haalt niets van andere websites
svg-hint-embed = sluit de afbeelding in de tekening in (in Inkscape: Insluiten) of haal dat deel weg, en sla de tekening opnieuw op
svg-address = de SVG linkt naar een `{ $scheme }:`-adres (in `{ $attribute }`), waarmee code kan draaien in de browser van een lezer; een SVG mag alleen linken naar https:-, http:- en mailto:-adressen en naar delen van zichzelf
svg-animated-attribute = de SVG bevat een animatie (`{ $element }`) die `{ $attribute }` verandert, waarmee code kan draaien in de browser van een lezer
svg-animated-address = de SVG bevat een animatie (`{ $element }`) die een `{ $scheme }:`-adres invult, waarmee code kan draaien in de browser van een lezer
svg-instruction = de SVG bevat een verwerkingsinstructie (`<?{ $target } …?>`), waardoor de browser een opmaakbestand of programma van elders kan laden
svg-css = de opmaak van de SVG in { $place } { $what }
svg-css-in-style-element = een `style`-element
svg-css-in-attribute = het attribuut `{ $name }`
svg-css-script = bevat een `javascript:`-adres, waarmee code kan draaien in de browser van een lezer
svg-css-expression = bevat `expression(…)`, waarmee code kan draaien in de browser van een lezer
svg-css-binding = bevat `-moz-binding`, waarmee code kan draaien in de browser van een lezer
svg-css-behavior = bevat `behavior:`, waarmee code kan draaien in de browser van een lezer
svg-css-import = laadt een ander opmaakbestand (`@import`) van elders
svg-css-url = laadt `{ $target }` (met `url(…)`); opmaak in een SVG mag alleen verwijzen naar delen van de tekening zelf, zoals `url(#gradient)`, of naar ingesloten afbeeldingen in PNG, JPEG, GIF of WebP
svg-css-loader = laadt andere bestanden (met `{ $function }…)`)
safe-url-fallback-name = bestand

## Building, images, the output folder, serve (area C)

build-no-site-yaml = er is geen content/site.yaml
build-no-site-yaml-hint = start wdhs in de map van de site, of geef die op met --root; een site heeft content/site.yaml nodig
build-shared-without-language = er is geen taalbestand bij deze gedeelde velden
build-shared-without-language-hint = zet { $stem }.{ $lang }.md ernaast, of gooi dit bestand weg
build-still-placeholder = de { $lang ->
        [nl] Nederlandse
        [en] Engelse
        [fy] Friese
       *[other] `{ $lang }`
    } versie is nog de tijdelijke tekst van `wdhs new`
build-still-placeholder-hint = vertaal hem en haal de regel `{ $marker }` weg; tot dan zien lezers een melding
serve-serving = De site staat klaar op { $url } (stop met Ctrl-C)
serve-port-busy = let op: poort { $wanted } was bezet, dus poort { $used } wordt gebruikt
serve-no-browser = let op: er ging geen browser open; open { $url } zelf
serve-stopped = Gestopt.
serve-rebuilt = gebouwd in { $ms } ms ({ $partial ->
        [yes] { $pages ->
            [one] 1 pagina opnieuw gemaakt
           *[other] { $pages } pagina's opnieuw gemaakt
        }
       *[no] alle { $pages } pagina's gemaakt
    }): { $changed } { $changed ->
        [one] bestand
       *[other] bestanden
    } veranderd, { $removed } weggehaald{ $warnings ->
        [0] {""}
        [one] , 1 waarschuwing
       *[other] , { $warnings } waarschuwingen
    }
serve-first-build-failed = bouwen mislukt in { $ms } ms: { $counts }; er is nog geen site om te laten zien: herstel de fouten hierboven en sla op
serve-build-failed = bouwen mislukt in { $ms } ms: { $counts }; de laatste goede versie blijft te zien
serve-box-title = wdhs: de site kon niet opnieuw gebouwd worden ({ $summary }). Hieronder zie je de laatste goede versie.
serve-no-site-title = wdhs: bouwen mislukt
serve-no-site-heading = De site kon niet gebouwd worden
serve-no-site-text = De problemen staan boven op deze pagina en in het terminalvenster. Sla een verbetering op en deze pagina ververst vanzelf.
serve-no-preview-folder = kan geen map maken voor het voorbeeld: { $error }
serve-no-ctrl-c = kan niet luisteren naar Ctrl-C: { $error }
serve-no-address = kan het adres van het voorbeeld niet lezen: { $error }
serve-no-loopback = kan voor het voorbeeld niet luisteren op een adres van deze computer ({ $error })
serve-port-taken = kan niet luisteren op { $bind }:{ $port } of de poorten daarna ({ $error }); een ander programma gebruikt ze: stop dat, of kies een ander nummer met --port
serve-exposed = waarschuwing: --bind { $address } luistert op { $everywhere ->
        [yes] elk adres van deze computer, voor elke naam
       *[no] een adres dat andere computers kunnen gebruiken
    }: iedereen in je netwerk die deze computer kan bereiken, kan { $drafts ->
        [yes] het voorbeeld lezen, met de concepten en de persberichten onder embargo (--drafts)
       *[no] het voorbeeld lezen
    }. Laat --bind weg (dan luistert het voorbeeld op 127.0.0.1, alleen deze computer), tenzij je het bewust wilt delen.
serve-watch-error = fout bij het volgen van wijzigingen: { $error }
serve-watch-limit = het systeem volgt al zoveel mappen als het mag. Verhoog de grens met `sudo sysctl fs.inotify.max_user_watches=524288`, of gebruik `wdhs serve --poll`
serve-cannot-watch = kan de site niet volgen op wijzigingen: { $error }; probeer `wdhs serve --poll`
serve-cannot-write = kan het voorbeeld niet schrijven: { $error }
serve-misdirected = Dit voorbeeld antwoordt alleen op { $address } of { $localhost }
serve-not-answering = Het voorbeeld antwoordt niet
build-document-not-what-it-says = `{ $name }` is niet het soort bestand dat de naam zegt (er staat iets anders in)
build-document-not-what-it-says-hint = sla het opnieuw op vanuit het programma waarmee het gemaakt is (als PDF of als kantoordocument), en gebruik dat bestand
build-image-left-out = deze afbeelding komt niet op de site: { $problem }
document-pdf-action = dit PDF-bestand bevat een actie die een programma laat uitvoeren bij wie het opent (`/{ $action }`, zoals JavaScript of een formulier dat gegevens verstuurt)
document-pdf-action-hint = maak er een gewone PDF van: kies in het programma waarmee het gemaakt is "Exporteren als PDF" of "Afdrukken naar PDF"; scripts en formulieren horen niet op de site
document-pdf-unreadable = dit PDF-bestand is beveiligd of op een manier ingepakt die wdhs niet kan lezen, dus wdhs kan niet nagaan of er een script in zit
document-pdf-unreadable-hint = sla het opnieuw op zonder beveiliging, bijvoorbeeld met "Afdrukken naar PDF"
document-office-macro = dit bestand bevat macro's of ingebouwde programma's (`{ $part }`)
document-office-macro-hint = sla het op zonder macro's (in LibreOffice: verwijder ze via Extra > Macro's), of publiceer er een PDF van
document-office-external = dit bestand haalt bij het openen `{ $target }` van een andere plek: wat zo binnenkomt kan macro's meebrengen, of een andere site laten weten wie het bestand opent
document-office-external-hint = zet wat het ophaalt in het bestand zelf (in Word: Bestand > Info > Koppelingen naar bestanden bewerken > Koppeling verbreken; voor een sjabloon: Ontwikkelaars > Documentsjabloon, kies Normal), of publiceer er een pdf van
document-office-dde = dit bestand heeft een formule of veld dat een ander programma om gegevens vraagt (`{ $formula }`): dat kan een opdracht uitvoeren als iemand het bestand opent
document-office-dde-hint = zet de uitkomst op die plek in plaats van de formule of het veld, of publiceer er een pdf van
document-office-unreadable = dit kantoorbestand is niet helemaal te lezen (het is beschadigd, of ingepakt op een manier die wdhs niet kan lezen), dus wdhs kan niet zien of er macro's in zitten
document-office-unreadable-hint = open het in het programma waarmee het gemaakt is en sla het opnieuw op, of publiceer er een pdf van
document-csv-formula = deze cel begint als een formule (`{ $cell }`): een spreadsheetprogramma voert die uit als iemand het bestand opent
document-csv-formula-hint = zet de uitkomst in de cel in plaats van de formule; begint de tekst echt met =, +, - of @, zet er dan een apostrof (') voor
build-output-in-the-way = wdhs bouwt niet in { $output }: na het bouwen staat daar alleen de site, en deze map bevat de eigen bestanden van de site; kies een eigen map voor de uitvoer, zoals public/
build-output-not-ours = wdhs bouwt niet in { $output }: die map bevat al bestanden die niet door een eerdere bouw van deze site zijn gemaakt, en na het bouwen zou daar alleen de site staan; kies een nieuwe of lege map voor de uitvoer, of maak deze map eerst zelf leeg als de bestanden erin weg mogen
build-cannot-stage = kan de map voor de uitvoer naast { $output } niet maken: { $error }
build-cannot-replace = kan { $output } niet vervangen: { $error }
build-no-history = { $reason }, dus vertalingen zijn niet vergeleken met hun bron
serve-starting = wdhs bouwt de site…
serve-changed = gewijzigd: { $files }{ $more ->
        [0] {""}
       *[other] {" "}en nog { $more }
    }
render-no-template = het thema heeft geen sjabloon `{ $name }`
render-no-template-hint = haal het terug uit git, of kopieer het uit het standaardthema
render-template-error = fout in het sjabloon: { $error }
render-template-error-hint = verbeter het sjabloon; `wdhs serve` laadt het opnieuw zodra je opslaat
render-cannot-write = kan het bestand voor de site niet schrijven: { $error }
render-same-name = dit bestand en `{ $other }` zouden onder dezelfde naam gepubliceerd worden (met hun verkleinde kopieën)
render-same-name-hint = geef een van de twee bestanden een andere naam
render-published-as = dit bestand zou gepubliceerd worden als `{ $path }`, maar daar zet wdhs zelf al een pagina of bestand
render-published-as-hint = geef het bestand een andere naam
render-name-too-long = dit zou gepubliceerd worden als `{ $path }`, maar die naam is te lang voor een bestand
render-name-too-long-hint = geef het bestand of de map een kortere naam (hoogstens 200 tekens)
render-in-folder-of-file = dit bestand zou gepubliceerd worden als `{ $path }`, maar `{ $file }` is al een pagina of bestand van de site, en een map kan niet dezelfde naam hebben als een bestand
render-in-folder-of-file-hint = geef de map `{ $folder }` een andere naam
render-file-at-folder = dit zou gepubliceerd worden als `{ $path }`, maar daar heeft de site een map nodig, voor `{ $below }`
render-file-at-folder-hint = geef het bestand een andere naam (of de pagina een ander webadres met `slug:`)
render-page-at-site-page = deze pagina zou op /{ $path } komen, maar daar zet de site al een eigen pagina (een startpagina, overzicht, de zoekpagina of een feed)
render-page-at-site-page-hint = geef de pagina een ander webadres met `slug:`
render-site-pages-at-one-address = twee eigen pagina's van de site zouden op /{ $path } komen
render-site-pages-at-one-address-hint = geef de rubriek een andere naam bij `sections`: niet een taalcode en niet het woord dat het thema voor de zoekpagina gebruikt
render-image-unpublishable = de afbeelding kan niet gepubliceerd worden: { $reason }
render-image-unpublishable-hint = open de afbeelding in een fotoprogramma en sla hem opnieuw op als JPEG of PNG
theme-no-strings-for = het thema heeft geen vaste teksten voor de taal `{ $code }`
theme-no-strings-for-hint = voor een taal die het ingebouwde thema niet heeft, heeft de site een eigen thema nodig: kopieer de map `themes/default/` uit de broncode van wdhs naar de site (templates, static en i18n) en maak daarin `{ $path }` met dezelfde sleutels als `i18n/nl.yaml`; of haal `{ $code }` weg uit `languages` in content/site.yaml
lang-names-count = `{ $key }` moet { $count } namen hebben, gescheiden door komma's, maar er staan er { $found }
lang-direction = `direction` moet `ltr` (van links naar rechts) of `rtl` zijn, niet `{ $text }`
lang-address-word = `{ $key }` komt in webadressen en mag alleen kleine letters, cijfers en streepjes hebben, niet `{ $text }`
lang-date-placeholder = `{ $key }` moet elk van { $wanted } noemen en verder geen plaatshouder; kijk naar `{ $placeholder }`
render-internal-no-page = interne fout: een pagina die niet in de site staat
render-internal-no-section = interne fout: dit soort inhoud heeft geen overzichtspagina
render-internal-kind = interne fout: de pagina past niet bij haar soort
render-internal-hint = dit is een fout in wdhs, niet in de site; meld het aan wie wdhs onderhoudt
images-cannot-read = kan de afbeelding niet lezen: { $error }
images-not-an-image = het bestand is geen afbeelding die wdhs kan lezen (JPEG, PNG, WebP of GIF), of het is beschadigd
images-damaged = de afbeelding is beschadigd of niet compleet
images-unsupported-kind = de afbeelding is opgeslagen op een manier die wdhs niet kan lezen
images-cut-off = het bestand houdt te vroeg op, dus er staat maar een deel van de afbeelding in; waarschijnlijk is het kopiëren afgebroken
images-cut-off-hint = kopieer de foto of afbeelding opnieuw van de plek waar hij vandaan komt (de telefoon, de camera, de e-mail), kijk of hij helemaal te zien is als je hem opent, en zet dat bestand hier in de plaats
images-no-pixels = de afbeelding heeft geen pixels
# $width en $height: de grootte van de afbeelding in pixels; $millions: het meeste dat wdhs bewerkt (50).
images-too-many-pixels = de afbeelding is { $width } × { $height } pixels, meer dan wdhs bewerkt (hoogstens { $millions } miljoen pixels)
images-too-many-pixels-hint = maak de foto kleiner, bijvoorbeeld 4000 pixels breed (in Foto's of Paint: formaat wijzigen), en gebruik dat bestand; een telefoon die op 50 of 200 megapixel staat maakt zulke foto's
images-too-few-bytes = de afbeelding zegt { $width } × { $height } pixels te zijn, maar het bestand is maar { $bytes } bytes: dat is geen echte afbeelding, en het maken van de kopieën zou heel lang duren
images-too-tall = de afbeelding is { $width } × { $height } pixels, te hoog voor haar breedte: de kopieën zouden hoger worden dan { $most } pixels, en dat kan WebP niet; knip haar in stukken, of maak haar breder
images-cannot-resize = kan de afbeelding niet verkleinen: { $error }
images-cannot-crop = kan de afbeelding niet bijsnijden: { $error }
# $format: JPEG, PNG of WebP.
images-cannot-encode = kan de afbeelding niet als { $format } opslaan: { $error }
images-unsupported-hint = sla het op als JPEG (foto's) of PNG (logo's, tekeningen) en gebruik dat bestand
cache-no-temporary = kan geen tijdelijke map voor bewerkte afbeeldingen maken: { $error }
cache-in-git = de cache met bewerkte afbeeldingen staat in git: git houdt { $count } { $count ->
        [one] bestand
       *[other] bestanden
    } bij in .wdhs-cache/, en een cache uit een commit kan van alles publiceren; daarom gebruikt wdhs hem nu niet en bewerkt het elke afbeelding opnieuw. Haal hem uit git met `git rm -r --cached .wdhs-cache`
cache-in-git-hint = zet `/.wdhs-cache` in .gitignore: de cache hoort bij één computer
cache-link-replaced = { $folder } was een snelkoppeling (link) naar { $target }: wdhs leest en schrijft zijn cache nooit via een snelkoppeling, dus die is weggehaald en er is een lege map voor in de plaats gekomen
cache-link-replaced-hint = de cache wordt opnieuw gemaakt uit de afbeeldingen; je hoeft niets te doen
cache-link-kept = { $folder } is een snelkoppeling (link), en die kon niet door een map vervangen worden: { $error }
cache-link-kept-hint = verwijder { $folder }; tot dan worden de afbeeldingen bij elke keer bouwen opnieuw bewerkt
write-unsafe-path = onveilige plek voor een bestand van de site: `{ $path }`
write-thread-failed = een van de onderdelen die de site wegschrijven liep vast
# Voortgang terwijl afbeeldingen bewerkt worden (build en serve). In een terminal één regel die
# steeds opnieuw getekend wordt: $bar is zoiets als #####....., $left is progress-left of niets.
progress-bar = Foto's bewerken [{ $bar }] { $done }/{ $total }{ $left }
# Als de uitvoer geen terminal is (CI-logs): één regel per foto.
progress-line = foto { $done } van { $total } bewerkt{ $left }
progress-left = , nog ongeveer { $seconds } s
progress-left-minutes = , nog ongeveer { $minutes } min

## Links naar andere websites (check --external)

external-dead = de link naar `{ $url }` werkt niet: { $why }
external-dead-hint = verbeter het adres of haal de link weg; `wdhs check --external` kijkt de volgende keer opnieuw
external-status = de site antwoordde { $status ->
        [404] 404 (pagina niet gevonden)
        [410] 410 (pagina verwijderd)
       *[other] { $status }
    }
external-no-host = er is geen website met die naam
external-timeout = geen antwoord binnen { $seconds } seconden
external-failed = de site was niet te bereiken ({ $detail })
external-private = hij leidt naar `{ $address }`, een adres op deze computer of in een privénetwerk, en daar vraagt wdhs niets (zet WDHS_EXTERNAL_ALLOW_PRIVATE=1 om het toe te staan)
external-redirects = hij stuurt de bezoeker meer dan { $count } keer door
cli-lang-not-code = `--lang { $value }` is geen taalcode
cli-lang-not-code-hint = schrijf de code van de taal, zoals `--lang nl` of `--lang en`
fault-message = wdhs is gestopt door een fout in wdhs zelf, niet door een fout in je bestanden ({ $fault })
fault-hint = er is niets gepubliceerd of veranderd; probeer het opnieuw, en komt de fout terug, geef dit bericht dan aan wie wdhs beheert
serve-fault = wdhs liep bij het opnieuw maken tegen een fout in zichzelf aan (het bericht hierboven zegt waar); de preview laat de laatste goede versie zien
serve-fault-hint = sla opnieuw op om alles opnieuw te maken; komt de fout terug, geef het bericht dan aan wie wdhs beheert
