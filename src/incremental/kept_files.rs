//! What each file gave at the last parse of `serve`, with the texts it was made from: found
//! for an unchanged file at its place in the content's lists (or one off, when a file came or
//! went before it) by pointer, else by its path.

use crate::packed::Text;
use crate::resolve::place_beside;
use foldhash::HashMap;
use std::borrow::Cow;
use std::ffi::OsString;
use std::path::Path;
use std::sync::{Arc, RwLock, RwLockReadGuard};

/// What the files of one kind (language files, shared files) gave at the last parse.
pub(crate) struct KeptFiles<V> {
    /// By the path's bytes (hashing a `Path` splits it into components), with the texts and
    /// their hash: for a file whose place in the lists changed, or that was read again
    /// unchanged.
    by_path: RwLock<HashMap<OsString, (Sources, V)>>,
    /// In the order of the last parse, the order of `Loaded`'s lists, which an edit changes in
    /// place: an unchanged file is found at its place by pointer, without a search. `None`
    /// where a file's result is not to be kept.
    in_order: RwLock<InOrder<V>>,
}

/// See `KeptFiles::in_order`.
type InOrder<V> = Vec<Option<(Pointers, V)>>;

impl<V> Default for KeptFiles<V> {
    fn default() -> Self {
        KeptFiles {
            by_path: RwLock::default(),
            in_order: RwLock::default(),
        }
    }
}

/// A file the last parse read, for `KeptFiles::keep`.
pub(crate) struct Parsed<'a, V: Clone> {
    pub path: &'a Path,
    pub texts: SourceTexts<'a>,
    pub value: Cow<'a, V>,
    /// Made now, not found kept: then it is kept by path too.
    pub fresh: bool,
    /// Whether its texts say all it was made from (one beside a broken shared file: not).
    pub keep: bool,
}

impl<V: Clone> KeptFiles<V> {
    /// What is kept, for one parse: read by every worker under one lock taken once (a lock per
    /// file made the two threads fight over it, a tenth of an edit's parse at 100,000 entries).
    pub(crate) fn read(&self) -> Kept<'_, V> {
        Kept {
            in_order: self.in_order.read().ok(),
            by_path: self.by_path.read().ok(),
        }
    }

    /// Keeps what a parse gave: `files` are all the files it read, in order (`count` of them).
    pub(crate) fn keep<'a>(&self, count: usize, files: impl Iterator<Item = Parsed<'a, V>>)
    where
        V: 'a,
    {
        let (Ok(mut by_path), Ok(mut in_order)) = (self.by_path.write(), self.in_order.write())
        else {
            return;
        };
        // Files that came or went are put in or taken out where they are, so that the files
        // after them are at their places again: no new list of every file.
        let mut files = files.peekable();
        let mut i = 0;
        while let Some(file) = files.next() {
            let texts = file.texts.as_slice();
            let at_place = same_at(&in_order, i, texts);
            // Nearly every file: kept, at its place.
            if at_place && file.keep && !file.fresh {
                i += 1;
                continue;
            }
            if !at_place {
                let next_was_here =
                    (files.peek()).is_some_and(|next| same_at(&in_order, i, next.texts.as_slice()));
                if in_order.len() < count && next_was_here {
                    in_order.insert(i, None);
                } else if in_order.len() > count && same_at(&in_order, i + 1, texts) {
                    in_order.remove(i);
                }
            }
            if in_order.len() <= i {
                in_order.resize_with(i + 1, || None);
            }
            let slot = &mut in_order[i];
            i += 1;
            if !file.keep {
                *slot = None;
                continue;
            }
            if file.fresh {
                let kept = (Sources::new(texts), file.value.clone().into_owned());
                by_path.insert(file.path.as_os_str().to_owned(), kept);
            }
            if !slot.as_ref().is_some_and(|(kept, _)| kept.same(texts)) {
                *slot = Some((Pointers::of(&file.texts), file.value.into_owned()));
            }
        }
        in_order.truncate(i);
    }

    /// Forgets everything (what was kept was checked against another vocabulary).
    pub(crate) fn clear(&self) {
        if let (Ok(mut by_path), Ok(mut in_order)) = (self.by_path.write(), self.in_order.write()) {
            by_path.clear();
            in_order.clear();
        }
    }
}

/// One parse's view of `KeptFiles` (see `KeptFiles::read`).
pub(crate) struct Kept<'a, V> {
    in_order: Option<RwLockReadGuard<'a, InOrder<V>>>,
    by_path: Option<RwLockReadGuard<'a, HashMap<OsString, (Sources, V)>>>,
}

impl<V: Clone> Kept<'_, V> {
    /// What the file at place `i` of its list, at `path`, gave when it had these texts.
    pub(crate) fn get(&self, i: usize, path: &Path, texts: &SourceTexts<'_>) -> Option<V> {
        let texts = texts.as_slice();
        if let Some(in_order) = self.in_order.as_deref()
            && let Some(j) = place_beside(i, |j| same_at(in_order, j, texts))
            && let Some((_, value)) = &in_order[j]
        {
            return Some(value.clone());
        }
        let (sources, value) = self.by_path.as_ref()?.get(path.as_os_str())?;
        sources.matches(texts).then(|| value.clone())
    }
}

/// Whether the file kept at place `j` had `texts`.
fn same_at<V>(in_order: &[Option<(Pointers, V)>], j: usize, texts: &[&Arc<Text>]) -> bool {
    matches!(in_order.get(j), Some(Some((kept, _))) if kept.same(texts))
}

/// A file's texts by pointer, its own and its shared file's, kept alive so that no other text
/// can have the same pointer.
struct Pointers(Arc<Text>, Option<Arc<Text>>);

impl Pointers {
    fn of(texts: &SourceTexts<'_>) -> Pointers {
        let shared = (texts.len == 2).then(|| Arc::clone(texts.texts[1]));
        Pointers(Arc::clone(texts.texts[0]), shared)
    }

    fn same(&self, texts: &[&Arc<Text>]) -> bool {
        match (texts, &self.1) {
            ([own], None) => Arc::ptr_eq(own, &self.0),
            ([own, shared], Some(kept)) => Arc::ptr_eq(own, &self.0) && Arc::ptr_eq(shared, kept),
            _ => false,
        }
    }
}

/// The texts a kept result was made from, kept alive so that a file `serve` did not read
/// again (the same `Arc`) is recognised without hashing it, and their hash for files that were.
struct Sources {
    texts: Vec<Arc<Text>>,
    hash: u64,
}

impl Sources {
    fn new(texts: &[&Arc<Text>]) -> Sources {
        Sources {
            texts: texts.iter().map(|t| Arc::clone(t)).collect(),
            hash: hash_texts(texts),
        }
    }

    fn matches(&self, texts: &[&Arc<Text>]) -> bool {
        let same = self.texts.len() == texts.len()
            && self.texts.iter().zip(texts).all(|(a, b)| Arc::ptr_eq(a, b));
        same || self.hash == hash_texts(texts)
    }
}

fn hash_texts(texts: &[&Arc<Text>]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for text in texts {
        // As held: a text packed once and read plain once only misses the cache.
        let (packed, bytes) = text.as_held();
        hasher.update(&[u8::from(packed)]);
        hasher.update(&bytes.len().to_le_bytes());
        hasher.update(bytes);
    }
    hasher.digest()
}

/// The texts what a language file gives is made from: its own, and its shared file's if it
/// has one. Made for every file on every edit: no allocation.
#[derive(Clone, Copy)]
pub(crate) struct SourceTexts<'a> {
    texts: [&'a Arc<Text>; 2],
    len: usize,
}

impl<'a> SourceTexts<'a> {
    pub(crate) fn new(own: &'a Arc<Text>, shared: Option<&'a Arc<Text>>) -> SourceTexts<'a> {
        SourceTexts {
            texts: [own, shared.unwrap_or(own)],
            len: 1 + usize::from(shared.is_some()),
        }
    }

    pub(crate) fn as_slice(&self) -> &[&'a Arc<Text>] {
        &self.texts[..self.len]
    }
}
