//! The checks between pages: missing translations and values both
//! languages must agree on, references to partners, goals and menu pages, files named in front
//! matter.

use super::*;

/// What the checks between pages read.
pub(super) struct Between<'a> {
    pub config: &'a Config,
    pub pages: &'a [Page],
    pub index: &'a PageIndex,
    pub files: &'a BTreeSet<(Kind, String, Lang)>,
    pub all_keys: &'a BTreeSet<(Kind, String)>,
    pub assets: &'a BTreeSet<(Kind, &'a str)>,
    /// Files beside the content held back with the entries that use them (`held_files`).
    pub held_files: &'a BTreeSet<(Kind, String)>,
    pub images: &'a crate::images::Headers,
    /// The pages (by position) at an address another page or a section has (`url_clashes`).
    pub clashes: &'a [(usize, Diagnostic)],
}

/// Every check between pages, over the whole site: what the menu's links found, then what
/// each page's checks found, in the order of the pages. `kept`: what `serve` kept of the
/// last resolve's checks, with the frame hash.
pub(super) fn check_between_pages(
    between: &Between<'_>,
    kept: (Option<&KeptChecks>, u64),
) -> Vec<Diagnostic> {
    let references = References::new(between);
    let mut clashes: Vec<&(usize, Diagnostic)> = between.clashes.iter().collect();
    clashes.sort_by_key(|(i, _)| *i);
    let mut clashes = clashes.into_iter().peekable();
    let mut found = check_menu(between.config, between.all_keys);
    super::kept_checks::for_each_checked(between, &references, kept, |i, on_page| {
        found.extend_from_slice(on_page);
        while let Some((_, clash)) = clashes.next_if(|(at, _)| *at == i) {
            found.push(clash.clone());
        }
    });
    found
}

/// What checking one page's references needs to know of the whole site: the partners, and the
/// goals by number. Made from the goals' pages and the keys, not from every page.
pub(super) struct References<'a> {
    partner_stems: Vec<&'a str>,
    /// What a `press_contact` may name (`render::entries`): each partner's name, short name
    /// and file name, in lower case, with the name to suggest for it.
    partner_names: BTreeMap<String, &'a str>,
    /// Each goal number with the first page (position) that has it.
    goal_numbers: BTreeMap<u8, usize>,
    /// Whether each goal parsed and has a number of its own: only then is a reference to a
    /// goal that does not exist reported (a broken goal file is reported already).
    goals_complete: bool,
}

impl<'a> References<'a> {
    fn new(between: &Between<'a>) -> References<'a> {
        let Between {
            pages, all_keys, ..
        } = *between;
        let of_kind = |kind: Kind| {
            all_keys
                .range((kind, String::new())..)
                .take_while(move |(k, _)| *k == kind)
                .map(|(_, stem)| stem.as_str())
        };
        // The pages are sorted by kind first: the goals are one run of them.
        let goals = pages.partition_point(|p| p.kind < Kind::Goal)
            ..pages.partition_point(|p| p.kind <= Kind::Goal);
        let mut goal_numbers: BTreeMap<u8, usize> = BTreeMap::new();
        let mut duplicate_goal_numbers = false;
        let mut goal_stems_parsed: BTreeSet<&str> = BTreeSet::new();
        // A goal with a stand-in number (`Entry::complete`) counts as not parsed: its number
        // would make up a goal and hide a missing one.
        for i in goals.filter(|i| pages[*i].entry.complete) {
            let page = &pages[i];
            goal_stems_parsed.insert(&page.entry.stem);
            if let EntryData::Goal(goal) = &page.entry.data {
                let first = *goal_numbers.entry(goal.number.value).or_insert(i);
                duplicate_goal_numbers |= is_duplicate_goal(pages, first, i);
            }
        }
        let partners = pages.partition_point(|p| p.kind < Kind::Partner)
            ..pages.partition_point(|p| p.kind <= Kind::Partner);
        let mut partner_names = BTreeMap::new();
        for page in &pages[partners] {
            if let EntryData::Partner(partner) = &page.entry.data {
                let name = partner.short_name.as_deref().unwrap_or(&partner.name);
                for called in [Some(&partner.name), partner.short_name.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    partner_names.insert(called.trim().to_lowercase(), called.as_str());
                }
                partner_names.insert(page.entry.stem.to_lowercase(), name);
            }
        }
        References {
            partner_stems: of_kind(Kind::Partner).collect(),
            partner_names,
            goals_complete: !duplicate_goal_numbers
                && of_kind(Kind::Goal).count() == goal_stems_parsed.len(),
            goal_numbers,
        }
    }
}

impl References<'_> {
    /// Adds everything the checks may read of these to a hash: the goal pages by number with
    /// what a duplicate's message names of them.
    pub(super) fn hash_into(&self, pages: &[Page], add: &mut impl FnMut(&[u8])) {
        self.partner_stems
            .iter()
            .for_each(|stem| add(stem.as_bytes()));
        for (name, called) in &self.partner_names {
            add(name.as_bytes());
            add(called.as_bytes());
        }
        for (number, first) in &self.goal_numbers {
            add(&[*number]);
            add(&first.to_le_bytes());
            let entry = &pages[*first].entry;
            add(entry.stem.as_bytes());
            add(entry.lang.code().as_bytes());
            if let EntryData::Goal(goal) = &entry.data {
                add(goal.number.path.as_os_str().as_encoded_bytes());
            }
            add(entry.path.as_os_str().as_encoded_bytes());
        }
        add(&[u8::from(self.goals_complete)]);
    }
}

/// Whether the goal page `i` has the number of the goal page `first` (the first with that
/// number), in the same language but another entry.
fn is_duplicate_goal(pages: &[Page], first: usize, i: usize) -> bool {
    first != i
        && pages[first].entry.stem != pages[i].entry.stem
        && pages[first].lang == pages[i].lang
}

/// Everything the checks between pages report on the page at `i`, but a clash of addresses.
pub(super) fn check_page(
    between: &Between<'_>,
    references: &References<'_>,
    i: usize,
) -> Vec<Diagnostic> {
    let mut found = Diagnostics::new();
    check_translations(between, i, &mut found);
    check_references(between, references, i, &mut found);
    check_front_matter_files(between, &between.pages[i], &mut found);
    found.into_vec()
}

/// Each other language: with a translation, the values both must agree on (compared from the
/// default language, once); without one, a warning, unless the file is there but not published.
/// One lookup per language: `serve` runs this for every page on every edit.
fn check_translations(between: &Between<'_>, i: usize, diagnostics: &mut Diagnostics) {
    let Between {
        config,
        pages,
        index,
        files,
        ..
    } = *between;
    let entry = &pages[i].entry;
    for lang in config.languages.iter().filter(|l| **l != entry.lang) {
        match index.translation(pages, i, *lang) {
            // A stand-in value (`Entry::complete`) would disagree with what was written.
            Some(other) if entry.lang == config.default_lang() => {
                let other = &pages[other].entry;
                if entry.complete && other.complete {
                    check_agreement(entry, other, diagnostics)
                }
                check_descriptions_translated(entry, other, diagnostics);
                if entry.body_hash.is_some() && entry.body_hash == other.body_hash {
                    let message = crate::tr!("between-same-text", path = display_path(&entry.path));
                    diagnostics.push(
                        Diagnostic::warning(&other.path, other.body_line, 1, message)
                            .with_hint(crate::tr!("between-same-text-hint")),
                    );
                }
            }
            Some(_) => {}
            None if files.contains(&(entry.kind, entry.stem.clone(), *lang)) => {}
            None => warn_untranslated(between, entry, *lang, diagnostics),
        }
    }
}

/// The translation of `entry` into `lang` is missing: said once per entry, from the first
/// language that has it.
fn warn_untranslated(
    between: &Between<'_>,
    entry: &Entry,
    lang: Lang,
    diagnostics: &mut Diagnostics,
) {
    let Between {
        config,
        pages,
        index,
        ..
    } = *between;
    let first_present =
        (config.languages.iter()).find(|l| index.contains(pages, entry.kind, &entry.stem, **l));
    if first_present != Some(&entry.lang) {
        return;
    }
    let expected = (entry.path).with_file_name(format!("{}.{}.md", entry.stem, lang.code()));
    diagnostics.push(
        Diagnostic::warning(
            &entry.path,
            0,
            0,
            crate::tr!("between-no-translation", lang = lang.code()),
        )
        .with_hint(crate::tr!(
            "between-no-translation-hint",
            lang = lang.code(),
            path = display_path(&expected)
        )),
    );
}

/// An image's description (`image_alt`) the same in a translation: its readers would hear or
/// read it in the other language. Written once in the shared file, it is the same in all.
fn check_descriptions_translated(first: &Entry, second: &Entry, diagnostics: &mut Diagnostics) {
    let (Some(a), Some(b)) = (first.image_alt(), second.image_alt()) else {
        return;
    };
    if a.trim() != b.trim() {
        return;
    }
    let Some((path, line, col)) = (second.field_locations.iter())
        .find_map(|(name, at)| (*name == "image_alt").then(|| at.clone()))
    else {
        return;
    };
    let (message, hint) = match *path == *second.path {
        true => (
            crate::tr!("between-same-alt", path = display_path(&first.path)),
            crate::tr!("between-same-alt-hint"),
        ),
        false => (
            crate::tr!("between-shared-alt"),
            crate::tr!("between-shared-alt-hint"),
        ),
    };
    diagnostics.push(Diagnostic::warning(&*path, line, col, message).with_hint(hint));
}

/// The fields compared here are the first five of `model::COMPARED_FIELDS`: the others are
/// compared by `check_descriptions_translated`.
fn check_agreement(first: &Entry, second: &Entry, diagnostics: &mut Diagnostics) {
    // Written out only when they differ: every pair of translations is compared on each edit.
    let differ = |field: &str, values: Option<(String, String)>, diagnostics: &mut Diagnostics| {
        if let Some((a, b)) = values {
            // Point at the value in the translation, where it was written.
            let (path, line, col) = (second.field_locations.iter())
                .find_map(|(name, at)| (*name == field).then(|| at.clone()))
                .unwrap_or((second.path.as_path().into(), 1, 1));
            diagnostics.push(
                Diagnostic::error(
                    &*path,
                    line,
                    col,
                    crate::tr!(
                        "between-disagree",
                        field = field,
                        here = b,
                        there = a,
                        path = display_path(&first.path)
                    ),
                )
                .with_hint(crate::tr!(
                    "between-disagree-hint",
                    field = field,
                    stem = &second.stem
                )),
            );
        }
    };
    match (&first.data, &second.data) {
        (EntryData::Goal(a), EntryData::Goal(b)) => {
            let numbers = unequal(&a.number.value, &b.number.value, u8::to_string);
            differ("number", numbers, diagnostics);
            let years = unequal(&a.target_year, &b.target_year, ToString::to_string);
            differ("target_year", years, diagnostics);
        }
        (EntryData::Press(a), EntryData::Press(b)) => differ(
            "date",
            unequal(&a.date, &b.date, Date::to_string),
            diagnostics,
        ),
        (EntryData::Festival(a), EntryData::Festival(b)) => differ(
            "date",
            unequal(&a.date, &b.date, Date::to_string),
            diagnostics,
        ),
        (EntryData::Initiative(a), EntryData::Initiative(b)) => {
            let provinces = unequal(&a.province, &b.province, String::clone);
            differ("province", provinces, diagnostics)
        }
        (EntryData::Partner(a), EntryData::Partner(b)) => {
            let show = |role: &Role| format!("{role:?}").to_lowercase();
            differ("role", unequal(&a.role, &b.role, show), diagnostics)
        }
        _ => {}
    }
}

/// The two values, written out, when they differ.
fn unequal<T: PartialEq>(a: &T, b: &T, show: impl Fn(&T) -> String) -> Option<(String, String)> {
    (a != b).then(|| (show(a), show(b)))
}

/// The references of page `i`: its goal number is its own, and the partners and goals it
/// names exist.
fn check_references(
    between: &Between<'_>,
    references: &References<'_>,
    i: usize,
    diagnostics: &mut Diagnostics,
) {
    let Between {
        config,
        pages,
        index,
        ..
    } = *between;
    check_goal_number(pages, references, i, diagnostics);
    let page = &pages[i];
    // References are written in the shared file most of the time: check them once.
    if page.lang != config.default_lang()
        && index.translation(pages, i, config.default_lang()).is_some()
    {
        return;
    }
    match &page.entry.data {
        EntryData::Press(press) => {
            check_partner_names(&press.partners, references, diagnostics);
            check_press_contact(press.press_contact.as_ref(), references, diagnostics);
            check_goal_numbers(&press.goals, references, diagnostics);
        }
        EntryData::Initiative(initiative) => {
            check_goal_numbers(&initiative.goals, references, diagnostics);
        }
        EntryData::Festival(festival) => {
            check_partner_names(&festival.partners, references, diagnostics);
        }
        _ => {}
    }
}

/// A goal's number is no other goal's.
fn check_goal_number(
    pages: &[Page],
    references: &References<'_>,
    i: usize,
    diagnostics: &mut Diagnostics,
) {
    let EntryData::Goal(goal) = &pages[i].entry.data else {
        return;
    };
    if !pages[i].entry.complete {
        return;
    }
    let Some(&first) = references.goal_numbers.get(&goal.number.value) else {
        return;
    };
    if !is_duplicate_goal(pages, first, i) {
        return;
    }
    // Name the file where the other number is written (often the shared .yaml).
    let other_file = match &pages[first].entry.data {
        EntryData::Goal(g) => g.number.path.to_path_buf(),
        _ => pages[first].entry.path.clone(),
    };
    diagnostics.push(
        goal.number
            .error(crate::tr!(
                "between-goal-number-taken",
                number = goal.number.value,
                path = display_path(&other_file)
            ))
            .with_hint(crate::tr!("between-goal-number-taken-hint")),
    )
}

/// Every partner named is a partner of the site.
fn check_partner_names(
    named: &[crate::fields::Located<String>],
    references: &References<'_>,
    diagnostics: &mut Diagnostics,
) {
    let stems = &references.partner_stems;
    for partner in named {
        // The stems are sorted (from `all_keys`): looked up without a copy of the name, once
        // for each partner of every press release on every edit of `serve`.
        if stems.binary_search(&partner.value.as_str()).is_err() {
            let hint = match suggest(&partner.value, stems.iter().copied()) {
                Some(close) => crate::tr!("between-partner-did-you-mean", partner = close),
                None => crate::tr!("between-partners", partners = stems.join(", ")),
            };
            diagnostics.push(
                partner
                    .error(crate::tr!("between-no-partner", partner = &partner.value))
                    .with_hint(hint),
            );
        }
    }
}

/// A `press_contact` that names no partner is left out of the page (it falls back to the
/// release's partners): say so, with the partner probably meant.
fn check_press_contact(
    contact: Option<&crate::fields::Located<String>>,
    references: &References<'_>,
    diagnostics: &mut Diagnostics,
) {
    let Some(contact) = contact else { return };
    let names = &references.partner_names;
    let name = contact.value.trim();
    // Lowered only when it may change: checked for every press release on every edit.
    let known = match name.is_ascii() && !name.bytes().any(|b| b.is_ascii_uppercase()) {
        true => names.contains_key(name),
        false => names.contains_key(&name.to_lowercase()),
    };
    if names.is_empty() || known {
        return;
    }
    let hint = match suggest(contact.value.trim(), names.values().copied()) {
        Some(close) => crate::tr!("between-press-contact-did-you-mean", partner = close),
        None => crate::tr!("between-press-contact-hint"),
    };
    diagnostics.push(
        contact
            .warning(crate::tr!(
                "between-press-contact-no-partner",
                name = contact.value.trim()
            ))
            .with_hint(hint),
    );
}

/// Every goal named is a goal of the site (known only when every goal parsed).
fn check_goal_numbers(
    named: &[crate::fields::Located<u8>],
    references: &References<'_>,
    diagnostics: &mut Diagnostics,
) {
    for goal in named.iter().filter(|_| references.goals_complete) {
        if !references.goal_numbers.contains_key(&goal.value) {
            let numbers: Vec<String> = (references.goal_numbers.keys())
                .map(u8::to_string)
                .collect();
            diagnostics.push(
                goal.error(crate::tr!("between-no-goal", number = goal.value))
                    .with_hint(crate::tr!("between-goals", numbers = numbers.join(", "))),
            );
        }
    }
}

/// Every page the menu names must exist.
fn check_menu(config: &Config, all_keys: &BTreeSet<(Kind, String)>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for item in &config.menu {
        if let MenuItem::Page(stem) = item
            && !all_keys.contains(&(Kind::Page, stem.value.clone()))
        {
            let pages: Vec<&str> = all_keys
                .iter()
                .filter(|(k, _)| *k == Kind::Page)
                .map(|(_, s)| s.as_str())
                .collect();
            diagnostics.push(
                stem.error(crate::tr!("between-menu-no-page", page = &stem.value))
                    .with_hint(match suggest(&stem.value, pages.iter().copied()) {
                        Some(close) => crate::tr!("between-menu-did-you-mean", page = close),
                        None => crate::tr!(
                            "between-menu-pages",
                            pages = (pages.iter().map(|p| format!("page:{p}")))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    }),
            );
        }
    }
    diagnostics
}

/// Files named in front matter (`logo:`, `image:`) must exist beside the entry.
fn check_front_matter_files(between: &Between<'_>, page: &Page, diagnostics: &mut Diagnostics) {
    for file in (page.entry.image().into_iter()).chain(&page.entry.keep_metadata) {
        if let Err((message, hint)) = check_image_reference(
            page.kind,
            &file.value,
            (between.assets, between.held_files),
            between.images,
        ) {
            diagnostics.push(file.error(message).with_hint(hint));
        }
    }
}
