//! The files beside the content that only held-back entries use (an embargoed release's photo
//! and report): held back with them, or their addresses would tell the news before its date.

use super::*;

/// (kind, file relative to the kind's folder) of every file a held-back entry names in its
/// fields or its text that no published entry uses:
/// - a file named after the entry (`toekomst.jpg`, `toekomst-rapport.pdf` for `toekomst`) is
///   held unless a published entry names it in its fields. A published text that links to it
///   finds no such file: it would publish it early.
/// - a file of another name (`cijfers.pdf`) is held unless a published entry names it in its
///   fields or links to it in its text: then it was public anyway.
///
/// A text may name a file relative to its kind's folder or by its address on the site
/// (`/pers/x.pdf`, the site's full address), read as a web server reads it (`..`, `%61`).
pub(super) fn held_files(
    config: &Config,
    held: &[Arc<Entry>],
    published: &[Arc<Entry>],
) -> BTreeSet<(Kind, String)> {
    let named_by_held: Vec<(bool, (Kind, String))> = (held.iter())
        .flat_map(|entry| {
            let fields = named_files(entry).map(|file| (entry.kind, file));
            let linked = crate::markdown::link_destinations(&entry.body.read());
            let linked = (linked.iter())
                .flat_map(|link| files_named_by(config, entry.kind, link))
                .collect::<Vec<_>>();
            (fields.chain(linked))
                .map(|(kind, file)| (is_named_after(&file, &entry.stem), (kind, file)))
                .collect::<Vec<_>>()
        })
        .collect();
    // Mostly none: then the files of every published entry (`serve`: on every edit) are not
    // gathered.
    if named_by_held.is_empty() {
        return BTreeSet::new();
    }
    let used: BTreeSet<(Kind, String)> = (published.iter())
        .flat_map(|entry| named_files(entry).map(move |file| (entry.kind, file)))
        .collect();
    let (named_after, other): (BTreeSet<_>, BTreeSet<_>) = (named_by_held.into_iter())
        .filter(|(_, key)| !used.contains(key))
        .partition(|(named_after, _)| *named_after);
    let mut held: BTreeSet<(Kind, String)> = named_after.into_iter().map(|(_, key)| key).collect();
    let other: BTreeSet<(Kind, String)> = other.into_iter().map(|(_, key)| key).collect();
    let linked = linked_from_published(config, &other, published);
    held.extend(other.into_iter().filter(|key| !linked.contains(key)));
    held
}

/// Which of `files` a published text links to or shows. Only a text that has a file's name
/// in it, or a `%` that may write one (`%62rochure.pdf`), is parsed: nearly always `files` is
/// empty and nothing is read.
fn linked_from_published(
    config: &Config,
    files: &BTreeSet<(Kind, String)>,
    published: &[Arc<Entry>],
) -> BTreeSet<(Kind, String)> {
    if files.is_empty() {
        return BTreeSet::new();
    }
    let file_name = |file: &str| file.rsplit('/').next().unwrap_or(file).to_string();
    let names: BTreeSet<String> = files.iter().map(|(_, file)| file_name(file)).collect();
    (published.par_iter())
        .flat_map_iter(|entry| {
            let text = entry.body.read();
            let may_name = |name: &String| text.contains(name.as_str());
            let linked = match text.contains('%') || names.iter().any(may_name) {
                true => crate::markdown::link_destinations(&text),
                false => Vec::new(),
            };
            (linked.iter())
                .flat_map(|link| files_named_by(config, entry.kind, link))
                .filter(|key| files.contains(key))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The files beside the content `link`, in a text of `kind`, may lead to: relative to the
/// kind's folder, or by the file's address on the site, which is that of a file of any kind
/// (pages and the home page share `media/`).
fn files_named_by(config: &Config, kind: Kind, link: &str) -> Vec<(Kind, String)> {
    if let Some(Ok(Resolved::Site { file, .. })) = own_site_link(config, link) {
        return (crate::model::KINDS.iter())
            .filter_map(|of| {
                let rest = file.strip_prefix(&asset_url(config, *of, ""))?;
                Some((*of, as_served(rest)?))
            })
            .collect();
    }
    let is_relative =
        !(link.starts_with(['/', '#', '@']) || crate::safe_url::scheme(link).is_some());
    let path = link.split(['#', '?']).next().unwrap_or_default();
    (is_relative.then(|| as_served(path)).flatten())
        .map(|file| (kind, file))
        .into_iter()
        .collect()
}

/// A path below a folder as a web server finds it: `%61` read as `a`, `.` and `b/..` gone.
/// `None` for one that leaves the folder.
fn as_served(path: &str) -> Option<String> {
    let path = crate::safe_url::percent_decode(path).unwrap_or_else(|| path.to_string());
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// `toekomst.jpg`, `fotos/toekomst-1.jpg` for the entry `toekomst`.
fn is_named_after(file: &str, stem: &str) -> bool {
    let name = file.rsplit('/').next().unwrap_or(file);
    (name.strip_prefix(stem)).is_some_and(|rest| rest.starts_with(['.', '-', '_']))
}

/// The files an entry names in its fields: its image or logo, and those whose metadata it keeps.
fn named_files(entry: &Entry) -> impl Iterator<Item = String> + '_ {
    (entry.image().into_iter().chain(&entry.keep_metadata))
        .filter_map(|file| normalize_relative(&file.value))
}
