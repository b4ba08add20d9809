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
help-external = Vraag ook andere websites of de links ernaartoe nog werken (dode links zijn waarschuwingen)
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

## Files, Markdown, links, references, the theme, SVG (area B)

## Building, images, the output folder, serve (area C)

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
