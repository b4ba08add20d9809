//! Puts edits into the site `serve` kept from the previous build, instead of resolving it again:
//! entries edited in place (`patch`) and entries that appeared or went (`add_and_remove`).
//! Every patch must give exactly the pages, Markdown and problems of a full resolve; debug
//! builds check that (`build::assert_same_as_full_compile`).

use super::*;

/// Puts edited entries into the site of the previous build when each is `same_but_place` as
/// before, so every URL, reference and check between pages is as before. An entry that moved in
/// its list (`same_to_resolve` does not hold: a new date or name) must stay published and agree
/// with its translations; the pages of its kind are then put in their new order. Renders the
/// edited entries' Markdown again and checks every page's anchors again. `edited` holds
/// (before, after) of each entry. Returns all the problems of the site, or `None` when these
/// edits cannot be patched in, or the site was not resolved for this
/// (`ResolveInput::markdown_cache`); then the site is resolved again.
pub fn patch(
    site: &mut Site,
    edited: Vec<(Arc<Entry>, Arc<Entry>)>,
    markdown_cache: &MarkdownCache,
) -> Option<Diagnostics> {
    let options = site.incremental.as_ref()?.options.clone();
    let translations = |site: &Site, kind: Kind, stem: &str| -> Vec<Arc<Entry>> {
        (site.config.languages.iter())
            .filter_map(|lang| site.page(kind, stem, *lang))
            .map(|p| p.entry.clone())
            .collect()
    };
    // (kind, stem) of each entry that moved, with its versions in every language before any
    // edit is put in.
    let mut moved: BTreeMap<(Kind, String), Vec<Arc<Entry>>> = BTreeMap::new();
    for (before, entry) in &edited {
        if same_to_resolve(before, entry) {
            continue;
        }
        // A draft or embargoed release has no page: it stays held back, unless its date (the
        // embargo, and the reason given) changed. One that has must stay published.
        if !site.index.contains(entry.kind, &entry.stem, entry.lang)
            || !is_published(entry, &options)
        {
            return None;
        }
        moved
            .entry((entry.kind, entry.stem.clone()))
            .or_insert_with(|| translations(site, entry.kind, &entry.stem));
    }
    // Problems between pages point at fields: where fields moved to other lines, there must
    // be none in the files they are written in.
    let before_markdown = &site.incremental.as_ref()?.before_markdown;
    for (before, entry) in &edited {
        if before.field_locations != entry.field_locations {
            let files: HashSet<&std::path::Path> = (before.field_locations.values())
                .chain(entry.field_locations.values())
                .map(|(path, _, _)| &**path)
                .chain([before.path.as_path()])
                .collect();
            if before_markdown
                .iter()
                .any(|d| files.contains(d.path.as_path()))
            {
                return None;
            }
        }
    }
    let mut edited_keys = Vec::with_capacity(edited.len());
    let mut readdressed = Vec::new();
    // Made now: sorting a kind again below moves the pages.
    let mut changes: Vec<AddressChange> = Vec::new();
    for (before, entry) in edited {
        if let Some(i) = site.index.get(entry.kind, &entry.stem, entry.lang) {
            edited_keys.push((entry.kind, entry.stem.clone(), entry.lang));
            if before.slug != entry.slug {
                let url = entry_url(&site.config, &entry);
                changes.push(AddressChange {
                    lang: entry.lang,
                    key: site.pages[i].key.clone(),
                    url: Some(url.clone()),
                });
                let old = std::mem::replace(&mut site.pages[i].url, url);
                readdressed.push((i, old));
            }
            site.pages[i].entry = entry;
        }
    }
    if !readdressed.is_empty() && !clash_free(site, &readdressed) {
        return None;
    }
    if !moved.is_empty() {
        // The values both languages must agree on include the date. Patched only when they
        // agreed before and still do: then the problems found between pages are unchanged.
        let default = site.config.default_lang();
        let disagree = |entries: &[Arc<Entry>]| {
            let mut found = Diagnostics::new();
            if let Some(first) = entries.iter().find(|e| e.lang == default) {
                for other in entries.iter().filter(|e| e.lang != default) {
                    check_agreement(first, other, &mut found);
                }
            }
            !found.is_empty()
        };
        for ((kind, stem), before) in &moved {
            if disagree(before) || disagree(&translations(site, *kind, stem)) {
                return None;
            }
        }
        let kinds: BTreeSet<Kind> = moved.keys().map(|(kind, _)| *kind).collect();
        for kind in kinds {
            reorder(site, kind)?;
        }
    }
    let mut changed: Vec<usize> = edited_keys
        .iter()
        .filter_map(|(kind, stem, lang)| site.index.get(*kind, stem, *lang))
        .collect();
    // A page at a new address: the text of every page that links to it is rendered again.
    let (moved, generation) = if changes.is_empty() {
        let generation = markdown_cache.addresses.lock().ok()?.generation;
        (HashSet::new(), generation)
    } else {
        moved_pages(markdown_cache, &site.pages, Some(&changes))
    };
    site.address_changes = Some(changes);
    if !moved.is_empty() {
        changed.extend(
            (site.pages.iter().enumerate())
                .filter_map(|(i, page)| links_to_any(page, &moved).then_some(i)),
        );
        changed.sort_unstable();
        changed.dedup();
    }
    render_markdown_again(site, &changed, &moved, generation, markdown_cache)
}

/// Renders the Markdown of the pages `changed` (positions in `Site::pages`) again, or takes it
/// from the cache where it still holds, and checks every page's anchors again. Returns all the
/// problems of the site.
fn render_markdown_again(
    site: &mut Site,
    changed: &[usize],
    moved: &HashSet<String>,
    generation: u64,
    markdown_cache: &MarkdownCache,
) -> Option<Diagnostics> {
    let state = site.incremental.as_ref()?;
    let asset_set = asset_set(&site.assets);
    let base_path = site.config.base_path();
    let targets = LinkTargets {
        config: &site.config,
        pages: &site.pages,
        index: &site.index,
        all_keys: &state.all_keys,
        held_back: &state.held_keys,
        assets: &asset_set,
        images: &state.headers,
        base_path: &base_path,
        frame: site.frame,
        keys_hash: state.keys_hash,
        cache: Some(markdown_cache),
        moved,
        generation,
    };
    let rendered: Vec<(usize, Arc<Rendered>, Vec<Diagnostic>, bool)> = changed
        .iter()
        .map(|&i| {
            let page = &site.pages[i];
            let (rendered, found, again) = targets.render_markdown(page, page.entry.body.clone());
            (i, rendered, found, again)
        })
        .collect();
    drop(asset_set);
    let state = site.incremental.as_mut()?;
    state.rendered_again.clear();
    for (i, rendered, found, again) in rendered {
        site.pages[i].rendered = rendered;
        state.markdown_found[i] = found;
        if again {
            state.rendered_again.push(i);
        }
    }
    let mut diagnostics = state.before_markdown.clone();
    for found in &state.markdown_found {
        for d in found {
            diagnostics.push(d.clone());
        }
    }
    check_anchors(&site.pages, &site.index, &mut diagnostics);
    Some(diagnostics)
}

/// Puts new entries into the site of the previous build and takes those whose file went out
/// (`added`; `removed` as kind, stem and language), then runs the checks between pages again
/// and renders the Markdown of the new pages and of those that link to a page that appeared or
/// went. Only for press releases and initiatives, which no front matter names: a new goal,
/// partner or page changes references, menus and what other entries show. Each new entry must
/// be published (a draft or embargoed one changes what is held back) and each removed one must
/// have been. `None` when that does not hold; then the site is resolved again.
pub fn add_and_remove(
    site: &mut Site,
    added: Vec<Arc<Entry>>,
    removed: Vec<(Kind, String, Lang)>,
    markdown_cache: &MarkdownCache,
) -> Option<Diagnostics> {
    let options = site.incremental.as_ref()?.options.clone();
    let patchable = |kind: Kind| matches!(kind, Kind::Press | Kind::Initiative);
    for (kind, stem, lang) in &removed {
        if !patchable(*kind) || !site.index.contains(*kind, stem, *lang) {
            return None;
        }
    }
    for entry in &added {
        if !patchable(entry.kind)
            || !is_published(entry, &options)
            || site.index.contains(entry.kind, &entry.stem, entry.lang)
        {
            return None;
        }
    }
    // Only an entry that names images to keep byte for byte changes that set.
    let keep_metadata_named = (added.iter().any(|e| !e.keep_metadata.is_empty()))
        || (removed.iter())
            .filter_map(|(kind, stem, lang)| site.page(*kind, stem, *lang))
            .any(|p| !p.entry.keep_metadata.is_empty());
    let state = site.incremental.as_mut()?;
    let keys_before = state.keys_hash;
    let mut gone: Vec<usize> = (removed.iter())
        .filter_map(|(kind, stem, lang)| site.index.get(*kind, stem, *lang))
        .collect();
    gone.sort_unstable();
    let mut changes: Vec<AddressChange> = Vec::new();
    for &i in gone.iter().rev() {
        let page = site.pages.remove(i);
        changes.push(AddressChange {
            lang: page.entry.lang,
            key: page.key.clone(),
            url: None,
        });
        state.markdown_found.remove(i);
        state.pages_hash = state.pages_hash.wrapping_sub(page_hash(&page));
        shift_lists(&mut site.lists, i, false);
        if let Some(of_kind) = site
            .index
            .by_kind
            .get_mut(&(page.entry.kind, page.entry.lang))
        {
            of_kind.remove(page.entry.stem.as_str());
        }
        site.index.shift(i, false);
    }
    for (kind, stem, lang) in removed {
        let key = (kind, stem, lang);
        state.files.remove(&key);
        let (kind, stem, _) = key;
        if !(state.files.iter()).any(|(k, s, _)| *k == kind && *s == stem) {
            state.keys_hash = state.keys_hash.wrapping_sub(key_hash(kind, &stem));
            state.all_keys.remove(&(kind, stem));
        }
    }
    let mut new_pages = Vec::with_capacity(added.len());
    for entry in added {
        new_pages.push((entry.kind, entry.stem.clone(), entry.lang));
        state
            .files
            .insert((entry.kind, entry.stem.clone(), entry.lang));
        if state.all_keys.insert((entry.kind, entry.stem.clone())) {
            state.keys_hash = state
                .keys_hash
                .wrapping_add(key_hash(entry.kind, &entry.stem));
        }
        let order = page_order(&entry);
        let at = site.pages.partition_point(|p| page_order(&p.entry) < order);
        site.pages.insert(at, Page::new(&site.config, entry));
        changes.push(AddressChange {
            lang: site.pages[at].entry.lang,
            key: site.pages[at].key.clone(),
            url: Some(site.pages[at].url.clone()),
        });
        state.markdown_found.insert(at, Vec::new());
        state.pages_hash = state.pages_hash.wrapping_add(page_hash(&site.pages[at]));
        site.index.shift(at, true);
        site.index.insert(&site.pages[at].entry, at);
        shift_lists(&mut site.lists, at, true);
        let list = (site.lists)
            .entry((site.pages[at].entry.kind, site.pages[at].entry.lang))
            .or_default();
        let place = list.partition_point(|i| *i < at);
        list.insert(place, at);
    }
    site.lists.retain(|_, list| !list.is_empty());
    let state = site.incremental.as_mut()?;
    site.structure = structure_hash(state.pages_hash, state.keys_hash, site.frame);
    if keep_metadata_named {
        site.keep_metadata = keep_metadata(&site.pages);
    }
    let asset_set = asset_set(&site.assets);
    let found = check_between_pages(&Between {
        config: &site.config,
        pages: &site.pages,
        index: &site.index,
        files: &state.files,
        all_keys: &state.all_keys,
        assets: &asset_set,
        images: &state.headers,
    });
    drop(asset_set);
    let state = site.incremental.as_mut()?;
    state.before_markdown = state.before_checks.clone();
    state.before_markdown.extend(found);
    // The new pages, the pages that link to a page that appeared or went, and those whose
    // links found no page when the entries that exist changed.
    let (moved, generation) = moved_pages(markdown_cache, &site.pages, Some(&changes));
    site.address_changes = Some(changes);
    let keys_changed = keys_before != state.keys_hash;
    let mut changed: Vec<usize> = (site.pages.iter().enumerate())
        .filter(|(_, page)| {
            (keys_changed && page.rendered.links_unresolved) || links_to_any(page, &moved)
        })
        .map(|(i, _)| i)
        .collect();
    changed.extend(
        (new_pages.iter()).filter_map(|(kind, stem, lang)| site.index.get(*kind, stem, *lang)),
    );
    changed.sort_unstable();
    changed.dedup();
    render_markdown_again(site, &changed, &moved, generation, markdown_cache)
}

/// Moves every position in the lists from `at` on one up, for a page put in there
/// (`inserted`), or takes the page at `at` out and moves every position after it one down.
/// The lists are in the order of the pages, so they stay in order.
fn shift_lists(lists: &mut BTreeMap<(Kind, Lang), Vec<usize>>, at: usize, inserted: bool) {
    for list in lists.values_mut() {
        if !inserted {
            list.retain(|i| *i != at);
        }
        for position in list.iter_mut() {
            if inserted && *position >= at {
                *position += 1;
            } else if !inserted && *position > at {
                *position -= 1;
            }
        }
    }
}

/// Whether the page's text links to any of `keys` (a few: those that moved), looked up in its
/// links rather than hashing each of its links, for every page of the site.
fn links_to_any(page: &Page, keys: &HashSet<String>) -> bool {
    keys.iter().any(|key| page.rendered.links_to.contains(key))
}

/// Whether the pages that moved to a new address (index into `Site::pages`, old address)
/// clash with no other page or section (case-insensitively), at their new addresses and at
/// their old ones: a clash is reported by the checks between pages, which a patch does not
/// run again.
fn clash_free(site: &Site, readdressed: &[(usize, String)]) -> bool {
    let mut taken: HashSet<String> = HashSet::with_capacity(site.pages.len() + 16);
    taken.extend(section_urls_folded(&site.config).map(|(url, _)| url));
    let moving: HashSet<usize> = readdressed.iter().map(|(i, _)| *i).collect();
    for (i, page) in site.pages.iter().enumerate() {
        if !moving.contains(&i) && !taken.insert(page.url.to_lowercase()) {
            return false;
        }
    }
    let old_free = {
        let mut old: HashSet<String> = HashSet::new();
        (readdressed.iter()).all(|(_, url)| {
            let url = url.to_lowercase();
            !taken.contains(&url) && old.insert(url)
        })
    };
    old_free && (readdressed.iter()).all(|(i, _)| taken.insert(site.pages[*i].url.to_lowercase()))
}

/// Puts the pages of `kind` (one run in `Site::pages`) in the order a full resolve gives them,
/// with everything kept by page position: the index, the lists, what each page's Markdown found.
fn reorder(site: &mut Site, kind: Kind) -> Option<()> {
    let start = site.pages.partition_point(|p| p.entry.kind < kind);
    let end = site.pages.partition_point(|p| p.entry.kind <= kind);
    let state = site.incremental.as_mut()?;
    // Positions from before; `patch` sets them again after reordering.
    state.rendered_again.clear();
    let mut run: Vec<(Page, Vec<Diagnostic>)> = site
        .pages
        .drain(start..end)
        .zip(state.markdown_found.drain(start..end))
        .collect();
    run.sort_by_cached_key(|(page, _)| page_order(&page.entry));
    let (pages, found): (Vec<Page>, Vec<Vec<Diagnostic>>) = run.into_iter().unzip();
    site.pages.splice(start..start, pages);
    state.markdown_found.splice(start..start, found);
    for lang in &site.config.languages {
        site.lists.remove(&(kind, *lang));
    }
    for i in start..end {
        let entry = &site.pages[i].entry;
        site.index.insert(entry, i);
        site.lists.entry((kind, entry.lang)).or_default().push(i);
    }
    Some(())
}
