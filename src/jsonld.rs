//! schema.org JSON-LD for the coalition (Organization), press releases (NewsArticle) and the
//! festival (Event), escaped so no content can close the `<script>` element.

use crate::lang::Lang;
use crate::model::{EntryData, Kind};
use crate::resolve::{Page, Site};
use serde_json::{Value, json};

/// JSON safe inside `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes.
pub fn to_script(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_string());
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn publisher(site: &Site, lang: Lang) -> Value {
    json!({
        "@type": "Organization",
        "name": site.config.contact.get("organisation").cloned().or_else(|| site.config.title.get(&lang).cloned()).unwrap_or_default(),
        "url": format!("{}{}", site.config.origin(), site.config.base_path()),
    })
}

pub fn organization(
    site: &Site,
    lang: Lang,
    url: &str,
    absolute: &dyn Fn(&Page) -> String,
) -> String {
    let members: Vec<Value> = site
        .list(Kind::Partner, lang)
        .filter_map(|p| match &p.entry.data {
            EntryData::Partner(partner) => Some(json!({"@type": "Organization", "name": partner.name, "url": partner.url.value, "sameAs": absolute(p)})),
            _ => None,
        })
        .collect();
    let mut value = publisher(site, lang);
    value["@context"] = json!("https://schema.org");
    value["url"] = json!(url);
    value["description"] = json!(
        site.config
            .description
            .get(&lang)
            .cloned()
            .unwrap_or_default()
    );
    value["member"] = json!(members);
    if let Some(address) = site.config.contact.get("address") {
        value["address"] = json!(address);
    }
    to_script(&value)
}

pub fn news_article(site: &Site, page: &Page, url: &str) -> String {
    let EntryData::Press(press) = &page.entry.data else {
        return "{}".to_string();
    };
    to_script(&json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": press.title,
        "description": press.summary,
        "inLanguage": page.lang.code(),
        "datePublished": press.date.to_string(),
        "url": url,
        "mainEntityOfPage": url,
        "publisher": publisher(site, page.lang),
        "author": publisher(site, page.lang),
    }))
}

pub fn event(site: &Site, page: &Page, url: &str) -> String {
    let EntryData::Festival(festival) = &page.entry.data else {
        return "{}".to_string();
    };
    to_script(&json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": festival.title,
        "description": festival.summary,
        "startDate": festival.date.to_string(),
        "endDate": festival.date.to_string(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": page.lang.code(),
        "url": url,
        "location": {
            "@type": "Place",
            "name": festival.venue,
            "address": {"@type": "PostalAddress", "streetAddress": festival.address, "addressLocality": festival.city, "addressCountry": "NL"},
        },
        "organizer": publisher(site, page.lang),
    }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn script_breakout_is_escaped() {
        let text =
            super::to_script(&serde_json::json!({"a": "</script><script>alert(1)</script>"}));
        assert!(!text.contains("</script"));
        assert!(text.contains("\\u003c/script\\u003e"));
    }
}
