//! `keep_metadata`: the photos an entry publishes byte for byte, metadata (where and when it
//! was taken, with what) included. Only a photo the entry shows itself may be listed.

use super::*;

/// (kind, file) of each photo an entry asked to keep the metadata of and shows itself: its
/// image, or an image its text shows, in one of its languages (a link to the file is not
/// showing it). Any other is an error
/// at its place: a press release could otherwise publish where an initiative's photos were
/// taken, which their editors removed on purpose.
///
/// `asking`: the pages whose entry lists photos to keep (`Entry::keep_metadata`).
pub(super) fn kept_metadata(
    pages: &[Page],
    (bodies, asking): (&[Body], &[usize]),
    diagnostics: &mut Diagnostics,
) -> BTreeSet<(Kind, String)> {
    let asking_pages = || asking.iter().filter_map(|i| pages.get(*i));
    let entries: BTreeSet<(Kind, &str)> = asking_pages()
        .map(|page| (page.kind, page.entry.stem.as_str()))
        .collect();
    if entries.is_empty() {
        return BTreeSet::new();
    }
    // What the entries that ask show, in any of their languages: their texts are read again
    // only for this, and few entries ask.
    let mut shown: BTreeSet<(Kind, &str, String)> = BTreeSet::new();
    for (page, body) in pages.iter().zip(bodies) {
        let entry = &page.entry;
        if !entries.contains(&(entry.kind, entry.stem.as_str())) {
            continue;
        }
        let images = markdown::image_destinations(&body.read());
        let files = (entry.image().map(|image| image.value.clone()).into_iter()).chain(images);
        for file in files.filter_map(|file| normalize_relative(&file)) {
            shown.insert((entry.kind, &entry.stem, file));
        }
    }
    let mut kept = BTreeSet::new();
    // Written once in the shared file, read by every language: reported once.
    let mut reported = BTreeSet::new();
    for entry in asking_pages().map(|page| &page.entry) {
        for file in &entry.keep_metadata {
            // A path that leaves the folder is reported with the files named in front matter.
            let Some(relative) = normalize_relative(&file.value) else {
                continue;
            };
            if shown.contains(&(entry.kind, entry.stem.as_str(), relative.clone())) {
                kept.insert((entry.kind, relative));
            } else if reported.insert((file.path.clone(), file.line, file.col)) {
                let message = crate::tr!("resolve-keep-metadata-not-shown", file = &file.value);
                let hint = crate::tr!("resolve-keep-metadata-not-shown-hint");
                diagnostics.push(file.error(message).with_hint(hint));
            }
        }
    }
    kept
}
