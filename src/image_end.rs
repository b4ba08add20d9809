//! Whether a JPEG or PNG file runs to its end marker. A photo copied only in part (a transfer
//! from a phone broken off, a download cut short) still has a sound header, and the JPEG
//! decoder fills what is missing with grey without a word; only the missing end shows it. The
//! file is walked segment by segment (never decoded), so the small picture a phone keeps
//! inside its EXIF block, which has an end marker of its own, does not count as the end.

use std::io::{BufRead, ErrorKind, Read};

/// Whether the JPEG or PNG in `input` stops before its end marker (a JPEG's end of image, a
/// PNG's `IEND`). Bytes after the end marker are allowed. Any other file is `false`: whether
/// it can be read is the decoder's to say.
pub fn ends_early(input: &mut impl BufRead) -> std::io::Result<bool> {
    match read_array::<2>(input)? {
        Some([0xff, 0xd8]) => jpeg_ends_early(input),
        Some([0x89, b'P']) => match read_array::<6>(input)? {
            Some(rest) if rest == *b"NG\r\n\x1a\n" => png_ends_early(input),
            _ => Ok(false),
        },
        _ => Ok(false),
    }
}

/// After the start-of-image marker: segments, each a marker with its length, and after each
/// start of scan the compressed picture, which runs until the next marker.
fn jpeg_ends_early(input: &mut impl BufRead) -> std::io::Result<bool> {
    loop {
        match next_marker(input)? {
            None => return Ok(true),
            Some(0xd9) => return Ok(false),
            // Markers without a length: the temporary marker and a second start of image.
            Some(0x01 | 0xd8) => {}
            Some(_) => {
                let Some(length) = read_array::<2>(input)? else {
                    return Ok(true);
                };
                let length = u64::from(u16::from_be_bytes(length));
                if !skip(input, length.saturating_sub(2))? {
                    return Ok(true);
                }
            }
        }
    }
}

/// The byte after the next `0xff` that makes a marker, or `None` at the end of the file. In
/// the compressed picture `ff 00` stands for the byte `ff` and `ff d0`…`ff d7` are restart
/// points, not segments; `ff ff` is padding before a marker.
fn next_marker(input: &mut impl BufRead) -> std::io::Result<Option<u8>> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(None);
        }
        let Some(at) = buffer.iter().position(|&b| b == 0xff) else {
            let len = buffer.len();
            input.consume(len);
            continue;
        };
        input.consume(at + 1);
        let marker = loop {
            match read_array::<1>(input)? {
                None => return Ok(None),
                Some([0xff]) => {}
                Some([byte]) => break byte,
            }
        };
        if !matches!(marker, 0x00 | 0xd0..=0xd7) {
            return Ok(Some(marker));
        }
    }
}

/// After the signature: chunks, each its length, its type, its data and a checksum, until
/// `IEND` and its checksum.
fn png_ends_early(input: &mut impl BufRead) -> std::io::Result<bool> {
    loop {
        let Some(header) = read_array::<8>(input)? else {
            return Ok(true);
        };
        let [l0, l1, l2, l3, kind @ ..] = header;
        let length = u64::from(u32::from_be_bytes([l0, l1, l2, l3]));
        if !skip(input, length + 4)? {
            return Ok(true);
        }
        if kind == *b"IEND" {
            return Ok(false);
        }
    }
}

/// The next `N` bytes, or `None` when the file ends first.
fn read_array<const N: usize>(input: &mut impl BufRead) -> std::io::Result<Option<[u8; N]>> {
    let mut bytes = [0; N];
    match input.read_exact(&mut bytes) {
        Ok(()) => Ok(Some(bytes)),
        Err(e) if e.kind() == ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

/// Passes over `count` bytes; `false` when the file ends first.
fn skip(input: &mut impl BufRead, count: u64) -> std::io::Result<bool> {
    let skipped = std::io::copy(&mut input.by_ref().take(count), &mut std::io::sink())?;
    Ok(skipped == count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends_early_bytes(bytes: &[u8]) -> bool {
        ends_early(&mut &bytes[..]).unwrap_or_else(|e| panic!("{e}"))
    }

    fn encoded(format: image::ImageFormat) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 5) as u8, 0xff])
        });
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(picture)
            .write_to(&mut std::io::Cursor::new(&mut bytes), format)
            .unwrap_or_else(|e| panic!("{e}"));
        bytes
    }

    /// A JPEG with an APP1 block holding a complete small JPEG (as a phone's EXIF thumbnail
    /// does), so that block's own end marker comes long before the photo's.
    fn with_thumbnail(jpeg: &[u8]) -> Vec<u8> {
        let mut block = b"Exif\0\0".to_vec();
        block.extend(jpeg);
        let mut out = jpeg[..2].to_vec();
        out.extend([0xff, 0xe1]);
        out.extend(((block.len() + 2) as u16).to_be_bytes());
        out.extend(block);
        out.extend(&jpeg[2..]);
        out
    }

    #[test]
    fn a_whole_image_runs_to_its_end_marker_and_may_have_bytes_after_it() {
        for format in [image::ImageFormat::Jpeg, image::ImageFormat::Png] {
            let mut bytes = encoded(format);
            assert!(!ends_early_bytes(&bytes), "{format:?}");
            bytes.extend(b"\0\0trailing bytes \xff\xd8\xff");
            assert!(
                !ends_early_bytes(&bytes),
                "{format:?} with bytes after the end"
            );
        }
        assert!(!ends_early_bytes(&with_thumbnail(&encoded(
            image::ImageFormat::Jpeg
        ))));
    }

    #[test]
    fn an_image_cut_anywhere_before_its_end_ends_early() {
        let jpeg = encoded(image::ImageFormat::Jpeg);
        let photo = with_thumbnail(&jpeg);
        let png = encoded(image::ImageFormat::Png);
        for bytes in [&jpeg, &photo, &png] {
            // Every cut after the signature: in a segment's length, inside a segment, in the
            // picture, right before the end marker.
            let signature = if bytes[0] == 0xff { 2 } else { 8 };
            for cut in signature..bytes.len() {
                assert!(ends_early_bytes(&bytes[..cut]), "cut at {cut}");
            }
        }
        // Cut in the photo, after the thumbnail's end marker.
        assert!(ends_early_bytes(&photo[..photo.len() - jpeg.len() / 2]));
    }

    #[test]
    fn other_files_are_left_to_the_decoder() {
        for bytes in [
            &b""[..],
            b"\xff",
            b"\x89PN",
            b"GIF89a",
            b"RIFF\0\0\0\0WEBP",
            b"not a picture",
        ] {
            assert!(!ends_early_bytes(bytes), "{bytes:?}");
        }
    }
}
