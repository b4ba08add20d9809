//! Bytes held as a list of shared pieces: a large search index, whose edit makes one piece
//! anew and shares the others with the index before it.

use std::io::{self, Write};
use std::sync::Arc;

/// An output's bytes: the pieces one after another. Cloning shares them.
#[derive(Debug, Clone, Default)]
pub struct Pieces(Vec<Arc<Vec<u8>>>);

impl Pieces {
    pub fn new(pieces: Vec<Arc<Vec<u8>>>) -> Self {
        Pieces(pieces)
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|piece| piece.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.0.iter().map(|piece| piece.as_slice())
    }

    /// The same hash as `xxh3_64` of the bytes made one.
    pub fn hash(&self) -> u64 {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        self.iter().for_each(|piece| hasher.update(piece));
        hasher.digest()
    }

    /// The bytes in one buffer: taken when they are one piece of nobody else's.
    pub fn into_vec(self) -> Vec<u8> {
        match <[_; 1]>::try_from(self.0) {
            Ok([piece]) => Arc::unwrap_or_clone(piece),
            Err(pieces) => {
                let mut bytes = Vec::with_capacity(pieces.iter().map(|piece| piece.len()).sum());
                pieces
                    .iter()
                    .for_each(|piece| bytes.extend_from_slice(piece));
                bytes
            }
        }
    }

    /// Whether the bytes are `other`'s.
    pub fn same_as(&self, mut other: &[u8]) -> bool {
        self.len() == other.len()
            && self.iter().all(|piece| {
                let (head, rest) = other.split_at(piece.len());
                other = rest;
                head == piece
            })
    }

    /// Frees what pieces of nobody else's hold beyond their length: a page is rendered into a
    /// buffer that grew by doubling, up to twice its length.
    pub fn shrink_to_fit(&mut self) {
        for piece in &mut self.0 {
            if let Some(piece) = Arc::get_mut(piece) {
                piece.shrink_to_fit();
            }
        }
    }

    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        self.iter().try_for_each(|piece| out.write_all(piece))
    }
}

impl From<Vec<u8>> for Pieces {
    fn from(bytes: Vec<u8>) -> Self {
        Pieces(vec![Arc::new(bytes)])
    }
}

#[cfg(test)]
mod tests {
    use super::Pieces;
    use std::sync::Arc;

    fn pieces(parts: &[&str]) -> Pieces {
        Pieces::new(
            parts
                .iter()
                .map(|p| Arc::new(p.as_bytes().to_vec()))
                .collect(),
        )
    }

    #[test]
    fn pieces_are_their_bytes_one_after_another() {
        let split = pieces(&["[", "{\"a\":1}", "", ",{}", "]"]);
        let whole = b"[{\"a\":1},{}]";
        assert_eq!(split.len(), whole.len());
        assert_eq!(split.hash(), xxhash_rust::xxh3::xxh3_64(whole));
        assert!(split.same_as(whole));
        assert!(!split.same_as(b"[{\"a\":1},{}}"));
        assert!(!split.same_as(b"[{\"a\":1}]"));
        let mut written = Vec::new();
        split.write_to(&mut written).expect("written to memory");
        assert_eq!(written, whole);
        assert_eq!(split.into_vec(), whole);
        assert!(pieces(&[]).is_empty());
    }
}
