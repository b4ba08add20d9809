//! The images module's own tests: headers, limits, variants and the picture markup.

use super::*;

#[test]
fn widths_never_upscale() {
    assert_eq!(variant_widths(4000), vec![480, 960, 1600]);
    assert_eq!(variant_widths(1200), vec![480, 960, 1200]);
    assert_eq!(variant_widths(300), vec![300]);
    assert_eq!(variant_widths(960), vec![480, 960]);
}

#[test]
fn bombs_are_refused_from_the_header() -> Result<(), Box<dyn std::error::Error>> {
    let mut png = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut png);
    let small = DynamicImage::new_luma8(1, 1);
    small.write_with_encoder(encoder)?;
    // Patch the IHDR width and height to 30 000 × 30 000: a few bytes, billions of pixels.
    png[16..20].copy_from_slice(&30_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&30_000u32.to_be_bytes());
    let crc = crc32fast::hash(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    let error = inspect(&png).err().unwrap_or_default();
    assert!(error.contains("30000 × 30000"), "{error}");
    Ok(())
}

/// Wider than `MAX_ORIGINAL_WIDTH`: the variants and the crop come from the 2400 px copy,
/// in parallel, and still have their own sizes, formats and (for PNG) transparency.
#[test]
fn a_wide_image_gives_every_output_at_its_size() -> Result<(), Box<dyn std::error::Error>> {
    let rgba = image::RgbaImage::from_fn(3000, 1000, |x, y| {
        image::Rgba([
            (x % 256) as u8,
            (y % 256) as u8,
            90,
            if x < 1500 { 255 } else { 0 },
        ])
    });
    for (name, image) in [
        (
            "wide.jpg",
            DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(rgba.clone()).to_rgb8()),
        ),
        ("wide.png", DynamicImage::ImageRgba8(rgba)),
    ] {
        let png = name.ends_with(".png");
        let (format, fallback) = if png {
            (image::ImageFormat::Png, "png")
        } else {
            (image::ImageFormat::Jpeg, "jpg")
        };
        let mut bytes = Vec::new();
        image.write_to(&mut Cursor::new(&mut bytes), format)?;
        let outputs = process_fresh(name, &bytes, false)?;
        let mut expected = vec![(name.to_string(), 2400, 800)];
        for (width, height) in [(480, 160), (960, 320), (1600, 533)] {
            for extension in ["webp", fallback] {
                expected.push((format!("wide-{width}.{extension}"), width, height));
            }
        }
        expected.push(("wide-social.jpg".to_string(), 1200, 630));
        let mut found: Vec<(String, u32, u32)> = Vec::new();
        for output in &outputs {
            let decoded = image::load_from_memory(&output.bytes)?;
            if output.path.ends_with(".png") {
                assert!(decoded.color().has_alpha(), "{}", output.path);
            }
            found.push((output.path.clone(), decoded.width(), decoded.height()));
        }
        assert_eq!(found, expected);
    }
    Ok(())
}
