//! A residents' initiative: where it is (place, province), what it works on (themes), which goals.

use crate::diagnostic::{Diagnostics, suggest};
use crate::fields::{Fields, Located};
use crate::lang::PartialDate;
use crate::model::Vocabulary;

pub const FIELDS: &[&str] = &[
    "name",
    "place",
    "province",
    "themes",
    "summary",
    "goals",
    "website",
    "founded",
    "featured",
    "image",
    "image_alt",
];

/// The twelve provinces by their official names: what the model keeps whatever form the editor
/// wrote. The site shows each in the reader's language (the theme's `province_<name>` strings:
/// Fryslân is "Friesland" in English).
pub const PROVINCES: [&str; 12] = [
    "Drenthe",
    "Flevoland",
    "Fryslân",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
];

/// Other forms editors write (as slugs, so case, accents, spaces and hyphens do not matter),
/// with the official name they stand for. Each official name's own slug is accepted too.
const OTHER_FORMS: &[(&str, &str)] = &[
    ("friesland", "Fryslân"),
    ("frysland", "Fryslân"),
    ("frisia", "Fryslân"),
    ("north-holland", "Noord-Holland"),
    ("south-holland", "Zuid-Holland"),
    ("north-brabant", "Noord-Brabant"),
    ("brabant", "Noord-Brabant"),
];

/// The official name of the province `written` names, in any of its common forms.
pub fn province(written: &str) -> Option<&'static str> {
    let slug = crate::slug::slugify(written);
    PROVINCES
        .iter()
        .copied()
        .find(|p| crate::slug::slugify(p) == slug)
        .or_else(|| {
            OTHER_FORMS
                .iter()
                .find(|(form, _)| *form == slug)
                .map(|(_, p)| *p)
        })
}

/// The key of a province's name in the theme's strings: `province_noord_holland`.
pub fn province_key(official: &str) -> String {
    format!(
        "province_{}",
        crate::slug::slugify(official).replace('-', "_")
    )
}

#[derive(Debug, Clone)]
pub struct Initiative {
    pub name: String,
    pub place: String,
    /// One of `PROVINCES` when the entry has no errors.
    pub province: String,
    pub themes: Vec<Located<String>>,
    pub summary: String,
    pub goals: Vec<Located<u8>>,
    pub website: Option<Located<String>>,
    pub founded: Option<PartialDate>,
    pub featured: bool,
    pub image: Option<Located<String>>,
    pub image_alt: Option<String>,
}

pub fn parse(
    fields: &mut Fields,
    vocabulary: &Vocabulary<'_>,
    diagnostics: &mut Diagnostics,
) -> Initiative {
    let name = fields.text("name", true, diagnostics);
    let place = fields.text("place", true, diagnostics);
    let province = fields.located_text("province", true, diagnostics).map(|p| {
        let found = province(&p.value);
        // An unknown province is reported but does not stop the other checks of the entry.
        // `wdhs new`'s example is reported as such (`scaffold::placeholder_problems`).
        if found.is_none() && crate::scaffold::placeholder_in(&p.value).is_none() {
            let hint = match suggest(&p.value, PROVINCES) {
                Some(close) => crate::fields::did_you_mean(close),
                None => crate::tr!("initiative-provinces", list = PROVINCES.join(", ")),
            };
            diagnostics.push(
                p.error(crate::tr!("initiative-not-province", value = &p.value))
                    .with_hint(hint),
            );
        }
        found.map_or(p.value, str::to_string)
    });
    let themes = fields.text_list("themes", true, diagnostics);
    let known_themes = vocabulary.themes.as_deref().unwrap_or_default();
    for theme in themes.iter().filter(|_| vocabulary.themes.is_some()) {
        let known = known_themes.contains(&theme.value.as_str());
        if !known && crate::scaffold::placeholder_in(&theme.value).is_none() {
            let hint = match suggest(&theme.value, known_themes.iter().copied()) {
                Some(close) => crate::tr!("initiative-theme-did-you-mean", name = close),
                None => crate::tr!("initiative-themes", list = known_themes.join(", ")),
            };
            diagnostics.push(
                theme
                    .error(crate::tr!("initiative-not-theme", value = &theme.value))
                    .with_hint(hint),
            );
        }
    }
    let summary = fields.text("summary", true, diagnostics);
    let goals = super::goal_numbers(fields, diagnostics);
    let website = fields.located_text("website", false, diagnostics);
    if let Some(website) = &website {
        crate::fields::check_web_address(website, diagnostics);
    }
    let founded = fields.partial_date("founded", false, diagnostics);
    let featured = fields.bool("featured", diagnostics);
    let image = fields.located_text("image", false, diagnostics);
    let image_alt = fields.text("image_alt", false, diagnostics);
    crate::fields::check_image_alt(fields, image.as_ref(), image_alt.as_deref(), diagnostics);
    Initiative {
        name: fields.required(name, String::new()),
        place: fields.required(place, String::new()),
        province: fields.required(province, String::new()),
        themes,
        summary: fields.required(summary, String::new()),
        goals,
        website,
        founded,
        featured,
        image,
        image_alt,
    }
}
