#!/usr/bin/env python3
"""Deterministic synthetic bilingual corpus for benchmarking wdhs (and equivalent Hugo and Zola sites).

    python3 bench/gen_corpus.py N [--wdhs OUT/corpus-N] [--hugo OUT/hugo-N] [--zola OUT/zola-N]

N is the number of entries per language: 70% initiatives, 30% press releases, each with about
600 words of Markdown per language (## headings, emphasis, a bullet list, a table, a blockquote
and 2-3 internal `@/kind/stem` links to sibling pages). Around them: site.yaml, 5 goals,
10 partners, an about page, one festival edition and the home page, in Dutch and English.

Only the Python standard library is used. The output depends on N alone: the same N always
gives byte-identical files (random.Random seeded with a fixed seed and N; no set iteration, no
dates from the clock).

Besides content/, the wdhs folder gets `expected.json`: the number of entries, the output paths
every entry page must have (`expected_entry_pages`) and the exact number of `index.html` pages a
build is expected to write (`expected_index_pages`, computed from wdhs's URL scheme).
"""

import argparse
import json
import math
import os
import random
import re
import shutil
import sys

SEED = 20240413
LANGS = ("nl", "en")

PROVINCES = [
    "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg",
    "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
]
PLACES = {
    "Drenthe": ["Assen", "Emmen", "Meppel", "Coevorden", "Westerbork", "Dwingeloo"],
    "Flevoland": ["Almere", "Lelystad", "Dronten", "Urk", "Emmeloord", "Zeewolde"],
    "Friesland": ["Reduzum", "Leeuwarden", "Sneek", "Heerenveen", "Dokkum", "Ternaard"],
    "Gelderland": ["Arnhem", "Nijmegen", "Zutphen", "Ede", "Winterswijk", "Tiel"],
    "Groningen": ["Groningen", "Delfzijl", "Winsum", "Appingedam", "Ter Apel", "Loppersum"],
    "Limburg": ["Maastricht", "Venlo", "Heerlen", "Roermond", "Weert", "Gulpen"],
    "Noord-Brabant": ["Eindhoven", "Tilburg", "Breda", "Helmond", "Oss", "Boxtel"],
    "Noord-Holland": ["Haarlem", "Alkmaar", "Hoorn", "Zaandam", "Den Helder", "Hilversum"],
    "Overijssel": ["Zwolle", "Deventer", "Enschede", "Hengelo", "Ommen", "Raalte"],
    "Utrecht": ["Utrecht", "Amersfoort", "Houten", "Zeist", "Veenendaal", "Woerden"],
    "Zeeland": ["Middelburg", "Vlissingen", "Goes", "Zierikzee", "Terneuzen", "Hulst"],
    "Zuid-Holland": ["Rotterdam", "Delft", "Leiden", "Gouda", "Dordrecht", "Schiedam"],
}

THEMES = [
    ("zorg", "Zorg en welzijn", "Care and welfare"),
    ("energie", "Energie", "Energy"),
    ("wonen", "Wonen", "Housing"),
    ("voorzieningen", "Dorps- en buurtvoorzieningen", "Village and neighbourhood facilities"),
    ("buurteconomie", "Buurteconomie", "Neighbourhood economy"),
    ("ontmoeting", "Ontmoeting", "Meeting and connection"),
    ("duurzaamheid", "Duurzaamheid en grond", "Sustainability and land"),
]

# (stem, nl section, en section); the order is the menu order.
SECTIONS = [
    ("goals", "doelen", "goals"),
    ("initiatives", "initiatieven", "initiatives"),
    ("press", "pers", "press"),
    ("partners", "partners", "partners"),
    ("festival", "festival", "festival"),
]
SECTION_URL = {kind: {"nl": nl, "en": en} for kind, nl, en in SECTIONS}
PAGINATION = {"press": 20, "initiatives": 24}
FEED_LIMIT = 20

GOALS = [
    ("samen-normaal", 2030, ("Samen is normaal", "Together is normal"), ("Samen normaal", "Together normal")),
    ("zeggenschap", 2027, ("Bewoners beslissen mee", "Residents decide too"), ("Zeggenschap", "Say")),
    ("samenwerkingswetten", 2028, ("Wetten die samenwerking helpen", "Laws that help cooperation"), ("Wetten", "Laws")),
    ("financiering", 2029, ("Geld dat past", "Money that fits"), ("Financiering", "Funding")),
    ("kennis", 2030, ("Kennis die blijft", "Knowledge that lasts"), ("Kennis", "Knowledge")),
]

PARTNERS = [
    ("katalys", "Katalys", "core"),
    ("lvkk", "Landelijke Vereniging van Kleine Kernen", "core"),
    ("lsa", "LSA bewoners", "core"),
    ("nlzve", "Nederland Zorgt Voor Elkaar", "core"),
    ("nov", "NOV", "signatory"),
    ("oranje-fonds", "Oranje Fonds", "signatory"),
    ("doen", "Stichting DOEN", "signatory"),
    ("vsbfonds", "VSBfonds", "signatory"),
    ("cooplink", "Cooplink", "signatory"),
    ("buurtfonds", "Buurtfonds", "signatory"),
]

INITIATIVE_KINDS = [
    ("Energiecoöperatie", "energiecooperatie", "energie"),
    ("Zorgcoöperatie", "zorgcooperatie", "zorg"),
    ("Dorpshuis", "dorpshuis", "voorzieningen"),
    ("Buurtwinkel", "buurtwinkel", "buurteconomie"),
    ("Wooncollectief", "wooncollectief", "wonen"),
    ("Buurtkamer", "buurtkamer", "ontmoeting"),
    ("Voedselbos", "voedselbos", "duurzaamheid"),
    ("Bewonersbedrijf", "bewonersbedrijf", "buurteconomie"),
    ("Dorpsmolen", "dorpsmolen", "energie"),
    ("Buurtzorgpunt", "buurtzorgpunt", "zorg"),
]

WORDS = {
    "nl": (
        "bewoners buurt dorp samen coöperatie vereniging gemeente provincie energie zorg wonen "
        "voorziening ontmoeting vrijwilligers bestuur leden plan project subsidie fonds kennis "
        "netwerk molen dorpshuis winkel tuin school bibliotheek wijk straat gebouw eigenaar "
        "zeggenschap afspraak overleg avond ochtend jaar maand week begin toekomst ervaring "
        "vertrouwen ruimte grond opbrengst investering aandeel lening bank notaris statuten "
        "werkgroep bijeenkomst enquête idee oplossing opgave kans probleem vraag antwoord "
        "gesprek ambtenaar wethouder raad beleid regel wet verandering stap begroting "
        "zonnepanelen warmte isolatie mantelzorg ouderen jongeren kinderen gezinnen nieuwkomers "
        "boeren ondernemers kerk sporthal speeltuin bankje koffie maaltijd markt feest"
    ).split(),
    "en": (
        "residents neighbourhood village together cooperative association municipality province "
        "energy care housing facility meeting volunteers board members plan project grant fund "
        "knowledge network mill community centre shop garden school library district street "
        "building owner say agreement consultation evening morning year month week start future "
        "experience trust space land revenue investment share loan bank notary statutes "
        "working group gathering survey idea solution task chance problem question answer "
        "conversation official alderman council policy rule law change step budget "
        "solar panels heat insulation carers elderly young people children families newcomers "
        "farmers entrepreneurs church sports hall playground bench coffee meal market party"
    ).split(),
}
VERBS = {
    "nl": (
        "bouwen organiseren delen beheren regelen starten steunen verbinden bespreken "
        "onderzoeken verbeteren financieren openen vieren leren dragen kiezen vragen maken"
    ).split(),
    "en": (
        "build organise share manage arrange start support connect discuss study improve "
        "finance open celebrate learn carry choose ask make"
    ).split(),
}
GLUE = {
    "nl": ["en", "met", "voor", "in", "van", "door", "samen met", "zonder", "rond", "naast"],
    "en": ["and", "with", "for", "in", "of", "through", "together with", "without", "around", "beside"],
}
SUBJECTS = {
    "nl": ["De bewoners", "Het bestuur", "De vrijwilligers", "De gemeente", "Iedereen", "De leden", "Het dorp", "De buurt"],
    "en": ["The residents", "The board", "The volunteers", "The municipality", "Everyone", "The members", "The village", "The neighbourhood"],
}
MODALS = {
    "nl": ["willen", "gaan", "kunnen", "moeten", "blijven"],
    "en": ["want to", "will", "can", "must", "keep trying to"],
}
HEADINGS = {
    "nl": ["Hoe het begon", "Wat we doen", "Wie er meedoen", "Wat het oplevert", "Geld en eigendom",
           "Samenwerken met de gemeente", "Wat we leerden", "Plannen voor morgen", "Hoe je meedoet"],
    "en": ["How it started", "What we do", "Who takes part", "What it brings", "Money and ownership",
           "Working with the municipality", "What we learned", "Plans for tomorrow", "How to join"],
}
TABLE_HEAD = {
    "nl": ("Jaar", "Leden", "Activiteit"),
    "en": ("Year", "Members", "Activity"),
}
LINK_INTRO = {
    "nl": ["Lees ook over", "Vergelijk dit met", "Zie ook", "Net als bij"],
    "en": ["Read also about", "Compare this with", "See also", "Just like at"],
}
PRESS_TOPICS = [
    ("Coalitie presenteert plannen voor", "Coalition presents plans for", "plannen", "plans"),
    ("Nieuwe steun voor", "New support for", "steun", "support"),
    ("Bewoners vragen ruimte voor", "Residents ask for room for", "ruimte", "room"),
    ("Onderzoek naar", "Research into", "onderzoek", "research"),
    ("Festival zet", "Festival puts a spotlight on", "festival", "festival"),
    ("Kabinet reageert op", "Cabinet responds on", "kabinet", "cabinet"),
]
TOPIC_WORDS = [
    ("bewonerscollectieven", "residents' collectives"),
    ("energiecoöperaties", "energy cooperatives"),
    ("zorgcoöperaties", "care cooperatives"),
    ("dorpshuizen", "community centres"),
    ("buurtwinkels", "neighbourhood shops"),
    ("wooncollectieven", "housing collectives"),
    ("voedselbossen", "food forests"),
]


def q(text):
    """A double-quoted YAML scalar (the generated texts contain no quotes or backslashes)."""
    assert '"' not in text and "\\" not in text, text
    return f'"{text}"'


class Writer:
    def __init__(self, root):
        self.root = root
        self.made = set()

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        parent = os.path.dirname(path)
        if parent not in self.made:
            os.makedirs(parent, exist_ok=True)
            self.made.add(parent)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


class Text:
    """Pseudo-natural sentences from a fixed vocabulary."""

    def __init__(self, rng, lang):
        self.rng = rng
        self.lang = lang

    def words(self, n):
        return " ".join(self.rng.choice(WORDS[self.lang]) for _ in range(n))

    def sentence(self):
        r = self.rng
        lang = self.lang
        parts = [
            r.choice(SUBJECTS[lang]),
            r.choice(MODALS[lang]),
            self.words(r.randint(2, 4)),
            r.choice(GLUE[lang]),
            self.words(r.randint(2, 4)),
            r.choice(VERBS[lang]),
        ]
        if r.random() < 0.4:
            parts += [r.choice(GLUE[lang]), self.words(r.randint(1, 3))]
        return " ".join(parts) + "."

    def paragraph(self, min_words, emphasis=True):
        out = []
        count = 0
        while count < min_words:
            s = self.sentence()
            count += len(s.split())
            out.append(s)
        if emphasis and len(out) > 2:
            words = out[1].rstrip(".").split(" ")
            i = self.rng.randrange(1, len(words))
            words[i] = f"*{words[i]}*"
            out[1] = " ".join(words) + "."
            words = out[-1].rstrip(".").split(" ")
            i = self.rng.randrange(1, len(words))
            words[i] = f"**{words[i]}**"
            out[-1] = " ".join(words) + "."
        return " ".join(out)


def body(rng, lang, links):
    """About 600 words of Markdown with headings, emphasis, a list, a table, a blockquote and
    the given internal links (a list of (text, destination))."""
    t = Text(rng, lang)
    headings = rng.sample(HEADINGS[lang], 3)
    link_texts = [f"{rng.choice(LINK_INTRO[lang])} [{text}]({dest})." for text, dest in links]
    parts = [
        t.paragraph(75) + " " + link_texts[0],
        f"## {headings[0]}",
        t.paragraph(110),
        "\n".join(f"- {t.words(rng.randint(1, 2)).capitalize()}: {t.words(rng.randint(5, 9))}" for _ in range(rng.randint(4, 6))),
        f"## {headings[1]}",
        t.paragraph(100) + " " + link_texts[1],
        "| {} | {} | {} |\n|---|---:|---|\n".format(*TABLE_HEAD[lang])
        + "\n".join(
            f"| {2015 + i} | {rng.randint(12, 480)} | {t.words(rng.randint(2, 4))} |"
            for i in range(rng.randint(4, 6))
        ),
        "> " + t.paragraph(35, emphasis=False),
        f"## {headings[2]}",
        t.paragraph(110) + (" " + link_texts[2] if len(link_texts) > 2 else ""),
    ]
    return "\n\n".join(parts) + "\n"


def front(fields):
    lines = ["---"]
    for key, value in fields:
        lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def yaml_list(values):
    return "[" + ", ".join(str(v) for v in values) + "]"


def build(n):
    """Everything both generators need, as plain data; the random draws happen here only."""
    rng = random.Random(SEED * 1_000_003 + n)
    n_init = round(n * 0.7)
    n_press = n - n_init

    initiatives = []
    for i in range(n_init):
        label, slugword, main_theme = INITIATIVE_KINDS[rng.randrange(len(INITIATIVE_KINDS))]
        province = rng.choice(PROVINCES)
        place = rng.choice(PLACES[province])
        themes = [main_theme] + [t[0] for t in rng.sample(THEMES, rng.randint(0, 2)) if t[0] != main_theme]
        placeslug = place.lower().replace(" ", "-").replace("'", "")
        initiatives.append({
            "stem": f"{slugword}-{placeslug}-{i + 1:05d}",
            "name": f"{label} {place} {i + 1}",
            "place": place,
            "province": province,
            "themes": themes,
            "goals": sorted(rng.sample(range(1, 6), rng.randint(1, 2))),
            "founded": rng.randint(1980, 2024),
            "featured": rng.random() < 0.05,
            "website": f"https://{slugword}-{placeslug}-{i + 1}.example.org",
        })

    press = []
    for i in range(n_press):
        nl_lead, en_lead, nl_word, en_word = rng.choice(PRESS_TOPICS)
        topic_nl, topic_en = rng.choice(TOPIC_WORDS)
        year = rng.randint(2015, 2024)
        partners = sorted(rng.sample(range(len(PARTNERS)), rng.randint(1, 2)))
        press.append({
            "stem": f"bericht-{i + 1:05d}-{nl_word}",
            "en_slug": f"release-{i + 1:05d}-{en_word}",
            "title": {"nl": f"{nl_lead} {topic_nl} ({i + 1})", "en": f"{en_lead} {topic_en} ({i + 1})"},
            "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "partners": [PARTNERS[p][0] for p in partners],
            "contact": PARTNERS[partners[0]][1],
            "goals": sorted(rng.sample(range(1, 6), rng.randint(0, 2))),
        })

    def pick_links(count):
        out = []
        for _ in range(count):
            if press and (not initiatives or rng.random() < 0.3):
                p = rng.choice(press)
                out.append(("press", p["stem"], p["title"]))
            else:
                it = rng.choice(initiatives)
                out.append(("initiatives", it["stem"], {"nl": it["name"], "en": it["name"]}))
        return out

    for entry in initiatives + press:
        entry["links"] = pick_links(rng.randint(2, 3))
        entry["summary"] = {lang: Text(rng, lang).sentence() for lang in LANGS}
        entry["body"] = {
            lang: body(rng, lang, [(title[lang], f"@/{kind}/{stem}") for kind, stem, title in entry["links"]])
            for lang in LANGS
        }
    return initiatives, press


def small_pages(lang, initiatives):
    """The fixed pages: goals, partners, about, festival and home, as (kind, stem, fields, body)."""
    nl = lang == "nl"
    some = initiatives[0]["stem"] if initiatives else None
    out = []
    for number, (stem, year, titles, labels) in enumerate(GOALS, start=1):
        title = titles[0 if nl else 1]
        text = (f"## {'Wat willen we bereiken?' if nl else 'What do we want?'}\n\n"
                + ("In " if nl else "By ") + f"{year}: {title.lower()}.\n")
        out.append(("goals", stem, [("title", q(title)), ("short_label", q(labels[0 if nl else 1])),
                                    ("summary", q(title + "."))], text))
    for stem, name, role in PARTNERS:
        summary = f"{name} is {'partner van de coalitie' if nl else 'a partner of the coalition'}."
        out.append(("partners", stem, [("summary", q(summary))], summary + "\n"))
    out.append(("pages", "about", [("title", q("Over ons" if nl else "About us")),
                                   ("slug", "over-ons" if nl else "about")],
                "## " + ("Wie we zijn" if nl else "Who we are") + "\n\n"
                + ("Wij zijn een coalitie. Lees over [ons eerste doel](@/goals/samen-normaal).\n" if nl
                   else "We are a coalition. Read about [our first goal](@/goals/samen-normaal).\n")))
    out.append(("festival", "2024", [
        ("title", q("Festival 2024")),
        ("summary", q("Het festival van 2024." if nl else "The 2024 festival.")),
        ("programme", "\n  - time: \"10:00\"\n    title: \"Opening\"\n    description: \""
         + ("Welkom." if nl else "Welcome.") + "\""),
    ], ("Een mooie dag." if nl else "A fine day.") + "\n"))
    home_body = ("Lees over [ons eerste doel](@/goals/samen-normaal) en [over ons](@/pages/about)."
                 if nl else "Read about [our first goal](@/goals/samen-normaal) and [about us](@/pages/about).")
    if some:
        home_body += (f" Bekijk [een initiatief](@/initiatives/{some})." if nl
                      else f" See [an initiative](@/initiatives/{some}).")
    out.append(("home", "home", [("title", q("Welkom" if nl else "Welcome")),
                                 ("intro", q("Een synthetische site voor metingen." if nl
                                             else "A synthetic site for benchmarks."))], home_body + "\n"))
    return out


def slug_of(kind, stem, lang, entry=None):
    if kind == "press" and lang == "en" and entry is not None:
        return entry["en_slug"]
    return stem


def write_wdhs(root, n, initiatives, press):
    w = Writer(os.path.join(root, "content"))
    theme_lines = "\n".join(f'  {tid}: {{ nl: {q(nl)}, en: {q(en)} }}' for tid, nl, en in THEMES)
    section_lines = "\n".join(f"  {kind}: {{ nl: {nl}, en: {en} }}" for kind, nl, en in SECTIONS)
    w.write("site.yaml", f"""# Synthetic benchmark corpus (bench/gen_corpus.py, N={n}). Do not edit: regenerated.
base_url: "https://example.org/"
languages: [nl, en]
title: {{ nl: "Benchmarksite", en: "Benchmark site" }}
tagline: {{ nl: "Samen meten", en: "Measuring together" }}
description: {{ nl: "Een synthetische site met {n} items per taal.", en: "A synthetic site with {n} entries per language." }}
sections:
{section_lines}
menu: [goals, initiatives, press, partners, festival, "page:about"]
themes:
{theme_lines}
contact:
  organisation: "Benchmarkcoalitie"
  address: "Neude 1, Utrecht"
  website: "https://example.org"
pagination: {{ press: {PAGINATION['press']}, initiatives: {PAGINATION['initiatives']} }}
feed_limit: {FEED_LIMIT}
""")
    for number, (stem, year, _, _) in enumerate(GOALS, start=1):
        w.write(f"goals/{stem}.yaml", f"number: {number}\ntarget_year: {year}\n")
    for i, (stem, name, role) in enumerate(PARTNERS):
        w.write(f"partners/{stem}.yaml",
                f"name: {q(name)}\nurl: \"https://{stem}.example.org\"\nrole: {role}\njoined: {2015 + i % 8}\n")
    w.write("festival/2024.yaml", 'date: 2024-04-13\nvenue: "Prodentfabriek"\naddress: "Oude Fabriekstraat 20"\n'
            'city: "Amersfoort"\npartners: [katalys, lvkk]\n')
    for lang in LANGS:
        for kind, stem, fields, text in small_pages(lang, initiatives):
            rel = f"home.{lang}.md" if kind == "home" else f"{kind}/{stem}.{lang}.md"
            w.write(rel, front(fields) + "\n" + text)

    for it in initiatives:
        w.write(f"initiatives/{it['stem']}.yaml", "".join([
            f"name: {q(it['name'])}\n",
            f"place: {q(it['place'])}\n",
            f"province: {it['province']}\n",
            f"themes: {yaml_list(it['themes'])}\n",
            f"goals: {yaml_list(it['goals'])}\n",
            f"website: {q(it['website'])}\n",
            f"founded: {it['founded']}\n",
            "featured: true\n" if it["featured"] else "",
        ]))
        for lang in LANGS:
            w.write(f"initiatives/{it['stem']}.{lang}.md",
                    front([("summary", q(it["summary"][lang]))]) + "\n" + it["body"][lang])
    for p in press:
        w.write(f"press/{p['stem']}.yaml", "".join([
            f"date: {p['date']}\n",
            f"partners: {yaml_list(p['partners'])}\n",
            f"goals: {yaml_list(p['goals'])}\n" if p["goals"] else "",
            f"press_contact: {q(p['contact'])}\n",
        ]))
        for lang in LANGS:
            fields = [("title", q(p["title"][lang])), ("summary", q(p["summary"][lang]))]
            if lang == "en":
                fields.append(("slug", p["en_slug"]))
            w.write(f"press/{p['stem']}.{lang}.md", front(fields) + "\n" + p["body"][lang])

    # What a correct build must contain.
    def prefix(lang):
        return "" if lang == "nl" else "en/"

    entry_pages = []
    for lang in LANGS:
        for it in initiatives:
            entry_pages.append(f"{prefix(lang)}{SECTION_URL['initiatives'][lang]}/{it['stem']}/index.html")
        for p in press:
            entry_pages.append(f"{prefix(lang)}{SECTION_URL['press'][lang]}/{slug_of('press', p['stem'], lang, p)}/index.html")
        for stem, *_ in GOALS:
            entry_pages.append(f"{prefix(lang)}{SECTION_URL['goals'][lang]}/{stem}/index.html")
        for stem, *_ in PARTNERS:
            entry_pages.append(f"{prefix(lang)}{SECTION_URL['partners'][lang]}/{stem}/index.html")
        entry_pages.append(f"{prefix(lang)}{SECTION_URL['festival'][lang]}/2024/index.html")
        entry_pages.append(f"{prefix(lang)}{'over-ons' if lang == 'nl' else 'about'}/index.html")

    def pages(count, size):
        return max(1, math.ceil(count / size))

    per_lang_lists = (
        1  # home
        + pages(len(initiatives), PAGINATION["initiatives"])
        + pages(len(press), PAGINATION["press"])
        + 3  # goals, partners, festival lists
        + 1  # search page
    )
    filters = 0
    for prov in PROVINCES:
        c = sum(1 for it in initiatives if it["province"] == prov)
        filters += pages(c, PAGINATION["initiatives"]) if c else 0
    for tid, _, _ in THEMES:
        c = sum(1 for it in initiatives if tid in it["themes"])
        filters += pages(c, PAGINATION["initiatives"]) if c else 0
    minimum = len(entry_pages) + 2 * per_lang_lists
    meta = {
        "n": n,
        "initiatives": len(initiatives),
        "press": len(press),
        "entries_per_language": len(entry_pages) // 2,
        "min_index_pages": minimum,
        "expected_index_pages": minimum + 2 * filters,
        "expected_entry_pages": entry_pages,
    }
    with open(os.path.join(root, "expected.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------------------------
# Hugo

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{- end }}
{{- with .OutputFormats.Get "rss" }}
<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}" title="{{ site.Title }}">
{{- end }}
</head>
<body>
<header>
<a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav aria-label="menu"><ul>
{{- $page := . }}
{{- range site.Menus.main }}
<li><a href="{{ .URL }}"{{ if $page.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
{{- end }}
</ul></nav>
<nav aria-label="language">
{{- range .Translations }}
<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.Label }}</a>
{{- else }}
{{- range site.Home.Translations }}
<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.Label }}</a>
{{- end }}
{{- end }}
</nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>{{ site.Params.organisation }}</footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ if eq .Section (index site.Params.sections "press") }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>{{ end }}
{{ with .Params.place }}<p>{{ . }}, {{ $.Params.province }}</p>{{ end }}
{{ with .GetTerms "themes" }}<ul class="themes">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $size := 10 }}
{{ with .Section }}{{ with index site.Params.pagesize . }}{{ $size = . }}{{ end }}{{ end }}
{{ if eq .Kind "term" }}{{ $size = site.Params.termpagesize }}{{ end }}
{{ $pager := .Paginate .Pages $size }}
<ul>
{{ range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }} <p>{{ . }}</p>{{ end }}</li>
{{ end }}
</ul>
<nav aria-label="pages">
{{ with $pager.Prev }}<a rel="prev" href="{{ .URL }}">&larr;</a>{{ end }}
{{ $pager.PageNumber }} / {{ $pager.TotalPages }}
{{ with $pager.Next }}<a rel="next" href="{{ .URL }}">&rarr;</a>{{ end }}
</nav>
{{ end }}
"""

HUGO_TAXONOMY = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> ({{ len .Pages }})</li>{{ end }}
</ul>
{{ end }}
"""

HUGO_HOME = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ .Params.intro }}</p>
{{ .Content }}
{{ end }}
"""

# Resolves wdhs's `@/kind/stem` links so the Markdown bodies stay byte-identical.
HUGO_RENDER_LINK = """{{- $dest := .Destination -}}
{{- if hasPrefix $dest "@/" -}}
  {{- $parts := split (strings.TrimPrefix "@/" $dest) "/" -}}
  {{- $kind := index $parts 0 -}}
  {{- $path := "" -}}
  {{- if eq $kind "pages" -}}{{- $path = printf "/%s" (index $parts 1) -}}
  {{- else -}}{{- $path = printf "/%s/%s" (index site.Params.sections $kind) (index $parts 1) -}}{{- end -}}
  {{- with .Page.Site.GetPage $path -}}{{- $dest = .RelPermalink -}}
  {{- else -}}{{- errorf "%s: link %q points to no page" $.Page.File.Path $dest -}}{{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text }}</a>
{{- /* no newline after the link */ -}}
"""


def write_all(w, files):
    """Writes each (relative path, text) of a site's fixed files, the templates."""
    for rel, text in files.items():
        w.write(rel, text)


def write_hugo(root, n, initiatives, press):
    w = Writer(root)
    lines = [
        f"# Hugo equivalent of the wdhs benchmark corpus (bench/gen_corpus.py, N={n}). Regenerated.",
        'baseURL = "https://example.org/"',
        'defaultContentLanguage = "nl"',
        "defaultContentLanguageInSubdir = false",
        "enableRobotsTXT = true",
        "[taxonomies]",
        '  theme = "themes"',
        '  province = "provinces"',
        "[pagination]",
        "  pagerSize = 10",
        "[services.rss]",
        f"  limit = {FEED_LIMIT}",
        "[params]",
        '  organisation = "Benchmarkcoalitie"',
        f"  termpagesize = {PAGINATION['initiatives']}",
    ]
    for i, lang in enumerate(LANGS):
        nl = lang == "nl"
        sect = {kind: SECTION_URL[kind][lang] for kind, _, _ in SECTIONS}
        lines += [
            f"[languages.{lang}]",
            f"  label = {q('Nederlands' if nl else 'English')}",
            f"  weight = {i + 1}",
            f"  contentDir = \"content/{lang}\"",
            f"  title = {q('Benchmarksite' if nl else 'Benchmark site')}",
            f"[languages.{lang}.params]",
            f"  description = {q(f'Een synthetische site met {n} items per taal.' if nl else f'A synthetic site with {n} entries per language.')}",
            f"[languages.{lang}.params.sections]",
        ]
        lines += [f"  {kind} = {q(url)}" for kind, url in sect.items()]
        lines += [f"[languages.{lang}.params.pagesize]"]
        lines += [f"  {sect[kind]} = {size}" for kind, size in PAGINATION.items()]
        menu = [(kind, {"goals": ("Doelen", "Goals"), "initiatives": ("Initiatieven", "Initiatives"),
                        "press": ("Pers", "Press"), "partners": ("Partners", "Partners"),
                        "festival": ("Festival", "Festival")}[kind][0 if nl else 1], f"/{sect[kind]}")
                for kind, _, _ in SECTIONS]
        menu.append(("about", "Over ons" if nl else "About us", "/about"))
        for weight, (ident, name, ref) in enumerate(menu, start=1):
            lines += [f"[[languages.{lang}.menus.main]]", f"  identifier = {q(ident)}",
                      f"  name = {q(name)}", f"  pageRef = {q(ref)}", f"  weight = {weight}"]
    w.write("hugo.toml", "\n".join(lines) + "\n")
    write_all(w, {
        "layouts/baseof.html": HUGO_BASEOF,
        "layouts/single.html": HUGO_SINGLE,
        "layouts/list.html": HUGO_LIST,
        "layouts/taxonomy.html": HUGO_TAXONOMY,
        "layouts/home.html": HUGO_HOME,
        "layouts/_markup/render-link.html": HUGO_RENDER_LINK,
    })

    def hfront(fields):
        return front([(k, v) for k, v in fields if v is not None])

    for lang in LANGS:
        nl = lang == "nl"
        c = f"content/{lang}"
        sect = {kind: SECTION_URL[kind][lang] for kind, _, _ in SECTIONS}
        titles = {"goals": ("Doelen", "Goals"), "initiatives": ("Initiatieven", "Initiatives"),
                  "press": ("Pers", "Press"), "partners": ("Partners", "Partners"),
                  "festival": ("Festival", "Festival")}
        for kind, _, _ in SECTIONS:
            w.write(f"{c}/{sect[kind]}/_index.md",
                    hfront([("title", q(titles[kind][0 if nl else 1])), ("translationKey", q(f"section-{kind}"))]))
        for tid, tnl, ten in THEMES:
            w.write(f"{c}/themes/{tid}/_index.md", hfront([("title", q(tnl if nl else ten))]))
        for kind, stem, fields, text in small_pages(lang, initiatives):
            key = ("translationKey", q(f"{kind}/{stem}"))
            if kind == "home":
                w.write(f"{c}/_index.md", hfront(fields) + "\n" + text)
            elif kind == "pages":
                w.write(f"{c}/{stem}.md", hfront(fields + [key]) + "\n" + text)
            else:
                if kind == "partners":
                    name = next(p[1] for p in PARTNERS if p[0] == stem)
                    fields = [("title", q(name))] + fields
                if kind == "festival":
                    fields = [f for f in fields if f[0] != "programme"] + [("date", "2024-04-13")]
                if kind == "goals":
                    fields = fields + [("weight", str(1 + [g[0] for g in GOALS].index(stem)))]
                w.write(f"{c}/{sect[kind]}/{stem}.md", hfront(fields + [key]) + "\n" + text)
        for it in initiatives:
            fields = [
                ("title", q(it["name"])),
                ("translationKey", q(f"initiatives/{it['stem']}")),
                ("summary", q(it["summary"][lang])),
                ("themes", yaml_list(it["themes"])),
                ("provinces", yaml_list([it["province"]])),
                ("params", "\n  place: {}\n  province: {}\n  goals: {}\n  website: {}\n  founded: {}".format(
                    q(it["place"]), q(it["province"]), yaml_list(it["goals"]), q(it["website"]), it["founded"])),
            ]
            w.write(f"{c}/{sect['initiatives']}/{it['stem']}.md", hfront(fields) + "\n" + it["body"][lang])
        for p in press:
            fields = [
                ("title", q(p["title"][lang])),
                ("translationKey", q(f"press/{p['stem']}")),
                ("slug", p["en_slug"] if lang == "en" else None),
                ("date", p["date"]),
                ("summary", q(p["summary"][lang])),
                ("params", "\n  partners: {}\n  goals: {}\n  press_contact: {}".format(
                    yaml_list(p["partners"]), yaml_list(p["goals"]), q(p["contact"]))),
            ]
            w.write(f"{c}/{sect['press']}/{p['stem']}.md", hfront(fields) + "\n" + p["body"][lang])


# ---------------------------------------------------------------------------------------------
# Zola

# Tera templates. Zola serializes paths and permalinks as absolute URLs (Hugo's templates above
# use relative ones); `| safe` keeps Tera from escaping the slashes.
ZOLA_BASE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
<meta name="description" content="{% block description %}{{ config.description }}{% endblock description %}">
<link rel="canonical" href="{{ current_url | safe }}">
{%- block alternates %}
{%- if page is defined %}{% set tr = page.translations %}{% else %}{% set tr = section.translations %}{% endif %}
{%- for l in config.extra.langs %}{% for t in tr %}{% if t.lang == l %}
<link rel="alternate" hreflang="{{ l }}" href="{{ t.permalink | safe }}">
{%- endif %}{% endfor %}{% endfor %}
{%- endblock alternates %}
{%- block feed %}{% endblock feed %}
</head>
<body>
<header>
<a href="{{ get_url(path="@/_index.md", lang=lang) | safe }}">{{ config.title }}</a>
<nav aria-label="menu"><ul>
{%- if section is defined %}{% set here = section.permalink %}{% elif page is defined %}{% set here = page.permalink %}{% else %}{% set here = "" %}{% endif %}
{%- for item in config.extra.menu %}
{%- set url = get_url(path=item.path, lang=lang) %}
<li><a href="{{ url | safe }}"{% if url == here %} aria-current="page"{% endif %}>{{ trans(key=item.id, lang=lang) }}</a></li>
{%- endfor %}
</ul></nav>
<nav aria-label="language">
{%- block switcher %}
{%- if page is defined %}{% set tr = page.translations %}{% else %}{% set tr = section.translations %}{% endif %}
{%- for l in config.extra.langs %}{% if l != lang %}{% for t in tr %}{% if t.lang == l %}
<a href="{{ t.permalink | safe }}" hreflang="{{ l }}" lang="{{ l }}">{{ config.extra.lang_labels[l] }}</a>
{%- endif %}{% endfor %}{% endif %}{% endfor %}
{%- endblock switcher %}
</nav>
</header>
<main>
{% block main %}{% endblock main %}
</main>
<footer>{{ config.extra.organisation }}</footer>
</body>
</html>
"""

ZOLA_INDEX = """{% extends "base.html" %}
{% block feed %}
<link rel="alternate" type="application/rss+xml" href="{{ section.permalink | safe }}rss.xml" title="{{ config.title }}">
{%- endblock feed %}
{% block main %}
<h1>{{ section.title }}</h1>
<p>{{ section.extra.intro }}</p>
{{ section.content | safe }}
{% endblock main %}
"""

ZOLA_SECTION = """{% extends "base.html" %}
{% block title %}{{ section.title }} | {{ config.title }}{% endblock title %}
{% block feed %}
<link rel="alternate" type="application/rss+xml" href="{{ section.permalink | safe }}rss.xml" title="{{ config.title }}">
{%- endblock feed %}
{% block main %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
{% include "pager.html" %}
{% endblock main %}
"""

ZOLA_PAGER = """<ul>
{% for p in paginator.pages %}
<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a>{% if p.description %} <p>{{ p.description }}</p>{% endif %}</li>
{% endfor %}
</ul>
<nav aria-label="pages">
{% if paginator.previous %}<a rel="prev" href="{{ paginator.previous | safe }}">&larr;</a>{% endif %}
{{ paginator.current_index }} / {{ paginator.number_pagers }}
{% if paginator.next %}<a rel="next" href="{{ paginator.next | safe }}">&rarr;</a>{% endif %}
</nav>
"""

ZOLA_PAGE = """{% extends "base.html" %}
{% block title %}{{ page.title }} | {{ config.title }}{% endblock title %}
{% block description %}{% if page.description %}{{ page.description }}{% else %}{{ config.description }}{% endif %}{% endblock description %}
{% block main %}
<article>
<h1>{{ page.title }}</h1>
{% if page.description %}<p class="summary">{{ page.description }}</p>{% endif %}
{% if page.relative_path is starting_with("press/") %}<p><time datetime="{{ page.date }}">{{ page.date | date(format="%-d %B %Y", locale=trans(key="date_locale", lang=lang)) }}</time></p>{% endif %}
{% if page.extra.place %}<p>{{ page.extra.place }}, {{ page.extra.province }}</p>{% endif %}
{% if page.taxonomies.themes %}<ul class="themes">{% for t in page.taxonomies.themes %}<li><a href="{{ get_taxonomy_url(kind="themes", name=t, lang=lang) | safe }}">{{ trans(key=t, lang=lang) }}</a></li>{% endfor %}</ul>{% endif %}
{{ page.content | safe }}
</article>
{% endblock main %}
"""

ZOLA_TAXONOMY_LIST = """{% extends "base.html" %}
{% block title %}{{ trans(key=taxonomy.name, lang=lang) }} | {{ config.title }}{% endblock title %}
{% block alternates %}
{%- for l in config.extra.langs %}
<link rel="alternate" hreflang="{{ l }}" href="{{ get_url(path=taxonomy.slug, lang=l, trailing_slash=true) | safe }}">
{%- endfor %}
{%- endblock alternates %}
{% block switcher %}
{%- for l in config.extra.langs %}{% if l != lang %}
<a href="{{ get_url(path=taxonomy.slug, lang=l, trailing_slash=true) | safe }}" hreflang="{{ l }}" lang="{{ l }}">{{ config.extra.lang_labels[l] }}</a>
{%- endif %}{% endfor %}
{%- endblock switcher %}
{% block main %}
<h1>{{ trans(key=taxonomy.name, lang=lang) }}</h1>
<ul>
{% for t in terms %}<li><a href="{{ t.permalink | safe }}">{% if taxonomy.name == "themes" %}{{ trans(key=t.name, lang=lang) }}{% else %}{{ t.name }}{% endif %}</a> ({{ t.page_count }})</li>{% endfor %}
</ul>
{% endblock main %}
"""

ZOLA_TAXONOMY_SINGLE = """{% extends "base.html" %}
{% block title %}{% if taxonomy.name == "themes" %}{{ trans(key=term.name, lang=lang) }}{% else %}{{ term.name }}{% endif %} | {{ config.title }}{% endblock title %}
{% block alternates %}
{%- for l in config.extra.langs %}
<link rel="alternate" hreflang="{{ l }}" href="{{ get_taxonomy_url(kind=taxonomy.name, name=term.name, lang=l) | safe }}">
{%- endfor %}
{%- endblock alternates %}
{% block feed %}
<link rel="alternate" type="application/rss+xml" href="{{ term.permalink | safe }}rss.xml" title="{{ config.title }}">
{%- endblock feed %}
{% block switcher %}
{%- for l in config.extra.langs %}{% if l != lang %}
<a href="{{ get_taxonomy_url(kind=taxonomy.name, name=term.name, lang=l) | safe }}" hreflang="{{ l }}" lang="{{ l }}">{{ config.extra.lang_labels[l] }}</a>
{%- endif %}{% endfor %}
{%- endblock switcher %}
{% block main %}
<h1>{% if taxonomy.name == "themes" %}{{ trans(key=term.name, lang=lang) }}{% else %}{{ term.name }}{% endif %}</h1>
{% include "pager.html" %}
{% endblock main %}
"""

ZOLA_LINK = re.compile(r"\]\(@/([a-z]+)/([^)\s]+)\)")


def zola_links(text, lang):
    """`](@/kind/stem)` -> `](@/kind/stem.md)` (nl) or `(@/kind/stem.en.md)`; `@/pages/x` -> `@/x.md`."""
    suffix = ".md" if lang == "nl" else f".{lang}.md"

    def sub(m):
        kind, stem = m.groups()
        return f"](@/{stem}{suffix})" if kind == "pages" else f"](@/{kind}/{stem}{suffix})"

    return ZOLA_LINK.sub(sub, text)


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return q(v)


def zfront(top, taxonomies=(), extra=()):
    """TOML front matter; values are Python values, except `date`, which is a TOML date."""
    lines = ["+++"]
    lines += [f"{k} = {v if k == 'date' else toml_value(v)}" for k, v in top if v is not None]
    if taxonomies:
        lines += ["", "[taxonomies]"] + [f"{k} = {toml_value(v)}" for k, v in taxonomies]
    if extra:
        lines += ["", "[extra]"] + [f"{k} = {toml_value(v)}" for k, v in extra]
    return "\n".join(lines) + "\n+++\n"


def write_zola(root, n, initiatives, press):
    w = Writer(root)
    menu_labels = {"goals": ("Doelen", "Goals"), "initiatives": ("Initiatieven", "Initiatives"),
                   "press": ("Pers", "Press"), "partners": ("Partners", "Partners"),
                   "festival": ("Festival", "Festival"), "about": ("Over ons", "About us")}
    taxonomies = ("taxonomies = [\n"
                  + "".join(f'  {{ name = "{t}", feed = true, paginate_by = {PAGINATION["initiatives"]} }},\n'
                            for t in ("themes", "provinces"))
                  + "]")

    def translations(lang):
        i = 0 if lang == "nl" else 1
        out = [f"{k} = {q(v[i])}" for k, v in menu_labels.items()]
        out += ["themes = " + q(("Thema's", "Themes")[i]),
                "provinces = " + q(("Provincies", "Provinces")[i]),
                "date_locale = " + q(("nl_NL", "en_GB")[i])]
        out += [f"{tid} = {q((tnl, ten)[i])}" for tid, tnl, ten in THEMES]
        return out

    lines = [
        f"# Zola equivalent of the wdhs benchmark corpus (bench/gen_corpus.py, N={n}). Regenerated.",
        'base_url = "https://example.org"',
        'title = "Benchmarksite"',
        f"description = {q(f'Een synthetische site met {n} items per taal.')}",
        'default_language = "nl"',
        "generate_feeds = true",
        'feed_filenames = ["rss.xml"]',
        f"feed_limit = {FEED_LIMIT}",  # applies to every feed of every language
        "generate_sitemap = true",
        "generate_robots_txt = true",
        taxonomies,
        "",
        "[translations]",
        *translations("nl"),
        "",
        "[languages.en]",
        'title = "Benchmark site"',
        f"description = {q(f'A synthetic site with {n} entries per language.')}",
        "generate_feeds = true",
        'feed_filenames = ["rss.xml"]',
        taxonomies,
        "",
        "[languages.en.translations]",
        *translations("en"),
        "",
        "[extra]",
        'organisation = "Benchmarkcoalitie"',
        'langs = ["nl", "en"]',
        'lang_labels = { nl = "Nederlands", en = "English" }',
        "menu = [",
        *[f'  {{ id = "{kind}", path = "@/{kind}/_index.md" }},' for kind, _, _ in SECTIONS],
        '  { id = "about", path = "@/about.md" },',
        "]",
    ]
    w.write("config.toml", "\n".join(lines) + "\n")
    write_all(w, {
        "templates/base.html": ZOLA_BASE,
        "templates/index.html": ZOLA_INDEX,
        "templates/section.html": ZOLA_SECTION,
        "templates/pager.html": ZOLA_PAGER,
        "templates/page.html": ZOLA_PAGE,
        "templates/taxonomy_list.html": ZOLA_TAXONOMY_LIST,
        "templates/taxonomy_single.html": ZOLA_TAXONOMY_SINGLE,
    })

    # Sections: Hugo's list order (weight, then date, newest first, then title) and page size
    # (10 unless configured); each section has its own feed, as in Hugo.
    sort_by = {"goals": "weight", "initiatives": "title", "press": "date", "partners": "title", "festival": "date"}
    for lang in LANGS:
        i = 0 if lang == "nl" else 1
        ext = ".md" if lang == "nl" else f".{lang}.md"
        for kind, _, _ in SECTIONS:
            w.write(f"content/{kind}/_index{ext}", zfront([
                ("title", menu_labels[kind][i]),
                ("sort_by", sort_by[kind]),
                ("paginate_by", PAGINATION.get(kind, 10)),
                ("generate_feeds", True),
            ]))
        for kind, stem, fields, text in small_pages(lang, initiatives):
            text = zola_links(text, lang)
            vals = {k: (v[1:-1] if v.startswith('"') else v) for k, v in fields}
            if kind == "home":
                w.write(f"content/_index{ext}",
                        zfront([("title", vals["title"])], extra=[("intro", vals["intro"])]) + "\n" + text)
            elif kind == "pages":
                w.write(f"content/{stem}{ext}",
                        zfront([("title", vals["title"]), ("slug", vals["slug"])]) + "\n" + text)
            elif kind == "partners":
                name = next(p[1] for p in PARTNERS if p[0] == stem)
                w.write(f"content/partners/{stem}{ext}",
                        zfront([("title", name), ("description", vals["summary"])]) + "\n" + text)
            elif kind == "goals":
                w.write(f"content/goals/{stem}{ext}", zfront(
                    [("title", vals["title"]), ("description", vals["summary"]),
                     ("weight", 1 + [g[0] for g in GOALS].index(stem))],
                    extra=[("short_label", vals["short_label"])]) + "\n" + text)
            elif kind == "festival":
                w.write(f"content/festival/{stem}{ext}", zfront(
                    [("title", vals["title"]), ("description", vals["summary"]), ("date", "2024-04-13")]) + "\n" + text)
            else:
                raise ValueError(kind)
        for it in initiatives:
            w.write(f"content/initiatives/{it['stem']}{ext}", zfront(
                [("title", it["name"]), ("description", it["summary"][lang])],
                taxonomies=[("themes", it["themes"]), ("provinces", [it["province"]])],
                extra=[("place", it["place"]), ("province", it["province"]), ("goals", it["goals"]),
                       ("website", it["website"]), ("founded", it["founded"])],
            ) + "\n" + zola_links(it["body"][lang], lang))
        for p in press:
            w.write(f"content/press/{p['stem']}{ext}", zfront(
                [("title", p["title"][lang]), ("slug", p["en_slug"] if lang == "en" else None),
                 ("date", p["date"]), ("description", p["summary"][lang])],
                extra=[("partners", p["partners"]), ("goals", p["goals"]), ("press_contact", p["contact"])],
            ) + "\n" + zola_links(p["body"][lang], lang))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="entries per language (70%% initiatives, 30%% press)")
    ap.add_argument("--wdhs", help="folder to write the wdhs site to (gets content/ and expected.json)")
    ap.add_argument("--hugo", help="folder to write the equivalent Hugo site to")
    ap.add_argument("--zola", help="folder to write the equivalent Zola site to")
    args = ap.parse_args()
    if args.n < 1:
        sys.exit("N must be at least 1")
    initiatives, press = build(args.n)
    for target, writer in ((args.wdhs, write_wdhs), (args.hugo, write_hugo), (args.zola, write_zola)):
        if target:
            if os.path.exists(target):
                shutil.rmtree(target)
            writer(target, args.n, initiatives, press)


if __name__ == "__main__":
    main()
