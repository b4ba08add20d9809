//! A press release: title, date, summary, the partners and goals it is about, a press contact.

use crate::diagnostic::Diagnostics;
use crate::fields::{Fields, Located};
use jiff::civil::Date;

pub const FIELDS: &[&str] = &[
    "title",
    "date",
    "summary",
    "partners",
    "goals",
    "press_contact",
    "image",
    "image_alt",
];

#[derive(Debug, Clone)]
pub struct Press {
    pub title: String,
    pub date: Date,
    pub summary: String,
    pub partners: Vec<Located<String>>,
    pub goals: Vec<Located<u8>>,
    pub press_contact: Option<Located<String>>,
    pub image: Option<Located<String>>,
    pub image_alt: Option<String>,
}

pub fn parse(fields: &mut Fields, diagnostics: &mut Diagnostics) -> Press {
    let title = fields.text("title", true, diagnostics);
    let date = fields.date("date", true, diagnostics);
    let summary = fields.text("summary", true, diagnostics);
    let partners = fields.text_list("partners", false, diagnostics);
    let goals = super::goal_numbers(fields, diagnostics);
    // A person's phone or e-mail is an error here, and not also "no partner" later.
    let press_contact = fields
        .located_text("press_contact", false, diagnostics)
        .filter(|contact| crate::fields::check_no_personal_contact(contact, diagnostics));
    let image = fields.located_text("image", false, diagnostics);
    let image_alt = fields.text("image_alt", false, diagnostics);
    crate::fields::check_image_alt(fields, image.as_ref(), image_alt.as_deref(), diagnostics);
    Press {
        title: fields.required(title, String::new()),
        date: fields.required(date, Date::ZERO),
        summary: fields.required(summary, String::new()),
        partners,
        goals,
        press_contact,
        image,
        image_alt,
    }
}
