//! A festival edition: date, venue and address, programme items, partners.

use crate::diagnostic::Diagnostics;
use crate::fields::{Fields, Located};
use jiff::civil::Date;

pub const FIELDS: &[&str] = &[
    "title",
    "date",
    "venue",
    "address",
    "city",
    "summary",
    "programme",
    "partners",
    "image",
    "image_alt",
];
const PROGRAMME_FIELDS: &[&str] = &["time", "title", "description"];

#[derive(Debug, Clone)]
pub struct Festival {
    pub title: String,
    pub date: Date,
    pub venue: String,
    pub address: String,
    pub city: String,
    pub summary: String,
    pub programme: Vec<ProgrammeItem>,
    pub partners: Vec<Located<String>>,
    pub image: Option<Located<String>>,
    pub image_alt: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ProgrammeItem {
    pub time: String,
    pub title: String,
    pub description: String,
}

pub fn parse(fields: &mut Fields, diagnostics: &mut Diagnostics) -> Festival {
    let title = fields.text("title", true, diagnostics);
    let date = fields.date("date", true, diagnostics);
    let venue = fields.text("venue", true, diagnostics);
    let address = fields.text("address", true, diagnostics);
    let city = fields.text("city", true, diagnostics);
    let summary = fields.text("summary", true, diagnostics);
    let programme = fields
        .map_list("programme", PROGRAMME_FIELDS, diagnostics)
        .into_iter()
        .map(|mut item| {
            let mut take = |name: &str| item.remove(name).map(|l| l.value).unwrap_or_default();
            ProgrammeItem {
                time: take("time"),
                title: take("title"),
                description: take("description"),
            }
        })
        .collect();
    let partners = fields.text_list("partners", false, diagnostics);
    let image = fields.located_text("image", false, diagnostics);
    let image_alt = fields.text("image_alt", false, diagnostics);
    crate::fields::check_image_alt(fields, image.as_ref(), image_alt.as_deref(), diagnostics);
    Festival {
        image,
        image_alt,
        title: fields.required(title, String::new()),
        date: fields.required(date, Date::ZERO),
        venue: fields.required(venue, String::new()),
        address: fields.required(address, String::new()),
        city: fields.required(city, String::new()),
        summary: fields.required(summary, String::new()),
        programme,
        partners,
    }
}
