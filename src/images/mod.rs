//! Images: reads raster headers (size, orientation, transparency) without decoding, refuses
//! decompression bombs and JPEG and PNG files that stop before their end (`image_end`), makes
//! resized variants (WebP + JPEG/PNG fallback) and a 1200×630 social crop with every bit of
//! metadata dropped, and uses the cache of processed images beside the site (`image_cache`) so
//! unchanged images are never processed twice. The codecs (image, fast_image_resize, libwebp)
//! are used here and nowhere else. SVG files are checked in `svg/`.

use crate::image_cache::{
    Expected, entry_folder, file_note, make_folder, read_entry, read_regular, valid_key,
    write_entry, write_whole,
};
use crate::write::Content;
use image::{DynamicImage, ImageDecoder, ImageReader};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Widths of the published variants; an image is never made wider than it is.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// The largest published copy of an original (the file at the original's own path).
pub const MAX_ORIGINAL_WIDTH: u32 = 2400;
/// More pixels than this is refused before decoding: a 30 000 × 30 000 PNG is a few KB on
/// disk but gigabytes in memory.
pub const MAX_PIXELS: u64 = 50_000_000;
/// More pixels per byte of the file than this is refused before decoding too: photos and
/// drawings hold far fewer, and a picture of a few dozen bytes that says it is 7000 × 7000
/// would take seconds and hundreds of megabytes to make copies of.
pub const MAX_PIXELS_PER_BYTE: u64 = 10_000;
/// The most pixels a WebP copy may be high (or wide).
const MAX_WEBP_SIDE: u64 = 16_383;
pub const SOCIAL_SIZE: (u32, u32) = (1200, 630);
const JPEG_QUALITY: u8 = 80;
const WEBP_QUALITY: f32 = 75.0;
/// Part of every cache key and note: bump it when the processing or the cache's layout changes.
/// (2: manifests record sizes and hashes; keys include the original's extension. 3: variants
/// and the social crop are resized from the copy at most `MAX_ORIGINAL_WIDTH` wide.)
pub const PROCESS_VERSION: &str = "wdhs-images-3";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fallback {
    Jpeg,
    Png,
}

impl Fallback {
    pub fn extension(self) -> &'static str {
        match self {
            Fallback::Jpeg => "jpg",
            Fallback::Png => "png",
        }
    }
}

/// What the header says, after EXIF orientation (a portrait photo taken sideways is portrait).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageInfo {
    pub width: u32,
    pub height: u32,
    pub fallback: Fallback,
}

/// What the header of each raster asset says, or why it cannot be used, by kind and path.
pub type Headers =
    std::collections::HashMap<(crate::model::Kind, String), Result<ImageInfo, Unusable>>;

/// Why an image cannot be used, with its own advice when the usual one (save it again in a
/// photo editor) would not help: saving a photo that was copied only in part keeps it broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    pub problem: String,
    pub hint: Option<String>,
}

impl From<String> for Unusable {
    fn from(problem: String) -> Self {
        Unusable {
            problem,
            hint: None,
        }
    }
}

/// Raster files wdhs processes; other files are copied as they are.
pub fn is_raster(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Image files wdhs cannot publish, with the advice to give.
pub fn unsupported(path: &str) -> Option<String> {
    let lower = path.to_ascii_lowercase();
    [
        ".heic", ".heif", ".tif", ".tiff", ".bmp", ".avif", ".raw", ".cr2", ".nef", ".psd",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
    .then(|| crate::tr!("images-unsupported-hint"))
}

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, String> {
    limited(ImageReader::new(Cursor::new(bytes)))
}

fn limited<R: std::io::BufRead + std::io::Seek>(
    reader: ImageReader<R>,
) -> Result<ImageReader<R>, String> {
    let mut reader = reader
        .with_guessed_format()
        .map_err(|e| crate::tr!("images-cannot-read", error = crate::i18n::io_error(&e)))?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    Ok(reader)
}

/// `inspect_file`, answered from a note in the cache when it is the same file as when a build
/// last published it (path, size, times and inode: `image_cache::file_note`; a note checked out
/// from git never matches): the JPEG decoder reads whole files, so
/// without the note every build would read every photo. Only `remember_header` writes notes,
/// and only readable images get one, so a broken image is inspected (and reported) every time.
pub fn inspect_file_cached(path: &Path, cache: &Path) -> Result<ImageInfo, Unusable> {
    if let Some(note) = header_note(path, cache)
        && let Some(text) = read_regular(&note, 4096)
        && let Ok(info) = serde_json::from_slice::<ImageInfo>(&text)
    {
        return Ok(info);
    }
    inspect_file(path)
}

/// Notes what `inspect_file` found for `path`, for `inspect_file_cached`. A failed write only
/// costs a header read next time.
pub fn remember_header(path: &Path, cache: &Path, info: &ImageInfo) {
    let Some(note) = header_note(path, cache) else {
        return;
    };
    if note.exists() {
        return;
    }
    if let Some(parent) = note.parent()
        && make_folder(parent)
        && let Ok(json) = serde_json::to_vec(info)
    {
        write_whole(&note, &json);
    }
}

fn header_note(path: &Path, cache: &Path) -> Option<PathBuf> {
    // "whole": notes from before files were checked to the end (`image_end`) are not trusted,
    // or a photo copied in part that a build once accepted would pass until it changed.
    let name = file_note(&path.to_string_lossy(), path, "header-whole")?;
    Some(cache.join("headers").join(name))
}

/// Reads the header of the file, then walks it to its end marker (`image_end`) without
/// decoding the picture.
pub fn inspect_file(path: &Path) -> Result<ImageInfo, Unusable> {
    use std::io::Seek;
    let file = std::fs::File::open(path).map_err(cannot_read_file)?;
    let size = file.metadata().map_err(cannot_read_file)?.len();
    let mut input = std::io::BufReader::new(file);
    let info = inspect_reader(limited(ImageReader::new(&mut input))?, size)?;
    input.rewind().map_err(cannot_read_file)?;
    whole(&mut input)?;
    Ok(info)
}

/// `inspect_file` for bytes already read. Errors are sentences for the editor.
pub fn inspect(bytes: &[u8]) -> Result<ImageInfo, String> {
    let info = inspect_reader(reader(bytes)?, bytes.len() as u64).map_err(|u| u.problem)?;
    whole(&mut &bytes[..]).map_err(|unusable| unusable.problem)?;
    Ok(info)
}

/// A JPEG or PNG that stops before its end marker is refused: the decoder would fill the
/// missing part with grey (JPEG) or fail only when the site is built (PNG). Checked after the
/// header, so a broken header is reported in the decoder's words.
fn whole(input: &mut impl std::io::BufRead) -> Result<(), Unusable> {
    match crate::image_end::ends_early(input) {
        Ok(false) => Ok(()),
        Ok(true) => Err(Unusable {
            problem: crate::tr!("images-cut-off"),
            hint: Some(crate::tr!("images-cut-off-hint")),
        }),
        Err(error) => Err(cannot_read_file(error).into()),
    }
}

/// The header of an image of `size` bytes.
fn inspect_reader<R: std::io::BufRead + std::io::Seek>(
    reader: ImageReader<R>,
    size: u64,
) -> Result<ImageInfo, Unusable> {
    if reader.format().is_none() {
        return Err(crate::tr!("images-not-an-image").into());
    }
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(crate::tr!("images-no-pixels").into());
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        // Saved again it keeps its pixels: a phone's 50- or 200-megapixel photo must be made
        // smaller.
        return Err(Unusable {
            problem: crate::tr!(
                "images-too-many-pixels",
                width = width.to_string(),
                height = height.to_string(),
                millions = MAX_PIXELS / 1_000_000
            ),
            hint: Some(crate::tr!("images-too-many-pixels-hint")),
        });
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let (width, height) = if rotates(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    check_proportions(width, height, size)?;
    let fallback = if decoder.color_type().has_alpha() {
        Fallback::Png
    } else {
        Fallback::Jpeg
    };
    Ok(ImageInfo {
        width,
        height,
        fallback,
    })
}

/// An image (upright) whose header promises far more pixels than its bytes can hold, or whose
/// largest copy would be taller than WebP allows, is refused before it is decoded.
fn check_proportions(width: u32, height: u32, size: u64) -> Result<(), String> {
    let (width, height) = (u64::from(width), u64::from(height));
    let pixels = width * height;
    if pixels > 1_000_000 && pixels > size.saturating_mul(MAX_PIXELS_PER_BYTE) {
        return Err(crate::tr!(
            "images-too-few-bytes",
            width = width.to_string(),
            height = height.to_string(),
            bytes = size.to_string()
        ));
    }
    // Copies are at most `MAX_ORIGINAL_WIDTH` wide; their height follows.
    let copy = width.min(u64::from(MAX_ORIGINAL_WIDTH));
    if height * copy / width > MAX_WEBP_SIDE {
        return Err(crate::tr!(
            "images-too-tall",
            width = width.to_string(),
            height = height.to_string(),
            most = MAX_WEBP_SIDE.to_string()
        ));
    }
    Ok(())
}

fn rotates(orientation: image::metadata::Orientation) -> bool {
    use image::metadata::Orientation as O;
    matches!(
        orientation,
        O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH
    )
}

/// Why an image cannot be used, in the editor's language: the file cannot be read.
fn cannot_read_file(error: std::io::Error) -> String {
    crate::tr!(
        "load-cannot-read-file",
        error = crate::i18n::io_error(&error)
    )
}

/// The reason an image cannot be used, from the decoder's complaint; not its words, which are
/// English and a programmer's ("Format error decoding Jpeg: I/O errors …").
fn damaged(error: image::ImageError) -> String {
    match error {
        image::ImageError::Unsupported(_) => crate::tr!("images-unsupported-kind"),
        _ => crate::tr!("images-damaged"),
    }
}

fn cannot_encode(format: &str, error: &dyn std::fmt::Display) -> String {
    crate::tr!(
        "images-cannot-encode",
        format = format,
        error = error.to_string()
    )
}

/// The widths of the variants of an image this wide.
pub fn variant_widths(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
    if width <= WIDTHS[WIDTHS.len() - 1] {
        widths.push(width);
    } else {
        widths.push(WIDTHS[WIDTHS.len() - 1]);
    }
    widths.dedup();
    widths
}

/// `photos/molen.jpg` + 480 + "webp" → `photos/molen-480.webp`
pub fn variant_path(relative: &str, suffix: &str, extension: &str) -> String {
    let stem = relative.rsplit_once('.').map_or(relative, |(s, _)| s);
    format!("{stem}-{suffix}.{extension}")
}

pub fn height_for(info: &ImageInfo, width: u32) -> u32 {
    let h = (u64::from(info.height) * u64::from(width) + u64::from(info.width) / 2)
        / u64::from(info.width).max(1);
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// One output file of an image, relative to the image's own folder URL.
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// How many images were processed and how many came from the cache, for the build summary;
/// and how far one render is with its images, for the progress (`progress.rs`), which reads
/// these while the render jobs count. One set per render.
#[derive(Default)]
pub struct Counters {
    pub processed: AtomicUsize,
    pub cached: AtomicUsize,
    /// The images this render publishes (`render_site` counts them before it starts).
    total: AtomicUsize,
    /// Those finished: processed, from the cache, or failed.
    done: AtomicUsize,
    /// When the first image not in the cache began to be processed, and how many were done
    /// then.
    fresh_since: OnceLock<(Instant, usize)>,
}

impl Counters {
    pub fn get(&self) -> (usize, usize) {
        (
            self.processed.load(Ordering::Relaxed),
            self.cached.load(Ordering::Relaxed),
        )
    }

    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }

    /// One image of the total finished, whatever came of it.
    pub fn finished_one(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// When processing (not reading from the cache) began, and how many images were done
    /// then; `None` while every image came from the cache.
    pub fn fresh_since(&self) -> Option<(Instant, usize)> {
        self.fresh_since.get().copied()
    }

    fn fresh_start(&self) {
        self.fresh_since
            .get_or_init(|| (Instant::now(), self.done()));
    }
}

/// Every published file of a raster image: the stripped original (at its own path, at most
/// `MAX_ORIGINAL_WIDTH` wide), the variants in WebP and the fallback format, and the social
/// crop. From the cache when the same bytes were processed before with the same settings and
/// the cache's files check out (see `image_cache::read_entry`).
pub fn process(
    relative: &str,
    source: &Path,
    info: &ImageInfo,
    keep_original: bool,
    cache: &Path,
    counters: &Counters,
) -> Result<Vec<(String, Content)>, String> {
    let suffixes = suffixes(relative, info);
    let expected = Expected {
        suffixes: &suffixes,
        unstripped: keep_original.then(|| suffixes[0].as_str()),
    };
    // The very file that was processed last time (same path, size, times and inode) is not
    // read at all: a note remembers which processed result it had.
    let note = file_note(relative, source, &keep_original.to_string())
        .map(|n| cache.join("by-file").join(n));
    if let Some(note) = &note
        && let Some(key) = read_regular(note, 64)
        && let Ok(key) = String::from_utf8(key)
        && valid_key(key.trim())
        && let Some(outputs) = read_entry(&entry_folder(cache, key.trim()), relative, &expected)
    {
        counters.cached.fetch_add(1, Ordering::Relaxed);
        return Ok(outputs);
    }
    let bytes = std::fs::read(source).map_err(cannot_read_file)?;
    let key = content_key(&bytes, keep_original, &suffixes[0]);
    let outputs = process_bytes(
        relative,
        &bytes,
        keep_original,
        &key,
        &expected,
        cache,
        counters,
    )?;
    if let Some(note) = &note
        && let Some(parent) = note.parent()
        && make_folder(parent)
    {
        write_whole(note, key.as_bytes());
    }
    Ok(outputs)
}

/// The suffixes of an image's published files (each relative to its path without extension),
/// in the order `process_fresh` makes them: the original's own extension, per width the WebP
/// and the fallback, then the social crop.
/// The paths of every file `process` makes of the image published at `published`, without
/// making them: what `check` claims, so that a clash with one is found there too.
pub fn output_paths(published: &str, info: &ImageInfo) -> Vec<String> {
    let stem = published
        .rsplit_once('.')
        .map_or(published, |(stem, _)| stem);
    (suffixes(published, info).into_iter())
        .map(|suffix| format!("{stem}{suffix}"))
        .collect()
}

fn suffixes(relative: &str, info: &ImageInfo) -> Vec<String> {
    let extension = relative.rsplit_once('.').map_or("", |(_, e)| e);
    let mut suffixes = vec![format!(".{extension}")];
    for width in variant_widths(info.width) {
        suffixes.push(format!("-{width}.webp"));
        suffixes.push(format!("-{width}.{}", info.fallback.extension()));
    }
    suffixes.push("-social.jpg".to_string());
    suffixes
}

/// The original's extension is part of the key: the copy at its path is encoded in its format
/// (`encode_like`), so the same bytes saved as `.png` and as `.jpg` give different files.
fn content_key(bytes: &[u8], keep_original: bool, extension: &str) -> String {
    // Hashed in place: no copy of a 5 MB photo just to name its cache folder.
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(PROCESS_VERSION.as_bytes());
    hasher.update(&[u8::from(keep_original)]);
    hasher.update(extension.to_ascii_lowercase().as_bytes());
    hasher.update(&[0]);
    hasher.update(bytes);
    format!("{:032x}", hasher.digest128())
}

/// `process` for bytes already read: from the cache when the same bytes were processed before.
fn process_bytes(
    relative: &str,
    bytes: &[u8],
    keep_original: bool,
    key: &str,
    expected: &Expected<'_>,
    cache: &Path,
    counters: &Counters,
) -> Result<Vec<(String, Content)>, String> {
    let folder = entry_folder(cache, key);
    if let Some(outputs) = read_entry(&folder, relative, expected) {
        counters.cached.fetch_add(1, Ordering::Relaxed);
        return Ok(outputs);
    }
    counters.fresh_start();
    let outputs = process_fresh(relative, bytes, keep_original)?;
    counters.processed.fetch_add(1, Ordering::Relaxed);
    // Cached under names relative to the image (`-480.webp`), so the same photo used under two
    // names is processed once.
    let stem = relative.rsplit_once('.').map_or(relative, |(s, _)| s);
    let files: Vec<(String, &[u8])> = outputs
        .iter()
        .map(|o| {
            let suffix = o.path.strip_prefix(stem).unwrap_or(&o.path);
            (suffix.to_string(), o.bytes.as_slice())
        })
        .collect();
    write_entry(&folder, &files, || {
        read_entry(&folder, relative, expected).is_some()
    });
    // Published from the cache, like on the next build, unless the cache could not be written.
    Ok(read_entry(&folder, relative, expected).unwrap_or_else(|| {
        outputs
            .into_iter()
            .map(|o| (o.path, Content::Bytes(o.bytes)))
            .collect()
    }))
}

fn process_fresh(relative: &str, bytes: &[u8], keep_original: bool) -> Result<Vec<Output>, String> {
    let info = inspect(bytes)?;
    let mut decoder = reader(bytes)?.into_decoder().map_err(damaged)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    let image = match info.fallback {
        Fallback::Png => DynamicImage::ImageRgba8(image.into_rgba8()),
        Fallback::Jpeg => DynamicImage::ImageRgb8(image.into_rgb8()),
    };
    // The variants and the crop are made from the copy at most MAX_ORIGINAL_WIDTH wide, not from
    // the full decode: a 4000 px phone photo is resampled once to 2400 px, the rest from there
    // at less than half the cost (each within 50 dB PSNR of resizing the decode directly), and
    // the decode is freed early. Then every output is made in parallel, so that one photo
    // keeps all cores busy too (`scripts/bench-images-hugo.sh` measures the pipeline).
    let width = info.width.min(MAX_ORIGINAL_WIDTH);
    let base = at_most(image, width, height_for(&info, width))?;
    let widths = variant_widths(info.width);
    let (original, (variants, social)) = rayon::join(
        || {
            if keep_original {
                Ok(bytes.to_vec())
            } else {
                encode_like(relative, &base, info.fallback)
            }
        },
        || {
            rayon::join(
                || {
                    widths
                        .par_iter()
                        .map(|&width| {
                            let resized = resize(&base, width, height_for(&info, width))?;
                            let (webp, fallback) = rayon::join(
                                || encode_webp(&resized),
                                || encode(&resized, info.fallback),
                            );
                            Ok((width, webp?, fallback?))
                        })
                        .collect::<Result<Vec<_>, String>>()
                },
                || {
                    let social = crop(&base, SOCIAL_SIZE.0, SOCIAL_SIZE.1)?;
                    encode(&DynamicImage::ImageRgb8(social.into_rgb8()), Fallback::Jpeg)
                },
            )
        },
    );
    let mut outputs = vec![Output {
        path: relative.to_string(),
        bytes: original?,
    }];
    for (width, webp, fallback) in variants? {
        outputs.push(Output {
            path: variant_path(relative, &width.to_string(), "webp"),
            bytes: webp,
        });
        outputs.push(Output {
            path: variant_path(relative, &width.to_string(), info.fallback.extension()),
            bytes: fallback,
        });
    }
    outputs.push(Output {
        path: variant_path(relative, "social", "jpg"),
        bytes: social?,
    });
    Ok(outputs)
}

/// `image` itself when it is no larger than `width` × `height` (no copy), else resized to it;
/// the larger image is freed either way.
fn at_most(image: DynamicImage, width: u32, height: u32) -> Result<DynamicImage, String> {
    if image.width() <= width && image.height() <= height {
        return Ok(image);
    }
    resize(&image, width, height)
}

fn resize(image: &DynamicImage, width: u32, height: u32) -> Result<DynamicImage, String> {
    if image.width() == width && image.height() == height {
        return Ok(image.clone());
    }
    let mut target = DynamicImage::new(width, height, image.color());
    let options = fast_image_resize::ResizeOptions::new().resize_alg(
        fast_image_resize::ResizeAlg::Convolution(fast_image_resize::FilterType::Lanczos3),
    );
    fast_image_resize::Resizer::new()
        .resize(image, &mut target, &options)
        .map_err(|e| crate::tr!("images-cannot-resize", error = e.to_string()))?;
    Ok(target)
}

/// Fills `width` × `height` and cuts off what sticks out, keeping the middle.
fn crop(image: &DynamicImage, width: u32, height: u32) -> Result<DynamicImage, String> {
    let mut target = DynamicImage::new(width, height, image.color());
    let options = fast_image_resize::ResizeOptions::new()
        .resize_alg(fast_image_resize::ResizeAlg::Convolution(
            fast_image_resize::FilterType::Lanczos3,
        ))
        .fit_into_destination(Some((0.5, 0.5)));
    fast_image_resize::Resizer::new()
        .resize(image, &mut target, &options)
        .map_err(|e| crate::tr!("images-cannot-crop", error = e.to_string()))?;
    Ok(target)
}

fn encode(image: &DynamicImage, format: Fallback) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match format {
        Fallback::Jpeg => {
            let encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            image
                .write_with_encoder(encoder)
                .map_err(|e| cannot_encode("JPEG", &e))?;
        }
        Fallback::Png => {
            let encoder = image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Best,
                image::codecs::png::FilterType::Adaptive,
            );
            image
                .write_with_encoder(encoder)
                .map_err(|e| cannot_encode("PNG", &e))?;
        }
    }
    Ok(out)
}

/// The original's own format for the stripped copy at its path (GIF and WebP become the fallback).
fn encode_like(
    relative: &str,
    image: &DynamicImage,
    fallback: Fallback,
) -> Result<Vec<u8>, String> {
    let lower = relative.to_ascii_lowercase();
    if lower.ends_with(".png") {
        encode(image, Fallback::Png)
    } else if lower.ends_with(".webp") {
        encode_webp(image)
    } else if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        match image {
            DynamicImage::ImageRgb8(_) => encode(image, Fallback::Jpeg),
            _ => encode(&DynamicImage::ImageRgb8(image.to_rgb8()), Fallback::Jpeg),
        }
    } else {
        encode(image, fallback)
    }
}

fn encode_webp(image: &DynamicImage) -> Result<Vec<u8>, String> {
    let encoder = webp::Encoder::from_image(image).map_err(|e| cannot_encode("WebP", &e))?;
    // Not `encode`, which panics on what libwebp refuses.
    let encoded = (encoder.encode_simple(false, WEBP_QUALITY))
        .map_err(|e| cannot_encode("WebP", &format!("{e:?}")))?;
    Ok(encoded.to_vec())
}

mod picture;
pub use picture::*;

#[cfg(test)]
mod tests;
