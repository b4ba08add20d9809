//! The hashes that tell two builds' sites apart: everything but the pages (`frame_hash`) and
//! the keys of the entries.

use super::*;

/// A hash of every entry's key, published or not: the sum of `key_hash`, whatever the order.
pub(super) fn keys_hash(all_keys: &BTreeSet<(Kind, String)>) -> u64 {
    (all_keys.iter())
        .map(|(kind, stem)| key_hash(*kind, stem))
        .fold(0, u64::wrapping_add)
}

/// The hash of an entry's key (`kind/stem`, `Page::key`), without making the key: the same
/// as the key's XXH3 hash.
pub(super) fn key_hash(kind: Kind, stem: &str) -> u64 {
    let folder = kind.folder().as_bytes();
    // Made on the stack and hashed in one go: every page and every look-up of one makes its
    // key's hash, and the streaming hasher costs several times more to set up.
    let mut key = [0u8; 128];
    let length = folder.len() + 1 + stem.len();
    if let Some(key) = key.get_mut(..length) {
        key[..folder.len()].copy_from_slice(folder);
        key[folder.len()] = b'/';
        key[folder.len() + 1..].copy_from_slice(stem.as_bytes());
        return xxhash_rust::xxh3::xxh3_64(key);
    }
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(folder);
    hasher.update(b"/");
    hasher.update(stem.as_bytes());
    hasher.digest()
}

/// A hash of everything but the pages that a link or an output depends on: what is held back,
/// the files beside the content, the image headers, the base URL and the addresses of the
/// sections. With it unchanged, a page whose Markdown did not change renders to the same HTML
/// when none of the pages it links to moved, appeared or went (`CachedMarkdown::checked`), and
/// a page that appeared or went changes only the outputs that show or link to it (`serve`).
pub(super) fn frame_hash(
    held: &BTreeSet<(Kind, String)>,
    assets: &BTreeSet<(Kind, &str)>,
    images: &crate::images::Headers,
    config: &Config,
) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut add_set = |items: &mut dyn Iterator<Item = (Kind, &str)>| {
        hasher.update(b"\x01");
        for (kind, name) in items {
            hasher.update(kind.folder().as_bytes());
            hasher.update(b"/");
            hasher.update(name.as_bytes());
            hasher.update(b"\0");
        }
    };
    add_set(&mut held.iter().map(|(k, s)| (*k, s.as_str())));
    add_set(&mut assets.iter().copied());
    hasher.update(b"\x01");
    hasher.update(config.base_url.as_bytes());
    // Files beside the content are published below their section.
    for lang in &config.languages {
        for kind in crate::model::KINDS {
            hasher.update(b"\0");
            hasher.update(section_url(config, kind, *lang).as_bytes());
        }
    }
    let mut image_keys: Vec<String> = images.iter().map(|(k, v)| format!("{k:?}{v:?}")).collect();
    image_keys.sort();
    hasher.update(image_keys.concat().as_bytes());
    hasher.digest()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_hashed_in_parts_or_whole_hashes_the_same() {
        use crate::model::Kind;
        let long = "lang-".repeat(40);
        for (kind, stem) in [
            (Kind::Press, "bericht-1"),
            (Kind::Home, "home"),
            (Kind::Page, &long),
        ] {
            let key = format!("{}/{stem}", kind.folder());
            assert_eq!(
                super::key_hash(kind, stem),
                xxhash_rust::xxh3::xxh3_64(key.as_bytes())
            );
        }
    }
}
