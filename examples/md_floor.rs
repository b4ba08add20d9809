//! The "floor" for `scripts/bench.sh`: pulldown-cmark alone, in parallel with rayon, reading every
//! Markdown file under a folder, dropping its `---` front matter, rendering the body to HTML with
//! the same Markdown options as wdhs and writing it to the output folder at the same relative path
//! with `.html` instead of `.md`. No templates, no links, no checks: the least any generator has to
//! do for the same corpus.
//!
//! ```sh
//! cargo build --release --example md_floor
//! target/release/examples/md_floor CONTENT_DIR OUTPUT_DIR
//! ```

use pulldown_cmark::{Parser, html};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use walkdir::WalkDir;

/// The text after the front matter (`---` on the first line up to the next `---` line).
fn body(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return text;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return &rest[offset..];
        }
    }
    text
}

fn render(source: &Path, target: &Path) -> std::io::Result<usize> {
    let text = std::fs::read_to_string(source)?;
    let markdown = body(&text);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(
        &mut out,
        Parser::new_ext(markdown, wdhs::markdown::options()),
    );
    std::fs::write(target, &out)?;
    Ok(out.len())
}

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: md_floor CONTENT_DIR OUTPUT_DIR");
        return ExitCode::from(2);
    };
    let start = Instant::now();
    let files: Vec<(PathBuf, PathBuf)> = WalkDir::new(input)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            let relative = e.path().strip_prefix(input).unwrap_or(e.path());
            (
                e.path().to_path_buf(),
                output.join(relative).with_extension("html"),
            )
        })
        .collect();
    let folders: BTreeSet<&Path> = files.iter().filter_map(|(_, t)| t.parent()).collect();
    for folder in folders {
        if let Err(error) = std::fs::create_dir_all(folder) {
            eprintln!("{}: {error}", folder.display());
            return ExitCode::from(2);
        }
    }
    let results: Vec<Result<usize, String>> = files
        .par_iter()
        .map(|(source, target)| {
            render(source, target).map_err(|e| format!("{}: {e}", source.display()))
        })
        .collect();
    let mut bytes = 0;
    for result in results {
        match result {
            Ok(n) => bytes += n,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        }
    }
    println!(
        "rendered {} files ({} bytes of HTML) into {} in {} ms",
        files.len(),
        bytes,
        output.display(),
        start.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}
