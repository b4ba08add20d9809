//! Texts `serve` keeps between builds, packed with LZ4: the content's files as read, their
//! Markdown as HTML and the start of their text for the search index. Packed, they take about half the room; unpacking one when it is needed
//! again (a changed file's neighbours, a page rendered again) takes microseconds. `build`
//! keeps nothing for a next build and never packs.

use std::borrow::Cow;

/// A text, as made or packed.
#[derive(Debug, Clone)]
pub enum Text {
    Plain(String),
    Packed(Box<[u8]>),
}

impl Default for Text {
    fn default() -> Text {
        Text::Plain(String::new())
    }
}

impl From<String> for Text {
    fn from(plain: String) -> Text {
        Text::Plain(plain)
    }
}

impl Text {
    pub fn packed(plain: &str) -> Text {
        Text::Packed(lz4_flex::compress_prepend_size(plain.as_bytes()).into())
    }

    pub fn pack(&mut self) {
        if let Text::Plain(plain) = self {
            *self = Text::packed(plain);
        }
    }

    pub fn read(&self) -> Cow<'_, str> {
        match self {
            Text::Plain(plain) => Cow::Borrowed(plain),
            // Packed here from a `String`, so it unpacks to UTF-8; anything else would be a
            // bug in this module, shown as an empty text rather than a crash.
            Text::Packed(packed) => {
                let unpacked = lz4_flex::decompress_size_prepended(packed).unwrap_or_default();
                Cow::Owned(String::from_utf8(unpacked).unwrap_or_default())
            }
        }
    }

    /// The text as held: equal texts held alike (both packed, or both not) give equal bytes,
    /// so a hash of these recognises an unchanged text without unpacking it.
    pub fn as_held(&self) -> (bool, &[u8]) {
        match self {
            Text::Plain(plain) => (false, plain.as_bytes()),
            Text::Packed(packed) => (true, packed),
        }
    }

    /// The text from byte `start` on (`""` when `start` is not a character boundary in it).
    pub fn read_from(&self, start: usize) -> Cow<'_, str> {
        match self.read() {
            Cow::Borrowed(plain) => Cow::Borrowed(plain.get(start..).unwrap_or_default()),
            Cow::Owned(mut unpacked) => {
                if !unpacked.is_char_boundary(start) {
                    return Cow::Borrowed("");
                }
                unpacked.replace_range(..start, "");
                Cow::Owned(unpacked)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_text_reads_as_it_was_written() {
        let plain = "---\ntitle: Café\n---\nTekst met één ü, twee keer. ".repeat(40);
        let packed = Text::packed(&plain);
        assert!(matches!(&packed, Text::Packed(bytes) if bytes.len() < plain.len() / 2));
        assert_eq!(packed.read(), plain);
        // Packing is deterministic: `serve` recognises an unchanged text by its packed bytes.
        assert_eq!(Text::packed(&plain).as_held(), packed.as_held());
        let start = plain.find("Tekst").unwrap_or(0);
        assert_eq!(packed.read_from(start), plain[start..]);
        assert_eq!(Text::from(plain.clone()).read_from(start), plain[start..]);
        // Inside the two bytes of "é": nothing, as with `str::get`.
        assert_eq!(packed.read_from(start + 11), "");
    }
}
