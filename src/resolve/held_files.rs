//! The files beside the content that only held-back entries use and that are named after them
//! (an embargoed release's photo and report): held back with them, or their addresses would
//! tell the news before its date.

use super::*;

/// (kind, file relative to the kind's folder) of every file a held-back entry names in its
/// fields or its text, that is named after it (`toekomst.jpg`, `toekomst-rapport.pdf` for
/// `toekomst`), and that no published entry names in its fields. A published text that links
/// to one finds no such file: it would publish it early. A file of another name may be one a
/// published text shows too, which only reading every published text could tell.
pub(super) fn held_files(
    held: &[Arc<Entry>],
    published: &[Arc<Entry>],
) -> BTreeSet<(Kind, String)> {
    let used: BTreeSet<(Kind, String)> = (published.iter())
        .flat_map(|entry| named_files(entry).map(move |file| (entry.kind, file)))
        .collect();
    (held.iter())
        .flat_map(|entry| {
            let linked = crate::markdown::file_destinations(&entry.body.read());
            (named_files(entry).chain(linked))
                .filter_map(|file| normalize_relative(&file))
                .filter(|file| is_named_after(file, &entry.stem))
                .map(move |file| (entry.kind, file))
        })
        .filter(|key| !used.contains(key))
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
