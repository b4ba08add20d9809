//! Plain pages (about, contact, privacy): a title, an optional summary and a body.

use crate::diagnostic::Diagnostics;
use crate::fields::Fields;

pub const FIELDS: &[&str] = &["title", "summary"];

#[derive(Debug, Clone)]
pub struct Page {
    pub title: String,
    pub summary: Option<String>,
}

pub fn parse(fields: &mut Fields, diagnostics: &mut Diagnostics) -> Page {
    let title = fields.text("title", true, diagnostics);
    let summary = fields.text("summary", false, diagnostics);
    Page {
        title: fields.required(title, String::new()),
        summary,
    }
}
