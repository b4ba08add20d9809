//! Documents beside the content are published as they are, so they must not carry what a
//! reader's program runs: a PDF's JavaScript or actions (also packed in an object stream, or
//! spelled with escapes), an office file's macros, a spreadsheet formula in a CSV file.

mod common;

use common::Site;
use std::io::Write;

/// A PDF whose objects are packed in one object stream (as Word and most programs save them).
fn pdf_with_object_stream(objects: &[u8], trailer: &str) -> Vec<u8> {
    let mut packer = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    packer.write_all(objects).expect("pack");
    let packed = packer.finish().expect("pack");
    let mut pdf = format!(
        "%PDF-1.7\n5 0 obj\n<</Type/ObjStm/N 2/First 8/Filter/FlateDecode/Length {}>>\nstream\n",
        packed.len()
    )
    .into_bytes();
    pdf.extend(packed);
    pdf.extend(format!("\nendstream\nendobj\ntrailer\n{trailer}\n%%EOF\n").as_bytes());
    pdf
}

const PDF_ACTION: &str = "content/press/jaarverslag.pdf: error: this PDF file holds an action that makes the reader's program run something when it is opened (`/JavaScript`";

#[test]
fn a_pdf_that_runs_script_is_refused_however_it_is_written() {
    let site = Site::fixture("basic");
    let plain = b"%PDF-1.4\n1 0 obj\n<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert\\(1\\))>>>>\nendobj\n%%EOF\n";
    let escaped = b"%PDF-1.4\n1 0 obj\n<</Type/Catalog/OpenAction<</S/J#61vaScript/JS(x)>>>>\nendobj\n%%EOF\n";
    let packed = pdf_with_object_stream(
        b"1 0 2 40 <</Type/Catalog/OpenAction 2 0 R>> <</S/JavaScript/JS(app.alert\\(1\\))>>",
        "<</Root 1 0 R>>",
    );
    for pdf in [&plain[..], &escaped[..], &packed] {
        site.write_bytes("content/press/jaarverslag.pdf", pdf);
        site.assert_refused(&[PDF_ACTION]);
    }
    // Packed and locked: what it holds cannot be read, so it is not published unread.
    let locked = pdf_with_object_stream(b"1 0 <</Type/Catalog>>", "<</Root 1 0 R/Encrypt 9 0 R>>");
    site.write_bytes("content/press/jaarverslag.pdf", &locked);
    site.assert_refused(&["content/press/jaarverslag.pdf: error: this PDF file is protected or packed in a way wdhs cannot read"]);
    // A plain PDF, packed the same way, is published as it is.
    let fine = pdf_with_object_stream(b"1 0 <</Type/Catalog/Pages 3 0 R>>", "<</Root 1 0 R>>");
    site.write_bytes("content/press/jaarverslag.pdf", &fine);
    site.build().assert_code(0);
    assert_eq!(
        std::fs::read(site.path().join("public/pers/jaarverslag.pdf")).expect("read"),
        fine
    );
}

/// A ZIP archive's bytes as far as its directory names its parts (what is checked).
fn archive_with(parts: &[&str]) -> Vec<u8> {
    let mut archive = b"PK\x03\x04 the packed parts ".to_vec();
    for part in parts {
        let mut entry = b"PK\x01\x02".to_vec();
        entry.extend([0; 24]);
        entry.extend(u16::try_from(part.len()).expect("short").to_le_bytes());
        entry.extend([0; 16]);
        entry.extend(part.as_bytes());
        archive.extend(entry);
    }
    archive
}

#[test]
fn an_office_file_with_macros_is_refused() {
    let site = Site::fixture("basic");
    for (name, part) in [
        ("plan.docx", "word/vbaProject.bin"),
        ("plan.odt", "Basic/Standard/Module1.xml"),
    ] {
        site.write_bytes(
            &format!("content/press/{name}"),
            &archive_with(&["content.xml", part]),
        );
        site.assert_refused(&[&format!(
            "content/press/{name}: error: this file holds macros or built-in programs (`{part}`)"
        )]);
        std::fs::remove_file(site.path().join(format!("content/press/{name}"))).expect("remove");
    }
    site.write_bytes(
        "content/press/plan.docx",
        &archive_with(&["word/document.xml"]),
    );
    site.build().assert_code(0);
    assert!(site.exists("public/pers/plan.docx"));
}

#[test]
fn a_formula_in_a_csv_file_is_an_error_at_its_cell() {
    let site = Site::fixture("basic");
    site.write(
        "content/press/cijfers.csv",
        "plaats;bedrag;telefoon\nUtrecht;-5;+31 30 123 45 67\nZwolle;=HYPERLINK(\"https://example.org\";\"klik\");x\n",
    );
    site.assert_refused(&["content/press/cijfers.csv:3:8: error: this cell starts like a formula (`=HYPERLINK(\"https://example.org\"`): a spreadsheet program runs it when someone opens the file"]);
    // Negative numbers, phone numbers and a text written with an apostrophe are not formulas.
    site.write(
        "content/press/cijfers.csv",
        "plaats;bedrag;telefoon\nUtrecht;-5;+31 30 123 45 67\nZwolle;'=tekst;x\n",
    );
    site.build().assert_code(0);
    assert!(site.exists("public/pers/cijfers.csv"));
}

/// `serve` reads a document again only when it changes (`CheckedDocuments`): the problem stays
/// while other files are edited, and goes when the document is mended.
#[test]
fn serve_reports_a_pdf_with_script_until_it_is_replaced() {
    use common::server::*;
    let site = Site::fixture("basic");
    let server = start(&site);
    let mut events = Events::open(&server.address);
    let script =
        "%PDF-1.4\n1 0 obj\n<</Type/Catalog/OpenAction<</S/JavaScript/JS(x)>>>>\nendobj\n%%EOF\n";
    site.replace("content/press/jaarverslag.pdf", script);
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("content/press/jaarverslag.pdf"), "{data}");
    site.replace(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\nslug: over-ons\n---\nAnders.\n",
    );
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("content/press/jaarverslag.pdf"), "{data}");
    site.replace("content/press/jaarverslag.pdf", "%PDF-1.4\n%%EOF\n");
    events.wait_for("fixed", WAIT);
    assert_eq!(
        request(&server.address, "/pers/jaarverslag.pdf").status,
        200
    );
}
