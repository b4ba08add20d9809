//! The home page text: title and intro per language; the lists on the home page come from resolve.

use crate::diagnostic::Diagnostics;
use crate::fields::Fields;

pub const FIELDS: &[&str] = &["title", "intro"];

#[derive(Debug, Clone)]
pub struct Home {
    pub title: String,
    pub intro: String,
}

pub fn parse(fields: &mut Fields, diagnostics: &mut Diagnostics) -> Home {
    let title = fields.text("title", true, diagnostics);
    let intro = fields.text("intro", true, diagnostics);
    Home {
        title: fields.required(title, String::new()),
        intro: fields.required(intro, String::new()),
    }
}
