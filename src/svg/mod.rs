//! SVG files from content: the one check that decides whether an SVG may be published. An SVG
//! opened on its own is a document that can run script, so every file is read as XML
//! (roxmltree: namespaces resolved, entities and character references decoded, as a browser
//! reads it) and refused when anything in it could run code or load other files: script and
//! HTML elements, event handlers, `javascript:` and `data:` links, link-changing animations,
//! processing instructions, DTD tricks and CSS that reaches out. Pure: text in, problems out.
//! All texts an editor reads are put into words in `describe`, from the message catalogues.

use roxmltree::{Document, Node, NodeType, ParsingOptions};
mod css;
mod prolog;

use css::{CssFinding, CssPlace, css_problem};
use prolog::{expansion, read_prolog};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";
const EVENTS_NS: &str = "http://www.w3.org/2001/xml-events";
const XSLT_NS: &str = "http://www.w3.org/1999/XSL/Transform";
const XUL_NS: &str = "http://www.mozilla.org/keymaster/gatekeeper/there.is.only.xul";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// At most this many problems are reported for one file.
pub const MAX_PROBLEMS: usize = 20;
/// Characters that entity references may add to the file, in all: more is an entity bomb.
const MAX_EXPANSION: u64 = 1_000_000;
/// Elements, texts and the like: far more than any drawing has.
const MAX_NODES: u32 = 2_000_000;

/// Embedded pictures an `<image>` may carry as a `data:` address: they cannot run script.
const RASTER_DATA: [&str; 4] = [
    "data:image/png",
    "data:image/jpeg",
    "data:image/gif",
    "data:image/webp",
];

/// Declared encodings that read every ASCII byte as that ASCII character: the file is UTF-8
/// (checked before), so a browser that believes one of these still sees the same markup.
const ASCII_ENCODINGS: [&str; 8] = [
    "utf-8",
    "utf8",
    "us-ascii",
    "ascii",
    "iso-8859-1",
    "iso8859-1",
    "latin1",
    "windows-1252",
];

/// One reason an SVG is refused. `line` and `col` are 1-based and point at the element,
/// attribute or declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
}

/// What was found, before it is put into words by `describe`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Found {
    /// A photo or picture saved with `.svg`: its format's name and file extension.
    Raster(&'static str, &'static str),
    NotUtf8,
    NotXml(String),
    Encoding(String),
    Version(String),
    DoctypeUnreadable,
    ExternalEntity(String),
    EntityWithMarkup(String),
    AttributeDefaults,
    EntityBomb,
    NotSvg(String),
    NoSvgNamespace,
    Script(String),
    ForeignObject(String),
    Handler(String),
    /// An element of another language than SVG.
    Markup {
        name: String,
        what: Language,
    },
    EventAttribute(String),
    Address {
        attribute: String,
        scheme: String,
    },
    /// An element that loads what `attribute` names from another website.
    External {
        attribute: String,
        url: String,
    },
    AnimatedAttribute {
        element: String,
        attribute: String,
    },
    AnimatedAddress {
        element: String,
        scheme: String,
    },
    Instruction(String),
    Css {
        place: CssPlace,
        finding: CssFinding,
    },
}

/// Namespaces whose elements are refused, with what they are called in a message.
const LANGUAGES: [(&str, Language); 5] = [
    (XHTML_NS, Language::Html),
    (MATHML_NS, Language::MathMl),
    (EVENTS_NS, Language::XmlEvents),
    (XSLT_NS, Language::Xslt),
    (XUL_NS, Language::Xul),
];

/// A language whose elements an SVG may not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    Html,
    MathMl,
    XmlEvents,
    Xslt,
    Xul,
}

/// What to do about a refused SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// Export it again as a plain SVG.
    Export,
    /// The same, with the Illustrator setting that embeds web page content.
    Illustrator,
    /// It does not read as a drawing: export it again.
    Broken,
    /// The `svg` element lacks its namespace.
    Namespace,
    /// A picture of another format: the extension it needs.
    Rename(&'static str),
    /// Put what is loaded from elsewhere inside the drawing.
    Embed,
}

impl Hint {
    fn text(self) -> String {
        match self {
            Hint::Export => crate::tr!("svg-hint-export"),
            Hint::Illustrator => crate::tr!("svg-hint-illustrator"),
            Hint::Broken => crate::tr!("svg-hint-broken"),
            Hint::Namespace => crate::tr!("svg-hint-namespace"),
            Hint::Rename(extension) => crate::tr!("svg-hint-rename", extension = extension),
            Hint::Embed => crate::tr!("svg-hint-embed"),
        }
    }
}

/// The message and hint for each finding: every text an editor reads, in one place.
fn describe(found: &Found) -> (String, String) {
    let (message, hint) = match found {
        Found::Raster(format, extension) => (
            crate::tr!("svg-is-raster", format = *format),
            Hint::Rename(extension),
        ),
        Found::NotUtf8 => (crate::tr!("svg-not-utf8"), Hint::Broken),
        Found::NotXml(error) => (crate::tr!("svg-not-xml", error = error), Hint::Broken),
        Found::Encoding(label) => (crate::tr!("svg-encoding", label = label), Hint::Broken),
        Found::Version(version) => (crate::tr!("svg-version", version = version), Hint::Broken),
        Found::DoctypeUnreadable => (crate::tr!("svg-doctype-unreadable"), Hint::Export),
        Found::ExternalEntity(name) => {
            (crate::tr!("svg-external-entity", name = name), Hint::Export)
        }
        Found::EntityWithMarkup(name) => (
            crate::tr!("svg-entity-with-markup", name = name),
            Hint::Export,
        ),
        Found::AttributeDefaults => (crate::tr!("svg-attribute-defaults"), Hint::Export),
        Found::EntityBomb => (
            crate::tr!("svg-entity-bomb", max = MAX_EXPANSION.to_string()),
            Hint::Export,
        ),
        Found::NotSvg(name) => (crate::tr!("svg-not-svg", name = name), Hint::Broken),
        Found::NoSvgNamespace => (crate::tr!("svg-no-namespace"), Hint::Namespace),
        Found::Script(name) => (crate::tr!("svg-script", name = name), Hint::Export),
        Found::ForeignObject(name) => (
            crate::tr!("svg-foreign-object", name = name),
            Hint::Illustrator,
        ),
        Found::Handler(name) => (crate::tr!("svg-handler", name = name), Hint::Export),
        Found::Markup { name, what } => (
            crate::tr!("svg-markup", what = language_words(*what), name = name),
            Hint::Export,
        ),
        Found::EventAttribute(name) => {
            (crate::tr!("svg-event-attribute", name = name), Hint::Export)
        }
        Found::External { attribute, url } => (
            crate::tr!("svg-external", attribute = attribute, url = url),
            Hint::Embed,
        ),
        Found::Address { attribute, scheme } => (
            crate::tr!("svg-address", scheme = scheme, attribute = attribute),
            Hint::Export,
        ),
        Found::AnimatedAttribute { element, attribute } => (
            crate::tr!(
                "svg-animated-attribute",
                element = element,
                attribute = attribute
            ),
            Hint::Export,
        ),
        Found::AnimatedAddress { element, scheme } => (
            crate::tr!("svg-animated-address", element = element, scheme = scheme),
            Hint::Export,
        ),
        Found::Instruction(target) => {
            (crate::tr!("svg-instruction", target = target), Hint::Export)
        }
        Found::Css { place, finding } => (
            crate::tr!(
                "svg-css",
                place = css_place_words(place),
                what = css_finding_words(finding)
            ),
            Hint::Export,
        ),
    };
    (message, hint.text())
}

/// The name of the other markup language an element belongs to, for `svg-markup`.
fn language_words(language: Language) -> String {
    match language {
        Language::Html => crate::tr!("svg-markup-html"),
        Language::MathMl => crate::tr!("svg-markup-mathml"),
        Language::XmlEvents => crate::tr!("svg-markup-xml-events"),
        Language::Xslt => crate::tr!("svg-markup-xslt"),
        Language::Xul => crate::tr!("svg-markup-xul"),
    }
}

/// Where CSS was found, for `svg-css`.
fn css_place_words(place: &CssPlace) -> String {
    match place {
        CssPlace::StyleElement => crate::tr!("svg-css-in-style-element"),
        CssPlace::Attribute(name) => crate::tr!("svg-css-in-attribute", name = name),
    }
}

/// What CSS does that is refused, for `svg-css`.
fn css_finding_words(finding: &CssFinding) -> String {
    match finding {
        CssFinding::Script => crate::tr!("svg-css-script"),
        CssFinding::Expression => crate::tr!("svg-css-expression"),
        CssFinding::Binding => crate::tr!("svg-css-binding"),
        CssFinding::Behavior => crate::tr!("svg-css-behavior"),
        CssFinding::Import => crate::tr!("svg-css-import"),
        CssFinding::Url(target) => crate::tr!("svg-css-url", target = target),
        CssFinding::Loader(function) => crate::tr!("svg-css-loader", function = *function),
    }
}

/// The largest SVG file published: drawings and logos are far smaller, and checking one
/// costs time in proportion to its size.
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// Every problem in an SVG file's bytes (at most `MAX_PROBLEMS`); empty when it may be
/// published. A file that is not UTF-8 is refused, never read lossily.
pub fn check_bytes(bytes: &[u8]) -> Vec<Problem> {
    if let Some((format, extension)) = raster_format(bytes) {
        // Said of the file as a whole: no line of it can be shown.
        let mut problems = Problems::new("");
        problems.push_at(0, 0, Found::Raster(format, extension));
        return problems.list;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check(text),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // The valid part is UTF-8 by definition.
            let text = std::str::from_utf8(valid).unwrap_or_default();
            let mut problems = Problems::new(text);
            problems.push(text.len(), Found::NotUtf8);
            problems.list
        }
    }
}

/// The published picture format `bytes` start like (a JPEG saved as `logo.svg`), with its usual
/// file extension: such a file is named as what it is, not as a drawing that is not UTF-8.
fn raster_format(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    match image::guess_format(bytes).ok()? {
        image::ImageFormat::Jpeg => Some(("JPEG", "jpg")),
        image::ImageFormat::Png => Some(("PNG", "png")),
        image::ImageFormat::Gif => Some(("GIF", "gif")),
        image::ImageFormat::WebP => Some(("WebP", "webp")),
        _ => None,
    }
}

/// Every problem in an SVG file (at most `MAX_PROBLEMS`); empty when it may be published.
pub fn check(text: &str) -> Vec<Problem> {
    let mut problems = Problems::new(text);
    let prolog = match read_prolog(text, &mut problems) {
        Ok(prolog) => prolog,
        Err(offset) => {
            // Not parsed further: what is not understood here may hide an entity bomb.
            problems.push(offset, Found::DoctypeUnreadable);
            return problems.list;
        }
    };
    if let Some((offset, label)) = prolog.encoding
        && !ASCII_ENCODINGS.contains(&label.to_ascii_lowercase().as_str())
    {
        problems.push(offset, Found::Encoding(label.to_string()));
    }
    if let Some((offset, version)) = prolog.version
        && version != "1.0"
    {
        problems.push(offset, Found::Version(version.to_string()));
    }
    if expansion(&prolog.entities, &text[prolog.body..]) > MAX_EXPANSION {
        problems.push(prolog.doctype, Found::EntityBomb);
        return problems.list;
    }
    let options = ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let document = match Document::parse_with_options(text, options) {
        Ok(document) => document,
        Err(error) => {
            let position = error.pos();
            let message = error.to_string().replace(&format!(" at {position}"), "");
            problems.push_at(
                position.row as usize,
                position.col as usize,
                Found::NotXml(message),
            );
            return problems.list;
        }
    };
    check_tree(&document, &mut problems);
    problems.list
}

/// The problems found so far, with their positions, up to `MAX_PROBLEMS`.
struct Problems<'t> {
    text: &'t str,
    list: Vec<Problem>,
}

impl<'t> Problems<'t> {
    fn new(text: &'t str) -> Self {
        Problems {
            text,
            list: Vec::new(),
        }
    }

    fn full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    /// At a byte offset in the text.
    fn push(&mut self, offset: usize, found: Found) {
        if !self.full() {
            let (line, col) = position(self.text, offset);
            self.push_at(line, col, found);
        }
    }

    fn push_at(&mut self, line: usize, col: usize, found: Found) {
        if !self.full() {
            let (message, hint) = describe(&found);
            self.list.push(Problem {
                line,
                col,
                message,
                hint,
            });
        }
    }
}

/// 1-based line and column (in characters, a byte-order mark not counted) of a byte offset.
/// Like roxmltree's `text_pos_at`, but never panics inside a character.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..]
        .trim_start_matches('\u{feff}')
        .chars()
        .count()
        + 1;
    (line, col)
}

// ---------------------------------------------------------------------------------------------
// The prolog: XML declaration and DOCTYPE, read from the raw text (roxmltree does not expose
// the DTD).

fn check_tree(document: &Document, problems: &mut Problems) {
    let root = document.root_element();
    // Each node with whether it is inside a `<style>`, whose check read all the text in it.
    let mut stack: Vec<(Node, bool)> = document.root().children().map(|n| (n, false)).collect();
    stack.reverse();
    while let Some((node, in_style)) = stack.pop() {
        if problems.full() {
            return;
        }
        let descend = match node.node_type() {
            NodeType::Element if node == root => check_root(node, problems),
            NodeType::Element => !check_element(node, in_style, problems),
            NodeType::PI => {
                let target = node.pi().map_or("", |pi| pi.target);
                problems.push(node.range().start, Found::Instruction(target.to_string()));
                false
            }
            _ => false,
        };
        // The rest of a refused element is not looked at: it goes as a whole.
        if descend {
            let in_style = in_style || node.tag_name().name().eq_ignore_ascii_case("style");
            let mark = stack.len();
            stack.extend(node.children().map(|n| (n, in_style)));
            stack[mark..].reverse();
        }
    }
}

/// Checks the outermost element; `false` (reported) when it is not `svg` or refused. An `svg`
/// without the SVG namespace is reported and its content still checked.
fn check_root(node: Node, problems: &mut Problems) -> bool {
    let at = node.range().start;
    if node.tag_name().name() != "svg" {
        problems.push(at, Found::NotSvg(written_name(node)));
        return false;
    }
    if node.tag_name().namespace() != Some(SVG_NS) {
        problems.push(at, Found::NoSvgNamespace);
    }
    !check_element(node, false, problems)
}

/// The element's name as written in the file (`s:script`), for messages.
fn written_name(node: Node) -> String {
    let text = node.document().input_text();
    let start = node.range().start + 1;
    text.get(start..)
        .and_then(|rest| {
            let end = rest.find(|c: char| c.is_whitespace() || matches!(c, '/' | '>'))?;
            Some(rest[..end].to_string())
        })
        .filter(|name| name.ends_with(node.tag_name().name()))
        .unwrap_or_else(|| node.tag_name().name().to_string())
}

/// The attribute's name as written (`xl:href`).
fn written_attribute(node: Node, attribute: &roxmltree::Attribute) -> String {
    node.document()
        .input_text()
        .get(attribute.range_qname())
        .filter(|name| name.ends_with(attribute.name()))
        .unwrap_or(attribute.name())
        .to_string()
}

const ANIMATIONS: [&str; 5] = [
    "set",
    "animate",
    "animatemotion",
    "animatetransform",
    "animatecolor",
];

/// Reports what the element holds; `true` when the element itself is refused. `in_style`:
/// it is inside a `<style>`, whose check read its text already.
fn check_element(node: Node, in_style: bool, problems: &mut Problems) -> bool {
    let at = node.range().start;
    let local = node.tag_name().name().to_ascii_lowercase();
    let namespace = node.tag_name().namespace();
    let found = match local.as_str() {
        "script" => Some(Found::Script(written_name(node))),
        "foreignobject" => Some(Found::ForeignObject(written_name(node))),
        "handler" | "listener" => Some(Found::Handler(written_name(node))),
        _ => LANGUAGES
            .iter()
            .find(|(uri, _)| namespace == Some(uri))
            .map(|(_, what)| Found::Markup {
                name: written_name(node),
                what: *what,
            }),
    };
    if let Some(found) = found {
        problems.push(at, found);
        return true;
    }
    let is_image = local == "image" && namespace == Some(SVG_NS);
    let is_animation = ANIMATIONS.contains(&local.as_str());
    for attribute in node.attributes() {
        if let Some(found) = check_attribute(node, &attribute, is_image, is_animation) {
            problems.push(attribute.range().start, found);
        }
    }
    // Only the outermost: a `<style>` in a `<style>` is in the text read already, and reading
    // it again at every depth made 20,000 nested ones quadratic.
    if local == "style" && !in_style {
        // What the browser reads (the text children, joined) and, to be safe, all text
        // inside, joined.
        let own: String = node.children().filter_map(|n| n.text()).collect();
        let all: String = node
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        if let Some(finding) = css_problem(&own, false).or_else(|| css_problem(&all, false)) {
            problems.push(
                at,
                Found::Css {
                    place: CssPlace::StyleElement,
                    finding,
                },
            );
        }
    }
    false
}

fn check_attribute(
    node: Node,
    attribute: &roxmltree::Attribute,
    is_image: bool,
    is_animation: bool,
) -> Option<Found> {
    let name = attribute.name().to_ascii_lowercase();
    let namespace = attribute.namespace();
    let value = attribute.value();
    let written = || written_attribute(node, attribute);
    if name.starts_with("on") || namespace == Some(EVENTS_NS) {
        return Some(Found::EventAttribute(written()));
    }
    if name == "href" || (name == "base" && namespace == Some(XML_NS)) {
        if let Some(scheme) = refused_scheme(value, is_image) {
            let attribute = written();
            return Some(Found::Address { attribute, scheme });
        }
        // Only a link (`<a>`) may lead to another website: an `<image>`, `<use>`, `<feImage>`
        // or a base address would load from there when the drawing is opened on the site.
        let is_link = name == "href" && node.tag_name().name().eq_ignore_ascii_case("a");
        return (!is_link && leads_elsewhere(value)).then(|| Found::External {
            attribute: written(),
            url: value.trim().to_string(),
        });
    }
    if is_animation && namespace.is_none() {
        let element = || written_name(node);
        if name == "attributename" {
            let target = value.trim();
            let local = target
                .rsplit_once(':')
                .map_or(target, |(_, local)| local)
                .to_ascii_lowercase();
            if local == "href" || local == "base" || local.starts_with("on") {
                return Some(Found::AnimatedAttribute {
                    element: element(),
                    attribute: target.to_string(),
                });
            }
        }
        if matches!(name.as_str(), "to" | "from" | "by" | "values")
            && let Some(scheme) = value.split(';').find_map(|v| refused_scheme(v, false))
        {
            return Some(Found::AnimatedAddress {
                element: element(),
                scheme,
            });
        }
    }
    // Presentation attributes (`fill="url(#a)"`) are CSS too; attributes in other
    // namespaces (Inkscape's, Illustrator's) mean nothing to a browser.
    let full = name == "style";
    if full || namespace.is_none() || namespace == Some(SVG_NS) {
        return css_problem(value, !full).map(|finding| Found::Css {
            place: CssPlace::Attribute(written()),
            finding,
        });
    }
    None
}

/// The scheme of a link an SVG may not hold: anything but https:, http: and mailto: (and
/// relative links and `#fragments`), except embedded pictures in an `<image>`.
fn refused_scheme(value: &str, is_image: bool) -> Option<String> {
    match crate::safe_url::check(value, crate::safe_url::SVG_SCHEMES) {
        Ok(()) => None,
        Err(scheme) if scheme == "data" && is_image && is_raster_data(value) => None,
        Err(scheme) => Some(scheme),
    }
}

/// Whether an address, read as a browser reads it, is on another website: `https:`, `http:`
/// or `//host` (also written with backslashes).
fn leads_elsewhere(value: &str) -> bool {
    let start: String = (value.chars())
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .skip_while(|c| *c <= ' ')
        .take(2)
        .collect();
    let other_host = start.len() == 2 && start.chars().all(|c| c == '/' || c == '\\');
    other_host
        || matches!(
            crate::safe_url::scheme(value).as_deref(),
            Some("http" | "https")
        )
}

/// `data:image/png;base64,…` and the like, read as a browser reads the scheme.
fn is_raster_data(value: &str) -> bool {
    let start: String = value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .skip_while(|c| *c <= ' ')
        .take(20)
        .collect::<String>()
        .to_ascii_lowercase();
    RASTER_DATA.iter().any(|prefix| {
        start
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with([';', ',']))
    })
}

#[cfg(test)]
mod tests;
