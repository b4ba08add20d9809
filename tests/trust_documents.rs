//! Documents beside the content are published as they are, so they must not carry what a
//! reader's program runs: a PDF's JavaScript or actions (also packed in an object stream, or
//! spelled with escapes), an office file's macros, a spreadsheet formula in a CSV file.

mod common;

use common::Site;
use lopdf::dictionary;
/// A PDF of one empty page whose catalog has `open_action`, written as programs do: with its
/// objects packed in object streams (`packed`), or one by one.
fn pdf(open_action: Option<lopdf::Object>, packed: bool) -> Vec<u8> {
    use lopdf::{Document, Object};
    let mut document = Document::with_version("1.7");
    let pages = document.new_object_id();
    let page = document.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 200.into(), 200.into()],
    });
    let kids = dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 };
    document.objects.insert(pages, Object::Dictionary(kids));
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages };
    if let Some(action) = open_action {
        catalog.set("OpenAction", document.add_object(action));
    }
    let catalog = document.add_object(catalog);
    document.trailer.set("Root", catalog);
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(packed)
        .use_xref_streams(packed)
        .compression_level(6)
        .build();
    let mut bytes = Vec::new();
    document
        .save_with_options(&mut bytes, options)
        .expect("save");
    bytes
}

/// An action that runs a script.
fn script() -> lopdf::Object {
    lopdf::Object::Dictionary(dictionary! {
        "S" => "JavaScript",
        "JS" => lopdf::Object::string_literal("app.alert(1)"),
    })
}

const PDF_ACTION: &str = "content/press/jaarverslag.pdf: error: this PDF file holds an action that makes the reader's program run something when it is opened (`/JavaScript`";

#[test]
fn a_pdf_that_runs_script_is_refused_however_it_is_written() {
    let site = Site::fixture("basic");
    let plain = pdf(Some(script()), false);
    let packed = pdf(Some(script()), true);
    assert!(
        !packed.windows(10).any(|w| w == b"JavaScript"),
        "the script is packed out of sight"
    );
    // The same names, written with escapes (`#61` is `a`).
    let escaped = String::from_utf8_lossy(&plain).replacen("/JavaScript", "/J#61vaScript", 1);
    assert!(escaped.contains("/J#61vaScript"));
    for bytes in [plain, packed, escaped.into_bytes()] {
        site.write_bytes("content/press/jaarverslag.pdf", &bytes);
        site.assert_refused(&[PDF_ACTION]);
    }
    // What no reader can open as a PDF is not published unread.
    site.write_bytes("content/press/jaarverslag.pdf", b"%PDF-1.7\n<</JS(x)>>\n");
    site.assert_refused(&[
        "content/press/jaarverslag.pdf: error: this PDF file is protected or packed in a way wdhs cannot read",
    ]);
    // A plain PDF is published as it is, also when a note in it names JavaScript.
    let mut fine = pdf(None, true);
    fine.extend(b"% about /JavaScript and (/Launch) plans\n");
    site.write_bytes("content/press/jaarverslag.pdf", &fine);
    site.build().assert_code(0);
    let published = std::fs::read(site.path().join("public/pers/jaarverslag.pdf")).expect("read");
    assert_eq!(published, fine);
}

/// `bytes` with every `from` replaced by `to`, of the same length.
fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let mut at = 0;
    while let Some(i) = out[at..].windows(from.len()).position(|w| w == from) {
        out[at + i..at + i + from.len()].copy_from_slice(to);
        at += i + from.len();
    }
    out
}

/// Relationships of a Word file's settings: the template it is based on.
fn settings_relationships(template: &str, mode: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" \
         Target=\"{template}\" TargetMode=\"{mode}\"/></Relationships>"
    )
}

#[test]
fn an_office_file_with_macros_is_refused() {
    let site = Site::fixture("basic");
    for (name, part) in [
        ("plan.docx", "word/vbaProject.bin"),
        ("plan.odt", "Basic/Standard/Module1.xml"),
        ("cijfers.xlsx", "xl/externalLinks/externalLink1.xml"),
    ] {
        site.write_bytes(
            &format!("content/press/{name}"),
            &common::office(&[
                ("content.xml", "<office:document-content/>"),
                (part, "<x/>"),
            ]),
        );
        site.assert_refused(&[&format!(
            "content/press/{name}: error: this file holds macros or built-in programs (`{part}`)"
        )]);
        std::fs::remove_file(site.path().join(format!("content/press/{name}"))).expect("remove");
    }
    // A file that only looks like an archive cannot be read, so cannot be told safe.
    site.write("content/press/plan.docx", "PK\u{3}\u{4} and no archive");
    site.assert_refused(&["content/press/plan.docx: error: this office file cannot be read whole"]);
    site.write_bytes(
        "content/press/plan.docx",
        &common::office(&[("word/document.xml", "<w:document/>")]),
    );
    site.build().assert_code(0);
    assert!(site.exists("public/pers/plan.docx"));
}

/// A Word file whose template is fetched from another site when it is opened (how macros are
/// brought into a `.docx`, which cannot hold them), and a spreadsheet formula that starts
/// another program (DDE), were published.
#[test]
fn an_office_file_that_loads_from_elsewhere_or_starts_a_program_is_refused() {
    let site = Site::fixture("basic");
    let document = ("word/document.xml", "<w:document/>");
    let remote = settings_relationships("https://example.org/t.dotm", "External");
    site.write_bytes(
        "content/press/plan.docx",
        &common::office(&[document, ("word/_rels/settings.xml.rels", &remote)]),
    );
    site.assert_refused(&["content/press/plan.docx: error: this file loads `https://example.org/t.dotm` from another place when it is opened"]);
    // Two parts of one name: a program may read either.
    let own = settings_relationships("Normal.dotm", "Internal");
    let twice = common::office(&[
        document,
        ("word/_rels/settings.xml.rels", &remote),
        ("word/_rels/settings.xml.relz", &own),
    ]);
    let twice = replace_all(&twice, b"settings.xml.relz", b"settings.xml.rels");
    site.write_bytes("content/press/plan.docx", &twice);
    site.assert_refused(&["content/press/plan.docx: error: this office file cannot be read whole"]);
    // A Word field that starts a program, its code split over two runs as Word writes it.
    let field = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r><w:instrText> DD</w:instrText></w:r><w:r><w:instrText>EAUTO c:\\cmd.exe x</w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:body></w:document>";
    site.write_bytes(
        "content/press/plan.docx",
        &common::office(&[("word/document.xml", field)]),
    );
    site.assert_refused(&["content/press/plan.docx: error: this file has a formula or field that asks another program for data (`DDEAUTO c:\\cmd.exe x`)"]);
    // An OpenDocument hook that runs a macro of the reader's office program when it opens.
    let hook = "<office:document-content xmlns:office=\"o\" xmlns:script=\"s\" xmlns:xlink=\"x\">\
                <office:scripts><office:event-listeners><script:event-listener script:event-name=\"dom:load\" \
                xlink:href=\"vnd.sun.star.script:Tools.x?location=application\"/></office:event-listeners>\
                </office:scripts></office:document-content>";
    site.write_bytes("content/press/plan.docx", &common::office(&[document]));
    site.write_bytes(
        "content/press/plan.odt",
        &common::office(&[("content.xml", hook)]),
    );
    site.assert_refused(&["content/press/plan.odt: error: this file holds macros or built-in programs (`content.xml`)"]);
    std::fs::remove_file(site.path().join("content/press/plan.odt")).expect("remove");
    let sheet = |formula: &str| {
        format!(
            "<worksheet><sheetData><row><c r=\"A1\"><f>{formula}</f></c></row></sheetData></worksheet>"
        )
    };
    let dde = sheet("cmd|' /C calc'!A0");
    site.write_bytes("content/press/plan.docx", &common::office(&[document]));
    site.write_bytes(
        "content/press/cijfers.xlsx",
        &common::office(&[("xl/worksheets/sheet1.xml", &dde)]),
    );
    site.assert_refused(&["content/press/cijfers.xlsx: error: this file has a formula or field that asks another program for data (`cmd|' /C calc'!A0`)"]);
    // Hidden behind a quote in a sheet's name, or in a name the workbook defines.
    let defined = "<workbook><definedNames><definedName name=\"x\">cmd|' /C calc'!A0</definedName></definedNames></workbook>";
    for parts in [
        vec![(
            "xl/worksheets/sheet1.xml",
            sheet("'a&quot;b'!A1+cmd|' /C calc'!A0"),
        )],
        vec![("xl/workbook.xml", defined.to_string())],
    ] {
        let parts: Vec<(&str, &str)> = parts.iter().map(|(n, t)| (*n, t.as_str())).collect();
        site.write_bytes("content/press/cijfers.xlsx", &common::office(&parts));
        site.assert_refused(&["content/press/cijfers.xlsx: error: this file has a formula or field that asks another program for data"]);
    }
    // A template of its own, links readers click and ordinary formulas are published.
    let own = settings_relationships("Normal.dotm", "Internal");
    let link = "<Relationships><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/></Relationships>";
    site.write_bytes(
        "content/press/plan.docx",
        &common::office(&[
            document,
            ("word/_rels/settings.xml.rels", &own),
            ("word/_rels/document.xml.rels", link),
        ]),
    );
    site.write_bytes(
        "content/press/cijfers.xlsx",
        &common::office(&[(
            "xl/worksheets/sheet1.xml",
            &sheet("SUM(B1:B3)&amp;\"a|b\"+'Q1|Q2'!A1"),
        )]),
    );
    // A film from another site plays when the reader asks: it is a link.
    let video = "<Relationships><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/video\" Target=\"https://www.youtube.com/embed/abc\" TargetMode=\"External\"/></Relationships>";
    site.write_bytes(
        "content/press/dia.pptx",
        &common::office(&[("ppt/slides/_rels/slide1.xml.rels", video)]),
    );
    site.build().assert_code(0);
    assert!(site.exists("public/pers/plan.docx") && site.exists("public/pers/cijfers.xlsx"));
    assert!(site.exists("public/pers/dia.pptx"));
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
    site.replace_bytes("content/press/jaarverslag.pdf", &pdf(Some(script()), true));
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("content/press/jaarverslag.pdf"), "{data}");
    site.replace(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\nslug: over-ons\n---\nAnders.\n",
    );
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("content/press/jaarverslag.pdf"), "{data}");
    site.replace_bytes("content/press/jaarverslag.pdf", &pdf(None, true));
    events.wait_for("fixed", WAIT);
    assert_eq!(
        request(&server.address, "/pers/jaarverslag.pdf").status,
        200
    );
}
