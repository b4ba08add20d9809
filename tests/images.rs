//! Images as editors drop them in: big phone photos rotated by EXIF and carrying GPS data, PNG
//! and SVG logos, and the broken and hostile cases, each with its message.

mod common;
use common::Site;
use image::{DynamicImage, ImageEncoder, RgbImage, RgbaImage};

const ARTIST: &str = "Jan Jansen uit Reduzum";
const SERIAL: &str = "CAMERA-SERIAL-0042";

/// A minimal EXIF block: orientation 6 (turn 90° clockwise), artist, camera serial and a GPS
/// position, as a phone writes them.
fn exif() -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    let entries: u16 = 4;
    let ifd0_size = 2 + 12 * u32::from(entries) + 4;
    let artist_offset = 8 + ifd0_size;
    let artist = format!("{ARTIST}\0");
    let serial_offset = artist_offset + artist.len() as u32;
    let serial = format!("{SERIAL}\0");
    let gps_offset = serial_offset + serial.len() as u32;
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        tiff.extend(tag.to_le_bytes());
        tiff.extend(kind.to_le_bytes());
        tiff.extend(count.to_le_bytes());
        tiff.extend(value.to_le_bytes());
    };
    tiff.extend(entries.to_le_bytes());
    entry(&mut tiff, 0x0112, 3, 1, 6); // Orientation
    entry(&mut tiff, 0x013b, 2, artist.len() as u32, artist_offset); // Artist
    entry(&mut tiff, 0xa431, 2, serial.len() as u32, serial_offset); // BodySerialNumber
    entry(&mut tiff, 0x8825, 4, 1, gps_offset); // GPS IFD
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(artist.as_bytes());
    tiff.extend(serial.as_bytes());
    let rationals_offset = gps_offset + 2 + 12 * 2 + 4;
    tiff.extend(2u16.to_le_bytes());
    entry(&mut tiff, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0")); // GPSLatitudeRef
    entry(&mut tiff, 0x0002, 5, 3, rationals_offset); // GPSLatitude
    tiff.extend(0u32.to_le_bytes());
    for (n, d) in [(53u32, 1u32), (9, 1), (4242, 100)] {
        tiff.extend(n.to_le_bytes());
        tiff.extend(d.to_le_bytes());
    }
    let mut block = b"Exif\0\0".to_vec();
    block.extend(tiff);
    block
}

/// A landscape JPEG as the sensor stored it, with EXIF saying it must be shown turned.
fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .write_image(&image, width, height, image::ExtendedColorType::Rgb8)
        .expect("encode");
    let exif = exif();
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend([0xff, 0xe1]);
    out.extend(((exif.len() + 2) as u16).to_be_bytes());
    out.extend(&exif);
    out.extend(&jpeg[2..]);
    out
}

fn png_logo() -> Vec<u8> {
    let image = RgbaImage::from_fn(600, 300, |x, _| {
        image::Rgba([240, 125, 0, if x < 300 { 255 } else { 0 }])
    });
    let mut png = Vec::new();
    DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("png");
    png
}

fn site_with_images() -> Site {
    let site = Site::fixture("basic");
    site.write_bytes("content/initiatives/molen.jpg", &phone_photo(2000, 1500));
    site.write_bytes("content/initiatives/binnen.jpg", &phone_photo(1200, 900));
    site.write_bytes("content/partners/logos/beta.png", &png_logo());
    let shared = site.read("content/initiatives/molen.yaml");
    site.write(
        "content/initiatives/molen.yaml",
        &format!("{shared}image: molen.jpg\n"),
    );
    site.write("content/initiatives/molen.nl.md", "---\nsummary: \"Een molen van het dorp.\"\nimage_alt: \"De molen boven het dorp\"\n---\nDe molen draait.\n\n![Binnen in de molen](binnen.jpg)\n");
    site.write("content/initiatives/molen.en.md", "---\nsummary: \"A village-owned turbine.\"\nimage_alt: \"The turbine above the village\"\n---\nThe turbine turns.\n");
    let beta = site.read("content/partners/beta.yaml");
    site.write(
        "content/partners/beta.yaml",
        &format!("{beta}logo: logos/beta.png\n"),
    );
    site
}

fn decode(site: &Site, relative: &str) -> DynamicImage {
    image::open(site.path().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

#[test]
fn photos_get_responsive_variants_turned_upright() {
    let site = site_with_images();
    let run = site.build();
    run.assert_code(0);
    // Turned upright by EXIF: 2000 × 1500 stored, 1500 × 2000 shown.
    for (width, height) in [(480, 640), (960, 1280), (1500, 2000)] {
        let variant = decode(&site, &format!("public/initiatieven/molen-{width}.jpg"));
        assert_eq!((variant.width(), variant.height()), (width, height));
        assert!(site.exists(&format!("public/initiatieven/molen-{width}.webp")));
    }
    assert!(
        !site.exists("public/initiatieven/molen-1600.jpg"),
        "never upscaled"
    );
    let social = decode(&site, "public/initiatieven/molen-social.jpg");
    assert_eq!((social.width(), social.height()), (1200, 630));
    let original = decode(&site, "public/initiatieven/molen.jpg");
    assert_eq!((original.width(), original.height()), (1500, 2000));

    let page = site.read("public/initiatieven/molen/index.html");
    assert!(page.contains("<picture><source type=\"image/webp\" srcset=\"/initiatieven/molen-480.webp 480w, /initiatieven/molen-960.webp 960w, /initiatieven/molen-1500.webp 1500w\" sizes=\"(min-width: 48rem) 44rem, 100vw\"><img src=\"/initiatieven/molen-960.jpg\" srcset=\"/initiatieven/molen-480.jpg 480w, /initiatieven/molen-960.jpg 960w, /initiatieven/molen-1500.jpg 1500w\" sizes=\"(min-width: 48rem) 44rem, 100vw\" width=\"960\" height=\"1280\" alt=\"De molen boven het dorp\" decoding=\"async\"></picture>"), "{page}");
    // In the text: below the fold, so lazy.
    assert!(
        page.contains("alt=\"Binnen in de molen\" loading=\"lazy\" decoding=\"async\"></picture>"),
        "{page}"
    );
    assert!(page.contains(
        "<meta property=\"og:image\" content=\"https://example.org/initiatieven/molen-social.jpg\">"
    ));
    // A logo with transparency keeps it: PNG fallback.
    assert!(site.exists("public/partners/logos/beta-480.png"));
    assert!(
        decode(&site, "public/partners/logos/beta-480.png")
            .color()
            .has_alpha()
    );
}

#[test]
fn no_published_byte_carries_the_metadata() {
    let site = site_with_images();
    site.build().assert_code(0);
    let mut checked = 0;
    for (path, bytes) in site.snapshot("public") {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(ARTIST), "{path} carries the artist");
        assert!(!text.contains(SERIAL), "{path} carries the camera serial");
        assert!(
            !bytes.windows(6).any(|w| w == b"Exif\0\0"),
            "{path} carries EXIF (GPS)"
        );
        checked += 1;
    }
    assert!(checked > 60);
}

#[test]
fn an_editor_can_keep_the_original_of_one_image() {
    let site = site_with_images();
    let text = site.read("content/initiatives/molen.yaml");
    site.write(
        "content/initiatives/molen.yaml",
        &format!("{text}keep_metadata: [molen.jpg]\n"),
    );
    site.build().assert_code(0);
    let original = std::fs::read(site.path().join("public/initiatieven/molen.jpg")).expect("read");
    assert_eq!(original, phone_photo(2000, 1500), "published byte for byte");
    let variant =
        std::fs::read(site.path().join("public/initiatieven/molen-480.jpg")).expect("read");
    assert!(
        !variant.windows(6).any(|w| w == b"Exif\0\0"),
        "variants are stripped anyway"
    );
}

/// `keep_metadata` worked per section: any initiative could publish where another's photos
/// were taken, which that initiative's editors had removed. Now only a photo the entry shows
/// (in one of its languages: `binnen.jpg` is in the Dutch text only).
#[test]
fn only_an_entry_that_shows_a_photo_can_keep_its_metadata() {
    let site = site_with_images();
    let zorg = site.read("content/initiatives/zorg.yaml");
    let line = zorg.lines().count() + 1;
    site.write(
        "content/initiatives/zorg.yaml",
        &format!("{zorg}keep_metadata: [binnen.jpg]\n"),
    );
    let run = site.build();
    run.assert_code(1);
    let expected = format!(
        "content/initiatives/zorg.yaml:{line}:17: error: `binnen.jpg` is not on this page: `keep_metadata` applies only to a photo the page shows itself\n"
    );
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("is not on this page").count(),
        1,
        "{}",
        run.stderr
    );
    // A link to the photo in zorg's text is not showing it.
    let text = site.read("content/initiatives/zorg.en.md");
    site.write(
        "content/initiatives/zorg.en.md",
        &format!("{text}\n[plan](./binnen.jpg)\n"),
    );
    let run = site.build();
    run.assert_code(1);
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    site.write("content/initiatives/zorg.en.md", &text);
    site.write("content/initiatives/zorg.yaml", &zorg);
    let molen = site.read("content/initiatives/molen.yaml");
    site.write(
        "content/initiatives/molen.yaml",
        &format!("{molen}keep_metadata: [binnen.jpg]\n"),
    );
    site.build().assert_code(0);
    let original = std::fs::read(site.path().join("public/initiatieven/binnen.jpg")).expect("read");
    assert_eq!(original, phone_photo(1200, 900), "published byte for byte");
}

#[test]
fn unchanged_images_come_from_the_cache() {
    let site = site_with_images();
    let first = site.build();
    first.assert_code(0);
    assert!(
        first
            .stdout
            .contains("(3 images processed, 0 from the cache)"),
        "{}",
        first.stdout
    );
    let before = site.snapshot("public");
    let second = site.build();
    second.assert_code(0);
    assert!(
        second
            .stdout
            .contains("(0 images processed, 3 from the cache)"),
        "{}",
        second.stdout
    );
    assert_eq!(
        before,
        site.snapshot("public"),
        "the same bytes from the cache"
    );
    // Published as links to the cache's files: a warm build neither copies nor writes them.
    // (It reads them, to check them against the cache's manifest, but never the photos.)
    let inode = |path: &std::path::Path| {
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).expect("stat"))
    };
    let cached: std::collections::HashSet<u64> =
        walkdir::WalkDir::new(site.path().join(".wdhs-cache"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| inode(e.path()))
            .collect();
    let variants: Vec<std::path::PathBuf> = walkdir::WalkDir::new(site.path().join("public"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "webp"))
        .collect();
    assert!(!variants.is_empty());
    for variant in &variants {
        assert!(
            cached.contains(&inode(variant)),
            "{} is not shared with the cache",
            variant.display()
        );
    }
    // Deleting the cache is safe: the images are simply made again.
    std::fs::remove_dir_all(site.path().join(".wdhs-cache")).expect("rm");
    assert!(
        site.build()
            .stdout
            .contains("(3 images processed, 0 from the cache)")
    );
}

fn expect_error(site: &Site, expected: &str) {
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(expected),
        "expected\n{expected}\nin\n{}",
        run.stderr
    );
}

#[test]
fn a_missing_image_is_an_error_at_its_reference() {
    let site = site_with_images();
    site.remove("content/initiatives/binnen.jpg");
    expect_error(
        &site,
        "content/initiatives/molen.nl.md:7:1: error: the image `binnen.jpg` does not exist\n",
    );
}

#[test]
fn a_damaged_image_is_an_error_at_its_reference() {
    let site = site_with_images();
    site.write_bytes(
        "content/initiatives/binnen.jpg",
        &phone_photo(1200, 900)[..120],
    );
    expect_error(
        &site,
        "content/initiatives/molen.nl.md:7:1: error: the image `binnen.jpg` cannot be used: the image is damaged or incomplete",
    );
}

/// `check` makes no image, so it never saw the paths of the copies `build` makes: a folder
/// `binnen-480.webp/` passed `check` and failed `build`.
#[test]
fn check_knows_the_files_build_makes_of_an_image() {
    let site = site_with_images();
    site.write_bytes(
        "content/initiatives/binnen-480.webp/plan.pdf",
        &common::pdf(0),
    );
    let expected = "content/initiatives/binnen-480.webp/plan.pdf: error: this file would be published as `initiatieven/binnen-480.webp/plan.pdf`, but `initiatieven/binnen-480.webp` is a page or file of the site already";
    for run in [site.check(), site.build()] {
        run.assert_code(1);
        assert!(run.stderr.contains(expected), "{}", run.stderr);
    }
}

/// A photo of 248 letters' name passed `check`; `build` could not write its copies
/// (`…-social.jpg` is over the 255 bytes a file name may have).
#[test]
fn a_name_too_long_for_the_copies_of_an_image_is_named_by_check() {
    let site = site_with_images();
    let name = format!("{}.jpg", "a".repeat(248));
    let photo = std::fs::read(site.path().join("content/initiatives/binnen.jpg")).expect("read");
    site.write_bytes(&format!("content/initiatives/{name}"), &photo);
    let run = site.check();
    run.assert_code(1);
    let expected =
        format!("content/initiatives/{name}: error: this would be published as `initiatieven/");
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    assert!(run.stderr.contains("but that name is too long for a file\n  hint: give the file or folder a shorter name (at most 200 characters)"), "{}", run.stderr);
}

/// A damaged photo no page shows yet was left out of the site without a word; the decoder's
/// English ("Format error decoding Jpeg …") stood in Dutch messages.
#[test]
fn a_damaged_image_no_page_shows_is_a_warning_in_the_editors_words() {
    let site = site_with_images();
    site.write_bytes(
        "content/initiatives/reserve.jpg",
        &phone_photo(1200, 900)[..120],
    );
    let run = site.run(&["check", "--today", "2026-01-01", "--lang", "nl"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("content/initiatives/reserve.jpg: waarschuwing: deze afbeelding komt niet op de site: de afbeelding is beschadigd of niet compleet\n"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Format error"), "{}", run.stderr);
}

/// The first 60% of `bytes`: a copy from a phone broken off halfway.
fn cut_off(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len() * 6 / 10]
}

#[test]
fn a_photo_copied_only_in_part_is_an_error_with_what_to_do() {
    let site = site_with_images();
    let photo = phone_photo(1200, 900);
    // Its header is whole, so it was published with a grey lower part, without a word.
    site.write_bytes("content/initiatives/binnen.jpg", cut_off(&photo));
    expect_error(
        &site,
        "content/initiatives/molen.nl.md:7:1: error: the image `binnen.jpg` cannot be used: the file ends too early, so only part of the picture is in it; the copy was probably broken off\n",
    );
    // Not the usual advice to save it again: that would keep the grey.
    expect_error(
        &site,
        "  hint: copy the photo or picture again from where it came from (the phone, the camera, the e-mail), check that all of it shows when you open it, and put that file here instead\n",
    );
    let build = site.build();
    build.assert_code(1);
    assert!(!site.exists("public/initiatieven/binnen-480.jpg"));
    let dutch = site.run(&["check", "--today", "2026-01-01", "--lang", "nl"]);
    dutch.assert_code(1);
    for expected in [
        "content/initiatives/molen.nl.md:7:1: fout: de afbeelding `binnen.jpg` kan niet gebruikt worden: het bestand houdt te vroeg op, dus er staat maar een deel van de afbeelding in; waarschijnlijk is het kopiëren afgebroken\n",
        "  tip: kopieer de foto of afbeelding opnieuw van de plek waar hij vandaan komt",
    ] {
        assert!(dutch.stderr.contains(expected), "{}", dutch.stderr);
    }
    // The whole photo passes, also with bytes after its end (some phones and editors add
    // them), as does a logo; a logo cut off is the same error.
    let mut padded = photo.clone();
    padded.extend(b"\0\0\0\0extra bytes after the end");
    site.write_bytes("content/initiatives/binnen.jpg", &padded);
    site.check().assert_code(0);
    site.write_bytes("content/partners/logos/beta.png", cut_off(&png_logo()));
    expect_error(
        &site,
        "error: the image `logos/beta.png` cannot be used: the file ends too early",
    );
    expect_error(&site, "content/partners/beta.yaml:5:");
}

#[test]
fn an_unsupported_format_says_what_to_do() {
    let site = site_with_images();
    site.write_bytes("content/initiatives/foto.heic", b"\0\0\0\x18ftypheic");
    site.write(
        "content/initiatives/molen.nl.md",
        "---\nsummary: \"x\"\nimage_alt: \"x\"\n---\n![Een foto](foto.heic)\n",
    );
    expect_error(
        &site,
        "content/initiatives/molen.nl.md:5:1: error: `foto.heic` is in a format browsers cannot show\n",
    );
    expect_error(
        &site,
        "  hint: save it as JPEG (photos) or PNG (logos, drawings) and use that file\n",
    );
}

#[test]
fn a_decompression_bomb_is_refused_quickly() {
    let site = site_with_images();
    // A PNG header claiming 30 000 × 30 000 pixels: a few bytes on disk.
    let png = png_logo_claiming(30_000, 30_000);
    site.write_bytes("content/initiatives/binnen.jpg", &png);
    let started = std::time::Instant::now();
    expect_error(
        &site,
        "content/initiatives/molen.nl.md:7:1: error: the image `binnen.jpg` cannot be used: the image is 30000 × 30000 pixels, more than wdhs processes (50 million pixels at most)\n",
    );
    assert!(started.elapsed().as_secs() < 20);
    // Saving it again would keep its pixels: the hint says to make it smaller.
    expect_error(
        &site,
        "  hint: make the photo smaller, for example 4000 pixels wide (in Photos or Paint: resize), and use that file;",
    );
}

#[test]
fn a_picture_of_a_few_bytes_that_claims_millions_of_pixels_is_refused() {
    let site = site_with_images();
    // 49 million pixels in the header of a file of a few kilobytes (its data is the logo's).
    let png = png_logo_claiming(7_000, 7_000);
    site.write_bytes("content/initiatives/binnen.jpg", &png);
    expect_error(
        &site,
        &format!(
            "content/initiatives/molen.nl.md:7:1: error: the image `binnen.jpg` cannot be used: the image says it is 7000 × 7000 pixels, but the file is only {} bytes",
            png.len()
        ),
    );
}

#[test]
fn a_picture_too_tall_for_its_copies_is_an_error_in_check_and_build() {
    let site = site_with_images();
    // 1 × 16 384: its copy at its own width is higher than WebP allows. Not a crash (101).
    let mut tall = Vec::new();
    DynamicImage::ImageRgb8(RgbImage::new(1, 16_384))
        .write_to(
            &mut std::io::Cursor::new(&mut tall),
            image::ImageFormat::Png,
        )
        .expect("png");
    site.write_bytes("content/initiatives/binnen.jpg", &tall);
    let expected = "content/initiatives/molen.nl.md:7:1: error: the image `binnen.jpg` cannot be used: the image is 1 × 16384 pixels, too tall for its width";
    expect_error(&site, expected);
    let run = site.build();
    run.assert_code(1);
    assert!(run.stderr.contains(expected), "{}", run.stderr);
}

/// The logo with a header that claims `width` × `height` pixels (its pixel data unchanged),
/// the header's checksum mended so that only the size is wrong.
fn png_logo_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = png_logo();
    png[16..20].copy_from_slice(&width.to_be_bytes());
    png[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32fast::hash(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

#[test]
fn an_image_without_alt_text_is_an_error() {
    let site = site_with_images();
    site.write(
        "content/initiatives/molen.en.md",
        "---\nsummary: \"A village-owned turbine.\"\n---\n",
    );
    // The image is named in the shared file; the English file lacks the description.
    expect_error(
        &site,
        "content/initiatives/molen.en.md:1:1: error: the image `molen.jpg` named in content/initiatives/molen.yaml has no description (`image_alt`) in this file\n",
    );
}

/// A description copied into the translation unchanged, or written once in the shared file,
/// reaches readers of the other language in the wrong one: a warning where it is written.
#[test]
fn an_image_description_the_same_in_both_languages_is_a_warning() {
    let site = site_with_images();
    site.write(
        "content/initiatives/molen.en.md",
        "---\nsummary: \"A village-owned turbine.\"\nimage_alt: \"De molen boven het dorp\"\n---\n",
    );
    let run = site.check();
    run.assert_code(0);
    assert!(run.stderr.contains("content/initiatives/molen.en.md:3:12: warning: the description of the image (`image_alt`) is the same as in content/initiatives/molen.nl.md"), "{}", run.stderr);
    assert!(
        run.stderr.contains("hint: translate the description here"),
        "{}",
        run.stderr
    );
    let shared = site.read("content/initiatives/molen.yaml");
    site.write(
        "content/initiatives/molen.yaml",
        &format!("{shared}image_alt: \"De molen\"\n"),
    );
    for lang in ["nl", "en"] {
        let file = format!("content/initiatives/molen.{lang}.md");
        let text = site.read(&file);
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("image_alt"))
            .collect();
        site.write(&file, &(kept.join("\n") + "\n"));
    }
    let run = site.check();
    run.assert_code(0);
    assert!(
        run.stderr.contains("content/initiatives/molen.yaml:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("warning: the description of the image (`image_alt`) is in the shared file, so every language gets the same text\n"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("hint: write `image_alt` in each language file instead, in its language"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("`image_alt`) is").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn an_svg_with_a_script_is_refused() {
    let site = Site::fixture("basic");
    site.write("content/partners/logos/alfa.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"4\" onclick=\"steal()\"/>\n</svg>\n");
    expect_error(
        &site,
        "content/partners/logos/alfa.svg:2:17: error: the SVG contains an event handler (`onclick`), which could run code in a reader's browser\n",
    );
}

#[test]
fn a_photo_replaced_under_the_same_name_is_measured_again() {
    let site = site_with_images();
    site.build().assert_code(0);
    // Same name, other size: the remembered header of the old photo must not be used.
    site.write_bytes("content/initiatives/binnen.jpg", &phone_photo(1000, 800));
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("(1 images processed, 2 from the cache)"),
        "{}",
        run.stdout
    );
    let page = site.read("public/initiatieven/molen/index.html");
    assert!(
        page.contains(
            "srcset=\"/initiatieven/binnen-480.jpg 480w, /initiatieven/binnen-800.jpg 800w\""
        ),
        "{page}"
    );
    assert!(site.exists("public/initiatieven/binnen-800.webp"));
    assert!(
        !site.exists("public/initiatieven/binnen-900.webp"),
        "a variant of the old photo stays"
    );
}
#[test]
fn entries_no_build_used_for_a_month_leave_the_cache() {
    let site = site_with_images();
    site.build().assert_code(0);
    let cache = site.path().join(".wdhs-cache/images");
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(40 * 24 * 3600);
    let set_used = |manifest: &std::path::Path, when: std::time::SystemTime| {
        std::fs::File::options()
            .write(true)
            .open(manifest)
            .and_then(|f| f.set_modified(when))
            .expect("set mtime");
    };
    let manifests = |cache: &std::path::Path| -> Vec<std::path::PathBuf> {
        walkdir::WalkDir::new(cache)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name() == "manifest.json")
            .map(|e| e.into_path())
            .collect()
    };
    // The site's own photos, made long ago; a photo an editor replaced weeks ago; one another
    // branch used yesterday.
    let used = manifests(&cache);
    assert_eq!(used.len(), 3);
    for manifest in &used {
        set_used(manifest, long_ago);
    }
    let entry = |key: &str, when| {
        let folder = cache.join(&key[..2]).join(key);
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(folder.join("file.jpg"), b"old photo").expect("write");
        std::fs::write(folder.join("manifest.json"), b"{\"files\":[]}").expect("write");
        set_used(&folder.join("manifest.json"), when);
        folder
    };
    let replaced = entry("abababababababababababababababab", long_ago);
    let other_branch = entry(
        "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
        std::time::SystemTime::now() - std::time::Duration::from_secs(24 * 3600),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("(0 images processed, 3 from the cache)"),
        "{}",
        run.stdout
    );
    assert!(!replaced.exists(), "an entry unused for 40 days is removed");
    assert!(other_branch.exists(), "an entry used yesterday is kept");
    for manifest in &used {
        assert!(
            manifest.exists(),
            "{} is used by this build",
            manifest.display()
        );
    }
    // They were marked as used, so the next build keeps them too.
    assert!(
        site.build()
            .stdout
            .contains("(0 images processed, 3 from the cache)")
    );
}

// The image cache is a cache, not input: what is in `.wdhs-cache/` is published only when wdhs
// can tell it made it itself. Each test below builds once, changes the cache the way a
// tampered or committed cache would, and checks what the next build publishes.

fn inode(path: &std::path::Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&std::fs::symlink_metadata(path).expect("stat"))
}

/// The cache's file behind a published one (the same file, by hard link).
fn cached_copy(site: &Site, published: &str) -> std::path::PathBuf {
    let wanted = inode(&site.path().join(published));
    walkdir::WalkDir::new(site.path().join(".wdhs-cache"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_type().is_file() && inode(e.path()) == wanted)
        .map(|e| e.into_path())
        .unwrap_or_else(|| panic!("{published} is not in the cache"))
}

/// Writes `bytes` as the cached file and makes its manifest agree (size and hash), as someone
/// covering their tracks would.
fn replace_consistently(cached: &std::path::Path, bytes: &[u8]) {
    let name = cached.file_name().expect("name").to_string_lossy();
    let suffix = name
        .strip_prefix("file")
        .expect("cache file name")
        .to_string();
    let manifest_path = cached.with_file_name("manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).expect("manifest")).expect("json");
    let files = manifest["files"].as_array_mut().expect("files");
    let entry = files
        .iter_mut()
        .find(|f| f["suffix"] == suffix.as_str())
        .expect("listed");
    entry["size"] = bytes.len().into();
    entry["xxh3"] = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes)).into();
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).expect("json")).expect("write");
    std::fs::write(cached, bytes).expect("write");
}

fn carries_metadata(bytes: &[u8]) -> bool {
    bytes.windows(6).any(|w| w == b"Exif\0\0") || String::from_utf8_lossy(bytes).contains(ARTIST)
}

fn published(site: &Site, relative: &str) -> Vec<u8> {
    std::fs::read(site.path().join(relative)).expect("read")
}

#[test]
fn a_tampered_cache_file_is_made_again_and_never_published() {
    let site = site_with_images();
    site.build().assert_code(0);
    let clean = site.snapshot("public");
    // GPS and author put into a cached variant, its manifest made to agree: the hash matches,
    // the check for metadata does not.
    let variant = "public/initiatieven/molen-480.jpg";
    let cached = cached_copy(&site, variant);
    let bytes = std::fs::read(&cached).expect("read");
    let exif = exif();
    let mut tampered = bytes[..20].to_vec();
    tampered.extend([0xff, 0xe1]);
    tampered.extend(((exif.len() + 2) as u16).to_be_bytes());
    tampered.extend(&exif);
    tampered.extend(&bytes[20..]);
    replace_consistently(&cached, &tampered);
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("(1 images processed, 2 from the cache)"),
        "{}",
        run.stdout
    );
    assert!(!carries_metadata(&published(&site, variant)));
    assert!(site.snapshot("public") == clean, "not the clean site");
    // Other bytes, manifest not updated: the hash says so.
    let variant = "public/initiatieven/binnen-480.webp";
    let cached = cached_copy(&site, variant);
    let mut bytes = std::fs::read(&cached).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&cached, &bytes).expect("write");
    let run = site.build();
    assert!(
        run.stdout
            .contains("(1 images processed, 2 from the cache)"),
        "{}",
        run.stdout
    );
    assert!(site.snapshot("public") == clean, "not the clean site");
}

/// Every entry below `folder`, not following links, that is a link.
fn links_in(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| std::fs::symlink_metadata(e.path()).is_ok_and(|m| m.file_type().is_symlink()))
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn a_cached_file_replaced_by_a_link_is_made_again_and_no_link_is_published() {
    let site = site_with_images();
    site.build().assert_code(0);
    let clean = site.snapshot("public");
    let outside = tempfile::tempdir().expect("temp dir");
    // The link points at a file with the very bytes the manifest lists, so only "never a
    // link" catches it; and at /proc/self/environ, which a build would otherwise publish.
    let variant = "public/initiatieven/molen-480.webp";
    let cached = cached_copy(&site, variant);
    let target = outside.path().join("same-bytes.webp");
    std::fs::copy(&cached, &target).expect("copy");
    std::fs::remove_file(&cached).expect("rm");
    std::os::unix::fs::symlink(&target, &cached).expect("symlink");
    let cached = cached_copy(&site, "public/partners/logos/beta-480.png");
    std::fs::remove_file(&cached).expect("rm");
    std::os::unix::fs::symlink("/proc/self/environ", &cached).expect("symlink");
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("(2 images processed, 1 from the cache)"),
        "{}",
        run.stdout
    );
    assert_eq!(
        links_in(&site.path().join("public")),
        Vec::<std::path::PathBuf>::new()
    );
    assert!(site.snapshot("public") == clean, "not the clean site");
    assert!(target.exists(), "the link's target was touched");
}

#[test]
fn a_cache_folder_that_is_a_link_is_never_written_through() {
    let site = site_with_images();
    let outside = tempfile::tempdir().expect("temp dir");
    let is_empty = |p: &std::path::Path| std::fs::read_dir(p).expect("dir").next().is_none();
    std::os::unix::fs::symlink(outside.path(), site.path().join(".wdhs-cache")).expect("link");
    let run = site.build();
    run.assert_code(0);
    let said = format!("{}{}", run.stdout, run.stderr);
    assert!(
        said.contains(".wdhs-cache: warning: .wdhs-cache was a link to"),
        "{said}"
    );
    assert!(is_empty(outside.path()), "written through the link");
    assert!(site.path().join(".wdhs-cache/images").is_dir());
    assert!(links_in(&site.path().join(".wdhs-cache")).is_empty());
    // The same for the folders inside it.
    for folder in [".wdhs-cache/images/by-file", ".wdhs-cache/images"] {
        let path = site.path().join(folder);
        std::fs::remove_dir_all(&path).expect("rm");
        std::os::unix::fs::symlink(outside.path(), &path).expect("link");
        let run = site.build();
        run.assert_code(0);
        assert!(
            format!("{}{}", run.stdout, run.stderr).contains("was a link to"),
            "{folder}"
        );
        assert!(
            is_empty(outside.path()),
            "{folder}: written through the link"
        );
        assert!(links_in(&site.path().join(".wdhs-cache")).is_empty());
    }
}

#[test]
fn a_cache_that_git_tracks_is_not_used() {
    let site = site_with_images();
    site.build().assert_code(0);
    let clean = site.snapshot("public");
    // A pull request commits a crafted cache: another picture in place of a variant, with a
    // manifest that agrees and no metadata, so every check on the file itself passes.
    let variant = "public/initiatieven/molen-480.jpg";
    let other = RgbImage::from_fn(480, 640, |_, _| image::Rgb([255, 0, 0]));
    let mut crafted = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut crafted, 80)
        .write_image(&other, 480, 640, image::ExtendedColorType::Rgb8)
        .expect("encode");
    replace_consistently(&cached_copy(&site, variant), &crafted);
    common::git_first_commit(&site, "2026-01-01T12:00:00+01:00");
    let cache_before = site.snapshot(".wdhs-cache");
    let run = site.build();
    run.assert_code(0);
    let said = format!("{}{}", run.stdout, run.stderr);
    assert!(
        said.contains(".wdhs-cache: warning: the image cache is in git: git tracks ")
            && said.contains("remove it with `git rm -r --cached .wdhs-cache`"),
        "{said}"
    );
    assert!(
        run.stdout
            .contains("(3 images processed, 0 from the cache)")
    );
    assert!(
        published(&site, variant) != crafted,
        "the crafted picture was published"
    );
    assert!(site.snapshot("public") == clean, "not the clean site");
    assert!(
        site.snapshot(".wdhs-cache") == cache_before,
        "the tracked cache was written to"
    );
}

/// `wdhs build` with progress shown from the first moment of processing (in debug builds,
/// `WDHS_PROGRESS_AFTER_MS`; the real wait is a second), stderr a pipe as in CI.
fn build_showing_progress(site: &Site, args: &[&str]) -> common::Run {
    common::Run::from(
        common::wdhs()
            .args(["build", "--today", "2026-01-01"])
            .args(args)
            .env("WDHS_PROGRESS_AFTER_MS", "0")
            .current_dir(site.path())
            .output()
            .expect("run wdhs"),
    )
}

/// The progress lines in `stderr`, each cut after the photo count (the time left varies).
fn progress_lines(stderr: &str, before_count: &str, counted: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with(before_count))
        .map(|l| {
            let end = l.find(counted).map_or(l.len(), |at| at + counted.len());
            l[..end].to_string()
        })
        .collect()
}

/// `site_with_images` with smaller photos (quick to process), and without the fixture's one
/// warning (an untranslated initiative), so that a good build has nothing to say on stderr but
/// its progress.
fn site_with_images_and_no_warnings() -> Site {
    let site = site_with_images();
    site.write_bytes("content/initiatives/molen.jpg", &phone_photo(640, 480));
    site.write_bytes("content/initiatives/binnen.jpg", &phone_photo(480, 360));
    site.write(
        "content/initiatives/alleen-nl.en.md",
        "---\nsummary: \"Translated at last.\"\n---\n",
    );
    site
}

#[test]
fn a_cold_build_tells_each_photo_processed_and_a_warm_one_says_nothing() {
    let site = site_with_images_and_no_warnings();
    let run = build_showing_progress(&site, &[]);
    run.assert_code(0);
    assert_eq!(
        progress_lines(&run.stderr, "photo ", " processed"),
        [
            "photo 1 of 3 processed",
            "photo 2 of 3 processed",
            "photo 3 of 3 processed"
        ],
        "{}",
        run.stderr
    );
    // Not a terminal: no line redrawn in place.
    assert!(!run.stderr.contains('\r'), "{:?}", run.stderr);
    assert!(
        run.stdout
            .contains("(3 images processed, 0 from the cache)"),
        "{}",
        run.stdout
    );
    // Every image from the cache: nothing to wait for, nothing said.
    let warm = build_showing_progress(&site, &[]);
    warm.assert_code(0);
    assert_eq!(warm.stderr, "", "a warm build is silent");
    assert!(
        warm.stdout
            .contains("(0 images processed, 3 from the cache)")
    );

    let dutch = site_with_images_and_no_warnings();
    let run = build_showing_progress(&dutch, &["--lang", "nl"]);
    run.assert_code(0);
    assert_eq!(
        progress_lines(&run.stderr, "foto ", " bewerkt"),
        [
            "foto 1 van 3 bewerkt",
            "foto 2 van 3 bewerkt",
            "foto 3 van 3 bewerkt"
        ],
        "{}",
        run.stderr
    );
}

#[test]
fn a_quiet_build_prints_nothing_but_its_errors() {
    let site = site_with_images_and_no_warnings();
    let run = build_showing_progress(&site, &["--quiet"]);
    run.assert_code(0);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    assert!(site.exists("public/initiatieven/molen-480.webp"));
    // Errors are still printed, and the line that says the build failed.
    site.write(
        "content/initiatives/molen.nl.md",
        "---\nsummary: \"x\"\nimage_alt: \"x\"\n---\n![Weg](weg.jpg)\n",
    );
    let run = build_showing_progress(&site, &["--quiet"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/initiatives/molen.nl.md:5:1: error: the image `weg.jpg` does not exist"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("build failed: 1 error"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}
