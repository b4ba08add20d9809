//! A partner organisation: name, website, role in the coalition, when it joined, logo.

use crate::diagnostic::Diagnostics;
use crate::fields::{Fields, Located};
use crate::lang::PartialDate;

pub const FIELDS: &[&str] = &[
    "name",
    "short_name",
    "url",
    "role",
    "joined",
    "summary",
    "logo",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Core,
    Signatory,
}

#[derive(Debug, Clone)]
pub struct Partner {
    pub name: String,
    pub short_name: Option<String>,
    pub url: Located<String>,
    pub role: Role,
    pub joined: PartialDate,
    pub summary: String,
    pub logo: Option<Located<String>>,
}

pub fn parse(fields: &mut Fields, diagnostics: &mut Diagnostics) -> Partner {
    let name = fields.text("name", true, diagnostics);
    let short_name = fields.text("short_name", false, diagnostics);
    let url = fields.located_text("url", true, diagnostics);
    if let Some(url) = &url {
        crate::fields::check_web_address(url, diagnostics);
    }
    let role = fields
        .located_text("role", true, diagnostics)
        .and_then(|role| match role.value.as_str() {
            "core" => Some(Role::Core),
            "signatory" => Some(Role::Signatory),
            other => {
                diagnostics.push(
                    role.error(crate::tr!("partner-not-role", value = other))
                        .with_hint(crate::tr!("partner-not-role-hint")),
                );
                None
            }
        });
    let joined = fields.partial_date("joined", true, diagnostics);
    let summary = fields.text("summary", true, diagnostics);
    let logo = fields.located_text("logo", false, diagnostics);
    Partner {
        name: fields.required(name, String::new()),
        short_name,
        url: fields.required(url, Located::stand_in(String::new())),
        role: fields.required(role, Role::Signatory),
        joined: fields.required(joined, PartialDate::Year(0)),
        summary: fields.required(summary, String::new()),
        logo,
    }
}
