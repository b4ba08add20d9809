//! Puts edits into the site `serve` kept from the previous build, instead of resolving it again:
//! entries edited in place (`patch`) and entries that appeared or went (`add_and_remove`).
//! Every patch must give exactly the pages, Markdown and problems of a full resolve; debug
//! builds check that (`incremental::assert_same_as_full_compile`).

use super::between::{check_again, urls_of};
use super::*;

/// Puts edited entries into the site of the previous build when each is `same_but_place` as
/// before, so every reference is as before. An entry that moved in its list (`same_to_resolve`
/// does not hold: a new date or name, a new slug, fields on other lines) must stay published;
/// the pages of its kind are then put in their new order, and the checks between pages run
/// again on its pages and those at its old and new addresses. Renders the edited entries'
/// Markdown again, and the anchors of the pages that link to them. `edited` holds
/// (before, after) of each entry. Returns all the problems of the site, or `None` when these
/// edits cannot be patched in, or the site was not resolved for this
/// (`ResolveInput::markdown_cache`); then the site is resolved again.
pub fn patch(
    site: &mut Site,
    edited: Vec<(Arc<Entry>, Arc<Entry>)>,
    markdown_cache: &MarkdownCache,
) -> Option<Diagnostics> {
    let options = site.incremental.as_ref()?.options.clone();
    // (kind, stem) of each entry that moved.
    let mut moved: BTreeSet<(Kind, String)> = BTreeSet::new();
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
        moved.insert((entry.kind, entry.stem.clone()));
    }
    // Problems found before the checks between pages point at fields: where fields moved to
    // other lines, there must be none in the files they are written in. (The checks between
    // pages run again on the entry's pages; nothing they report elsewhere names a line in it.)
    let before_checks = &site.incremental.as_ref()?.before_checks;
    for (before, entry) in &edited {
        if before.field_locations != entry.field_locations {
            let files: HashSet<&std::path::Path> = (before.field_locations.values())
                .chain(entry.field_locations.values())
                .map(|(path, _, _)| &**path)
                .chain([before.path.as_path()])
                .collect();
            if before_checks
                .iter()
                .any(|d| files.contains(d.path.as_path()))
            {
                return None;
            }
        }
    }
    let mut edited_keys = Vec::with_capacity(edited.len());
    // The old addresses, lowercased, of pages at a new one.
    let mut readdressed: Vec<String> = Vec::new();
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
                let old = site.pages[i].set_url(url);
                readdressed.push(old.to_lowercase());
            }
            site.pages[i].entry = entry;
        }
    }
    if !moved.is_empty() {
        let kinds: BTreeSet<Kind> = moved.iter().map(|(kind, _)| *kind).collect();
        for kind in kinds {
            reorder(site, kind)?;
        }
        if moved.iter().any(|(kind, _)| *kind == Kind::Initiative) {
            site.directory = new_version();
        }
        if moved.iter().any(|(kind, _)| *kind == Kind::Press) {
            site.press = new_version();
        }
        // A new slug, date or name, or fields on other lines: an entry that moved (a new slug
        // is `moved` too). Its translations may no longer agree, its address may clash, or a
        // clash be reported on another page of the two now that their order changed.
        let mut urls = readdressed;
        urls.extend(urls_of(&site.config, &site.pages, &site.index, &moved));
        check_pages_again(site, &urls)?;
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
        let mask = links_mask(&moved);
        changed.extend(
            (site.pages.iter().enumerate())
                .filter_map(|(i, page)| page.links_to_any(&moved, mask).then_some(i)),
        );
        changed.sort_unstable();
        changed.dedup();
    }
    render_markdown_again(site, &changed, &moved, generation, markdown_cache)
}

/// Renders the Markdown of the pages `changed` (positions in `Site::pages`) again, or takes it
/// from the cache where it still holds, and checks again the anchors of those pages and of the
/// pages that link to one of them (its headings may be new). Returns all the problems of the
/// site.
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
        site.pages[i].set_rendered(rendered);
        state.markdown_found[i] = found;
        if again {
            state.rendered_again.push(i);
        }
    }
    // What is kept by page is kept for every page.
    for kept in [
        &state.markdown_found,
        &state.anchors_found,
        &state.between.by_page,
    ] {
        debug_assert_eq!(kept.len(), site.pages.len(), "problems kept by page");
    }
    let keys: HashSet<String> = changed.iter().map(|&i| site.pages[i].key.clone()).collect();
    let mask = links_mask(&keys);
    let changed: HashSet<usize> = changed.iter().copied().collect();
    for (i, page) in site.pages.iter().enumerate() {
        if changed.contains(&i) || page.links_to_any(&keys, mask) {
            state.anchors_found[i] = anchor_problems(&site.pages, &site.index, i);
        }
    }
    let mut diagnostics = Diagnostics::new();
    for d in state.before_markdown() {
        diagnostics.push(d.clone());
    }
    for found in (state.markdown_found.iter()).chain(&state.anchors_found) {
        for d in found {
            diagnostics.push(d.clone());
        }
    }
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
    let of_kind = |kind: Kind| {
        (added.iter().any(|e| e.kind == kind)) || (removed.iter()).any(|(k, _, _)| *k == kind)
    };
    if of_kind(Kind::Initiative) {
        site.directory = new_version();
    }
    if of_kind(Kind::Press) {
        site.press = new_version();
    }
    let state = site.incremental.as_mut()?;
    let keys_before = state.keys_hash;
    let mut gone: Vec<usize> = (removed.iter())
        .filter_map(|(kind, stem, lang)| site.index.get(*kind, stem, *lang))
        .collect();
    gone.sort_unstable();
    let mut changes: Vec<AddressChange> = Vec::new();
    // The addresses at which the checks between pages run again (`check_again`): those of the
    // pages that went, and below, of every page of each entry that came or went.
    let mut urls: Vec<String> = Vec::new();
    for &i in gone.iter().rev() {
        let page = site.pages.remove(i);
        urls.push(page.url.to_lowercase());
        changes.push(AddressChange {
            lang: page.entry.lang,
            key: page.key.clone(),
            url: None,
        });
        state.markdown_found.remove(i);
        state.anchors_found.remove(i);
        state.between.by_page.remove(i);
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
    let mut stems: BTreeSet<(Kind, String)> = BTreeSet::new();
    for (kind, stem, lang) in removed {
        stems.insert((kind, stem.clone()));
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
        stems.insert((entry.kind, entry.stem.clone()));
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
        state.anchors_found.insert(at, Vec::new());
        state.between.by_page.insert(at, Vec::new());
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
    urls.extend(urls_of(&site.config, &site.pages, &site.index, &stems));
    check_pages_again(site, &urls)?;
    let state = site.incremental.as_ref()?;
    // The new pages, the pages that link to a page that appeared or went, and those whose
    // links found no page when the entries that exist changed.
    let (moved, generation) = moved_pages(markdown_cache, &site.pages, Some(&changes));
    site.address_changes = Some(changes);
    let keys_changed = keys_before != state.keys_hash;
    let mask = links_mask(&moved);
    let mut changed: Vec<usize> = (site.pages.iter().enumerate())
        .filter(|(_, page)| {
            (keys_changed && page.links_unresolved) || page.links_to_any(&moved, mask)
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
            shift_position(position, at, inserted);
        }
    }
}

/// Runs the checks between pages again on the pages at `urls` (lowercased; see
/// `check_again`).
fn check_pages_again(site: &mut Site, urls: &[String]) -> Option<()> {
    let state = site.incremental.as_mut()?;
    let asset_set = asset_set(&site.assets);
    let between = Between {
        config: &site.config,
        pages: &site.pages,
        index: &site.index,
        files: &state.files,
        all_keys: &state.all_keys,
        assets: &asset_set,
        images: &state.headers,
    };
    check_again(&between, &mut state.between, urls);
    Some(())
}

/// Puts the pages of `kind` (one run in `Site::pages`) in the order a full resolve gives them,
/// with everything kept by page position: the index, the lists, what each page's Markdown, its
/// anchors and the checks between pages found.
fn reorder(site: &mut Site, kind: Kind) -> Option<()> {
    let start = site.pages.partition_point(|p| p.entry.kind < kind);
    let end = site.pages.partition_point(|p| p.entry.kind <= kind);
    let state = site.incremental.as_mut()?;
    // Positions from before; `patch` sets them again after reordering.
    state.rendered_again.clear();
    let mut order: Vec<usize> = (0..end - start).collect();
    order.sort_by_cached_key(|i| page_order(&site.pages[start + i].entry));
    permute(&mut site.pages, start, &order);
    permute(&mut state.markdown_found, start, &order);
    permute(&mut state.anchors_found, start, &order);
    permute(&mut state.between.by_page, start, &order);
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

/// Puts the run of `items` from `start` in the order `order` gives (positions in the run).
fn permute<T>(items: &mut Vec<T>, start: usize, order: &[usize]) {
    let mut run: Vec<Option<T>> = (items.drain(start..start + order.len()))
        .map(Some)
        .collect();
    let sorted: Vec<T> = order.iter().filter_map(|i| run[*i].take()).collect();
    items.splice(start..start, sorted);
}
