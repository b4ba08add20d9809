//! Escaping: HTML text and attributes as tera does it, and URL query values.

/// `text` as a URL query value: letters, digits and `-._~` as they are, every other byte as
/// `%XX` (a space too, so the link is the same everywhere).
pub(super) fn query_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Tera's escaping, the same five characters (`&<>"'`, so single-quoted attributes are safe
/// too), but copying the text between them in one piece: tera's own writes byte by byte, which
/// was an eighth of rendering the site.
pub(super) fn escape_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    for (i, byte) in bytes.iter().enumerate() {
        let replacement: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[plain_from..i])?;
        out.write_all(replacement)?;
        plain_from = i + 1;
    }
    out.write_all(&bytes[plain_from..])
}

pub(super) fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    type Escape = fn(&str, &mut dyn std::io::Write) -> std::io::Result<()>;

    fn escaped(escape: Escape, text: &str) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        escape(text, &mut out)?;
        Ok(out)
    }

    #[test]
    fn escapes_exactly_as_tera_does() -> std::io::Result<()> {
        for text in [
            "",
            "plain",
            "<script>alert('x')</script>",
            "Tom & Jerry's \"café\" > <",
            "&&",
            "coöperatie’s één",
        ] {
            assert_eq!(
                escaped(super::escape_html, text)?,
                escaped(tera::escape_html, text)?,
                "{text}"
            );
        }
        Ok(())
    }
}
