//! Splits a Markdown file into its YAML front matter and body, keeping line numbers. No I/O.

/// The two parts of a content file. `yaml_line_offset` is the number of file lines before the
/// YAML starts, so YAML line 1 is file line `yaml_line_offset + 1`; `body_line` is the 1-based
/// file line where the body starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub yaml_line_offset: usize,
    pub body: &'a str,
    pub body_line: usize,
    /// The byte offset in the text given to `split` where `body` starts.
    pub body_start: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    NoFrontMatter,
    /// The opening `---` has no closing `---`.
    Unclosed { opening_line: usize },
}

/// Accepts a UTF-8 BOM, CRLF line ends and leading blank lines before the opening `---`.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let with_bom = text.len();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut offset = 0;
    let mut line_number = 0;
    let mut opening_line = None;
    let mut yaml_start = 0;
    for line in text.split_inclusive('\n') {
        line_number += 1;
        let content = line.trim_end_matches(['\n', '\r']);
        match opening_line {
            None => {
                if content.trim_end() == "---" {
                    opening_line = Some(line_number);
                    yaml_start = offset + line.len();
                } else if !content.trim().is_empty() {
                    return Err(SplitError::NoFrontMatter);
                }
            }
            Some(_) => {
                if content.trim_end() == "---" || content.trim_end() == "..." {
                    let yaml = &text[yaml_start..offset];
                    let body_start = offset + line.len();
                    return Ok(Split {
                        yaml,
                        yaml_line_offset: opening_line.unwrap_or(1),
                        body: &text[body_start..],
                        body_line: line_number + 1,
                        body_start: with_bom - text.len() + body_start,
                    });
                }
            }
        }
        offset += line.len();
    }
    match opening_line {
        Some(opening_line) => Err(SplitError::Unclosed { opening_line }),
        None => Err(SplitError::NoFrontMatter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: a\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.yaml_line_offset, 1);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let text = "\u{feff}---\r\ntitle: a\r\n---\r\nBody";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "title: a\r\n");
        assert_eq!(s.body, "Body");
        // The entry's body is read from the whole text, BOM included, at this offset.
        assert_eq!(&text[s.body_start..], "Body");
    }

    #[test]
    fn reports_unclosed_and_missing() {
        assert_eq!(
            split("---\ntitle: a\n"),
            Err(SplitError::Unclosed { opening_line: 1 })
        );
        assert_eq!(split("# Title\n"), Err(SplitError::NoFrontMatter));
        assert_eq!(split(""), Err(SplitError::NoFrontMatter));
    }
}
