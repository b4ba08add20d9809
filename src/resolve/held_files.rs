//! The files beside the content that only held-back entries use (an embargoed release's photo
//! and report): held back with them, or their addresses would tell the news before its date.

use super::*;

/// (kind, file relative to the kind's folder) of every file a held-back entry names in its
/// fields or its text that no published entry uses:
/// - a file named after the entry (`toekomst.jpg`, `toekomst-rapport.pdf` for `toekomst`) is
///   held unless a published entry names it in its fields. A published text that links to it
///   finds no such file: it would publish it early.
/// - a file of another name (`cijfers.pdf`) is held unless a published entry of the same kind
///   names it in its fields or its text: then it was public anyway.
pub(super) fn held_files(
    held: &[Arc<Entry>],
    published: &[Arc<Entry>],
) -> BTreeSet<(Kind, String)> {
    let used: BTreeSet<(Kind, String)> = (published.iter())
        .flat_map(|entry| named_files(entry).map(move |file| (entry.kind, file)))
        .collect();
    let (named_after, other): (BTreeSet<_>, BTreeSet<_>) = (held.iter())
        .flat_map(|entry| {
            let linked = crate::markdown::file_destinations(&entry.body.read());
            (named_files(entry).chain(linked))
                .filter_map(|file| normalize_relative(&file))
                .map(move |file| (is_named_after(&file, &entry.stem), (entry.kind, file)))
        })
        .filter(|(_, key)| !used.contains(key))
        .partition(|(named_after, _)| *named_after);
    let mut held: BTreeSet<(Kind, String)> = named_after.into_iter().map(|(_, key)| key).collect();
    let other: BTreeSet<(Kind, String)> = other.into_iter().map(|(_, key)| key).collect();
    let linked = linked_from_published(&other, published);
    held.extend(other.into_iter().filter(|key| !linked.contains(key)));
    held
}

/// Which of `files` a published text links to or shows. Only texts of the file's kind can
/// (a relative link is relative to the kind's folder), and only one that has the file's name
/// in it is parsed: nearly always `files` is empty and nothing is read.
fn linked_from_published(
    files: &BTreeSet<(Kind, String)>,
    published: &[Arc<Entry>],
) -> BTreeSet<(Kind, String)> {
    if files.is_empty() {
        return BTreeSet::new();
    }
    let file_name = |file: &str| file.rsplit('/').next().unwrap_or(file).to_string();
    (published.par_iter())
        .filter(|entry| files.iter().any(|(kind, _)| *kind == entry.kind))
        .flat_map_iter(|entry| {
            let text = entry.body.read();
            let mentioned = (files.iter())
                .any(|(kind, file)| *kind == entry.kind && text.contains(&file_name(file)));
            let linked = match mentioned {
                true => crate::markdown::file_destinations(&text),
                false => Vec::new(),
            };
            (linked.into_iter())
                .filter_map(|file| normalize_relative(&file))
                .map(|file| (entry.kind, file))
                .filter(|key| files.contains(key))
                .collect::<Vec<_>>()
        })
        .collect()
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
