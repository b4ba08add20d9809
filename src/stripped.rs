//! Whether an encoded image carries nothing but pixels: small walkers over the containers wdhs's
//! encoders write (JPEG segments, PNG chunks, WebP's RIFF chunks), for checking a cached variant
//! before it is published. Each one allows only what our encoders write, in its place, and no
//! byte after the end; anything else (EXIF, XMP, ICC profiles, comments, text, timestamps, a
//! second image appended) is refused. No decoding: a few dozen bytes are looked at per block.

/// Why `bytes` is not an image as wdhs makes them, or `Ok` when it is one.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    if bytes.starts_with(&[0xff, 0xd8]) {
        jpeg(bytes)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        png(bytes)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        webp(bytes)
    } else {
        Err("not a JPEG, PNG or WebP file".to_string())
    }
}

fn be16(bytes: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes(
        bytes.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn u32_at(bytes: &[u8], at: usize, big_endian: bool) -> Option<usize> {
    let word: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    let value = if big_endian {
        u32::from_be_bytes(word)
    } else {
        u32::from_le_bytes(word)
    };
    usize::try_from(value).ok()
}

/// JPEG as `image`'s encoder writes it: SOI, one APP0 "JFIF" segment without thumbnail, then
/// only frame, quantisation, Huffman and scan segments, the scan's data, and EOI as the last
/// two bytes. APP1…APP15 (EXIF, XMP, ICC, Photoshop) and COM segments are refused.
fn jpeg(bytes: &[u8]) -> Result<(), String> {
    let mut at = 2;
    let mut jfif = false;
    loop {
        if bytes.get(at) != Some(&0xff) {
            return Err(format!("JPEG: no marker at byte {at}"));
        }
        let marker = *bytes.get(at + 1).ok_or("JPEG: cut short")?;
        if marker == 0xd9 {
            return if at + 2 == bytes.len() {
                Ok(())
            } else {
                Err("JPEG: bytes after the end of the image".to_string())
            };
        }
        let length = be16(bytes, at + 2).ok_or("JPEG: cut short")?;
        let end = at + 2 + length;
        match marker {
            0xe0 if !jfif && length == 16 && bytes.get(at + 4..at + 9) == Some(b"JFIF\0") => {
                jfif = true;
            }
            0xc0 | 0xc4 | 0xdb | 0xda if length >= 2 && end <= bytes.len() => {}
            0xe0..=0xef | 0xfe => return Err(format!("JPEG: metadata segment {marker:#04x}")),
            _ => return Err(format!("JPEG: unexpected segment {marker:#04x}")),
        }
        at = if marker == 0xda {
            scan_end(bytes, end)
        } else {
            end
        };
    }
}

/// Where the entropy-coded data that starts at `at` ends: at the first marker that is not a
/// stuffed 0xff00 or a restart marker.
fn scan_end(bytes: &[u8], mut at: usize) -> usize {
    while at + 1 < bytes.len() {
        if bytes[at] == 0xff && !matches!(bytes[at + 1], 0x00 | 0xd0..=0xd7) {
            return at;
        }
        at += 1;
    }
    bytes.len()
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// PNG as `image`'s encoder writes it: IHDR first, then only palette, transparency and image
/// data chunks, and IEND as the last chunk. Text (tEXt, zTXt, iTXt), EXIF (eXIf), times
/// (tIME), colour profiles and any other chunk are refused.
fn png(bytes: &[u8]) -> Result<(), String> {
    let mut at = PNG_SIGNATURE.len();
    let mut first = true;
    while at < bytes.len() {
        let length = u32_at(bytes, at, true).ok_or("PNG: cut short")?;
        let kind = bytes.get(at + 4..at + 8).ok_or("PNG: cut short")?;
        let end = at + 12 + length;
        if end > bytes.len() {
            return Err("PNG: cut short".to_string());
        }
        match kind {
            b"IHDR" if first => {}
            b"PLTE" | b"tRNS" | b"IDAT" if !first => {}
            b"IEND" if !first && end == bytes.len() => return Ok(()),
            b"IEND" => return Err("PNG: bytes after the end of the image".to_string()),
            _ => {
                return Err(format!(
                    "PNG: chunk `{}` is not one wdhs writes",
                    String::from_utf8_lossy(kind)
                ));
            }
        }
        first = false;
        at = end;
    }
    Err("PNG: no end chunk".to_string())
}

/// WebP as libwebp's simple encoder writes it: a RIFF container whose size is the file's,
/// holding a lossy ("VP8 ") or lossless ("VP8L") image, with transparency an extended header
/// (VP8X, its only flag the alpha one) and an ALPH chunk first. EXIF, XMP, ICCP and animation
/// chunks are refused.
fn webp(bytes: &[u8]) -> Result<(), String> {
    if u32_at(bytes, 4, false) != Some(bytes.len() - 8) {
        return Err("WebP: the container's size is not the file's".to_string());
    }
    let mut at = 12;
    let mut image = false;
    while at < bytes.len() {
        let kind = bytes.get(at..at + 4).ok_or("WebP: cut short")?;
        let length = u32_at(bytes, at + 4, false).ok_or("WebP: cut short")?;
        let end = at + 8 + length + length % 2;
        if end > bytes.len() {
            return Err("WebP: cut short".to_string());
        }
        match kind {
            // Flags: only "has alpha" (0x10); EXIF, XMP, ICC and animation flags are refused.
            b"VP8X" if at == 12 && bytes.get(at + 8).is_some_and(|f| f & !0x10 == 0) => {}
            b"ALPH" if !image => {}
            b"VP8 " | b"VP8L" if !image => image = true,
            _ => {
                return Err(format!(
                    "WebP: chunk `{}` is not one wdhs writes",
                    String::from_utf8_lossy(kind)
                ));
            }
        }
        at = end;
    }
    if image {
        Ok(())
    } else {
        Err("WebP: no image chunk".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{DynamicImage, RgbImage, RgbaImage};

    fn jpeg_bytes() -> Vec<u8> {
        let image = DynamicImage::ImageRgb8(RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([x as u8 * 3, y as u8 * 5, 90])
        }));
        let mut out = Vec::new();
        image
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut out, 80,
            ))
            .expect("jpeg");
        out
    }

    fn png_bytes() -> Vec<u8> {
        let image = DynamicImage::ImageRgba8(RgbaImage::from_fn(40, 30, |x, _| {
            image::Rgba([200, 100, 0, if x < 20 { 255 } else { 0 }])
        }));
        let mut out = Vec::new();
        image
            .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .expect("png");
        out
    }

    fn webp_bytes(alpha: bool) -> Vec<u8> {
        let image = if alpha {
            DynamicImage::ImageRgba8(RgbaImage::from_fn(40, 30, |x, _| {
                image::Rgba([0, 100, 200, if x < 20 { 255 } else { 0 }])
            }))
        } else {
            DynamicImage::ImageRgb8(RgbImage::from_fn(40, 30, |x, y| {
                image::Rgb([x as u8, y as u8, 7])
            }))
        };
        webp::Encoder::from_image(&image)
            .expect("encoder")
            .encode(75.0)
            .to_vec()
    }

    /// A JPEG segment with its marker and length.
    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut out = vec![0xff, marker];
        out.extend(((payload.len() + 2) as u16).to_be_bytes());
        out.extend(payload);
        out
    }

    /// A PNG chunk (the CRC is not checked, so zeros do).
    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend(kind);
        out.extend(data);
        out.extend([0; 4]);
        out
    }

    fn insert(bytes: &[u8], at: usize, extra: &[u8]) -> Vec<u8> {
        let mut out = bytes[..at].to_vec();
        out.extend(extra);
        out.extend(&bytes[at..]);
        out
    }

    #[test]
    fn what_our_encoders_write_passes() {
        for (name, bytes) in [
            ("jpeg", jpeg_bytes()),
            ("png", png_bytes()),
            ("webp", webp_bytes(false)),
            ("webp with alpha", webp_bytes(true)),
        ] {
            assert_eq!(check(&bytes), Ok(()), "{name}");
        }
    }

    #[test]
    fn jpeg_metadata_and_trailing_bytes_are_refused() {
        let clean = jpeg_bytes();
        // After the 2-byte SOI and the 18-byte APP0: where a phone puts its EXIF.
        let exif = segment(0xe1, b"Exif\0\0II*\0GPS");
        assert!(check(&insert(&clean, 20, &exif)).is_err(), "APP1 (EXIF)");
        let icc = segment(0xe2, b"ICC_PROFILE\0\x01\x01");
        assert!(check(&insert(&clean, 20, &icc)).is_err(), "APP2 (ICC)");
        assert!(check(&insert(&clean, 20, &segment(0xed, b"Photoshop 3.0\0"))).is_err());
        assert!(check(&insert(&clean, 20, &segment(0xfe, b"a comment"))).is_err());
        let mut appended = clean.clone();
        appended.extend(&exif);
        assert!(check(&appended).is_err(), "bytes after EOI");
        assert!(check(&clean[..clean.len() - 2]).is_err(), "no EOI");
        // A JFIF header with a 1 × 1 thumbnail in it, in place of ours.
        let mut jfif = clean[4..20].to_vec();
        jfif[12..14].copy_from_slice(&[1, 1]);
        jfif.extend([0, 0, 0]);
        let thumbnail = [&clean[..2], &segment(0xe0, &jfif), &clean[20..]].concat();
        assert!(check(&thumbnail).is_err(), "a JFIF thumbnail");
    }

    #[test]
    fn png_text_exif_and_time_chunks_are_refused() {
        let clean = png_bytes();
        // After the signature (8) and IHDR (25).
        for kind in [b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME", b"iCCP"] {
            let extra = chunk(kind, b"Author\0Jan Jansen");
            assert!(
                check(&insert(&clean, 33, &extra)).is_err(),
                "{}",
                String::from_utf8_lossy(kind)
            );
        }
        let mut appended = clean.clone();
        appended.extend(chunk(b"tEXt", b"x"));
        assert!(check(&appended).is_err(), "a chunk after IEND");
        assert!(check(&clean[..clean.len() - 12]).is_err(), "no IEND");
    }

    #[test]
    fn webp_exif_and_xmp_chunks_are_refused() {
        let clean = webp_bytes(false);
        let with = |kind: &[u8; 4], flags: u8| {
            // The extended layout: VP8X with `flags`, the image, then the metadata chunk.
            let mut vp8x = b"VP8X".to_vec();
            vp8x.extend(10u32.to_le_bytes());
            vp8x.extend([flags, 0, 0, 0, 39, 0, 0, 29, 0, 0]);
            let mut body = b"WEBP".to_vec();
            body.extend(vp8x);
            body.extend(&clean[12..]);
            body.extend(kind);
            body.extend(4u32.to_le_bytes());
            body.extend(b"II*\0");
            let mut out = b"RIFF".to_vec();
            out.extend((body.len() as u32).to_le_bytes());
            out.extend(body);
            out
        };
        assert!(check(&with(b"EXIF", 0x08)).is_err(), "EXIF");
        assert!(check(&with(b"XMP ", 0x04)).is_err(), "XMP");
        assert!(
            check(&with(b"EXIF", 0x00)).is_err(),
            "EXIF without its flag"
        );
        let mut appended = clean.clone();
        appended.extend(b"EXIF\x04\0\0\0II*\0");
        assert!(check(&appended).is_err(), "bytes beyond the RIFF size");
    }

    #[test]
    fn other_files_are_refused() {
        assert!(check(b"GIF89a").is_err());
        assert!(check(b"").is_err());
        assert!(check(&[0xff, 0xd8]).is_err());
    }
}
