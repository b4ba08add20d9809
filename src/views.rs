//! The structs templates see. Built from the resolved `Site`; every string is final (dates in
//! the local form, URLs with the base path), so templates only place and escape them.

use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Serialize, Clone)]
pub struct MenuLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize, Clone)]
pub struct SwitchLink {
    pub code: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
    /// The page has no translation: the link goes to the section instead.
    pub fallback: bool,
}

/// An entry that has no page in the reader's language, named on the list its switcher link
/// falls back to: "only in Dutch: …".
#[derive(Serialize, Clone)]
pub struct UntranslatedLink {
    pub label: String,
    pub href: String,
    /// The language the page is in (`nl`), for `lang` and `hreflang`.
    pub lang: &'static str,
}

/// The pages of a list's kind that exist only in another language (one group per language).
#[derive(Serialize, Clone)]
pub struct Untranslated {
    /// The language they are in.
    pub lang: &'static str,
    /// "Only in Dutch", in the reader's language.
    pub title: String,
    /// One sentence in the reader's language, before the links.
    pub text: String,
    pub links: Vec<UntranslatedLink>,
}

#[derive(Serialize, Clone)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

/// What every page shares: head, header, navigation, footer. The fields typed `tera::Value`
/// are the same on every page of a language (the menu: but for which item is current); they
/// are made into template values once per build and shared, not copied, by every page.
#[derive(Serialize)]
pub struct LayoutView<'a> {
    pub lang: &'static str,
    /// The direction the language is written in: `ltr` or `rtl`.
    pub dir: &'static str,
    pub site_title: &'a str,
    pub tagline: &'a str,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// String
    pub home_href: tera::Value,
    /// String
    pub css_href: tera::Value,
    /// String
    pub js_href: tera::Value,
    /// String: the folder of the theme's files (`/assets/`), for fonts and the icon.
    pub assets_href: tera::Value,
    /// String: the site's root (`/`), where `favicon.ico` and `apple-touch-icon.png` are.
    pub root_href: tera::Value,
    /// `Option<String>`: the contact page in this language, if the site has one.
    pub contact_href: tera::Value,
    /// String
    pub search_href: tera::Value,
    /// String
    pub feed_href: tera::Value,
    /// String
    pub feed_title: tera::Value,
    pub alternates: Vec<Alternate>,
    pub switcher: Vec<SwitchLink>,
    /// On the first page of a list (and the home page): the entries of its kind that exist only
    /// in another language, where that language's switcher on their page leads.
    pub untranslated: Vec<Untranslated>,
    /// `Vec<MenuLink>`
    pub menu: tera::Value,
    /// `Vec<Link>`
    pub footer_links: tera::Value,
    /// `BTreeMap<String, String>`
    pub contact: tera::Value,
    pub og_type: &'static str,
    /// String
    pub og_image: tera::Value,
    pub og_locale: &'a str,
    /// JSON-LD, already escaped for a `<script>` element.
    pub json_ld: Option<String>,
    pub body_class: &'static str,
}

#[derive(Serialize, Clone)]
pub struct DateView {
    pub iso: String,
    pub label: String,
}

#[derive(Serialize, Clone)]
pub struct GoalCard {
    pub number: u8,
    pub title: String,
    pub summary: String,
    pub short_label: Option<String>,
    pub target_year: i16,
    pub href: String,
}

#[derive(Serialize, Clone)]
pub struct PartnerCard {
    pub name: String,
    pub short_name: String,
    pub summary: String,
    pub href: String,
    pub website: String,
    /// The website's address as shown: no `https://`, `www.` or final `/`.
    pub website_label: String,
    pub logo_href: Option<String>,
    pub core: bool,
    pub joined: DateView,
}

#[derive(Serialize, Clone)]
pub struct PressCard {
    pub title: String,
    pub summary: String,
    pub href: String,
    pub date: DateView,
}

#[derive(Serialize, Clone)]
pub struct InitiativeCard {
    pub name: String,
    pub place: String,
    pub province: Link,
    pub themes: Vec<Link>,
    pub summary: String,
    pub href: String,
    pub image: Option<ImageView>,
}

#[derive(Serialize, Clone)]
pub struct ImageView {
    pub src: String,
    pub alt: String,
    /// `<picture>` for a card (lazy), escaped in Rust.
    pub html: String,
    /// `<picture>` at the top of a page (not lazy).
    pub hero_html: String,
    /// The absolute URL of the 1200×630 crop, for `og:image`.
    pub social: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct FestivalCard {
    pub title: String,
    pub summary: String,
    pub href: String,
    pub date: DateView,
    pub venue: String,
    pub city: String,
    /// On or after the build's date (`--today`): the calendar, times and route are shown; a
    /// past edition shows what happened.
    pub upcoming: bool,
}

#[derive(Serialize)]
pub struct Pagination {
    /// "Pagina 2 van 5"
    pub label: String,
    pub current: usize,
    pub total: usize,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

#[derive(Serialize)]
pub struct HomeView {
    pub title: String,
    pub intro: String,
    /// The about page, if there is one: "who we are".
    pub about_href: Option<String>,
    /// Provinces with initiatives, for "find an initiative near you".
    pub provinces: Vec<FilterLink>,
    /// String: the HTML of the page's Markdown, shared with the site rather than copied.
    pub body_html: tera::Value,
    pub goals: Vec<GoalCard>,
    pub press: Vec<PressCard>,
    /// Initiative cards, as their template rendered them (`html`).
    pub initiatives: Vec<tera::Value>,
    /// The next festival, when one is coming.
    pub festival: Option<FestivalCard>,
    pub goals_href: String,
    pub press_href: String,
    pub initiatives_href: String,
    pub partners: Vec<PartnerCard>,
    pub partners_href: String,
}

#[derive(Serialize)]
pub struct TimelineYear {
    pub year: i16,
    pub goals: Vec<GoalCard>,
}

#[derive(Serialize)]
pub struct GoalsView {
    pub title: String,
    pub intro: String,
    /// In programme order: goal 1 first.
    pub goals: Vec<GoalCard>,
    /// The target years, earliest first, with the goals due by each.
    pub timeline: Vec<TimelineYear>,
}

#[derive(Serialize)]
pub struct GoalView {
    pub goal: GoalCard,
    /// String: the HTML of the page's Markdown, shared with the site rather than copied.
    pub body_html: tera::Value,
    /// The cards of the initiatives naming the goal (see `InitiativesView::items`).
    pub initiatives: Vec<tera::Value>,
    /// "Alle 312 initiatieven": shown when the list above is cut short.
    pub more_initiatives: Option<Link>,
    pub press: Vec<PressCard>,
    pub more_press: Option<Link>,
    pub index_href: String,
    /// The goals before and after this one in the programme: "3. Wetten die …".
    pub previous: Option<Link>,
    pub next: Option<Link>,
}

#[derive(Serialize)]
pub struct PartnersView {
    pub title: String,
    pub intro: String,
    pub core: Vec<PartnerCard>,
    pub signatories: Vec<PartnerCard>,
}

#[derive(Serialize)]
pub struct PartnerView {
    pub partner: PartnerCard,
    /// String: the HTML of the page's Markdown, shared with the site rather than copied.
    pub body_html: tera::Value,
    pub press: Vec<PressCard>,
    /// "12 older press releases": shown when the list above is cut short.
    pub more_press: Option<Link>,
    pub index_href: String,
}

#[derive(Serialize)]
pub struct PressListView {
    pub title: String,
    pub intro: String,
    pub items: Vec<PressCard>,
    pub pagination: Pagination,
    pub feed_href: String,
}

#[derive(Serialize)]
pub struct PressView {
    pub title: String,
    pub summary: String,
    pub date: DateView,
    /// String: the HTML of the page's Markdown, shared with the site rather than copied.
    pub body_html: tera::Value,
    pub partners: Vec<Link>,
    pub goals: Vec<Link>,
    pub press_contact: PressContactView,
    pub image: Option<ImageView>,
    pub index_href: String,
}

/// Who a journalist writes to about a press release: never a person's phone or e-mail.
#[derive(Serialize)]
pub struct PressContactView {
    /// The organisation named in `press_contact`, with its website when it is a partner.
    pub organisation: Option<Link>,
    /// The coalition's general press address (`contact.press_email` in site.yaml), if any.
    pub email: Option<String>,
    /// The websites of the partners the release names, when no partner is named as contact.
    pub partners: Vec<Link>,
    /// The contact page, which says who answers which question.
    pub contact_href: Option<String>,
}

/// The directory's filters, as `partial_directory_filters.html` gets them (`item`).
#[derive(Serialize)]
pub struct DirectoryFilters {
    pub groups: Vec<FilterGroup>,
    /// The directory of every initiative, for "all" on a filtered page.
    pub index_href: String,
    pub filtered: bool,
}

#[derive(Serialize, Clone)]
pub struct FilterGroup {
    pub title: String,
    pub links: Vec<FilterLink>,
}

#[derive(Serialize, Clone)]
pub struct FilterLink {
    pub label: String,
    pub href: String,
    pub count: usize,
    pub current: bool,
}

#[derive(Serialize)]
pub struct InitiativesView {
    pub title: String,
    pub intro: String,
    /// The cards as `partial_initiative_card.html` rendered them (`html`), each once per
    /// build: a card is on several directory pages (all, its province, each of its themes).
    pub items: Vec<tera::Value>,
    /// `DirectoryFilters` as `partial_directory_filters.html` renders it: made once for all
    /// the pages of a province, a theme or the whole directory.
    pub filters_html: String,
    pub pagination: Pagination,
    pub index_href: String,
    pub filtered: bool,
}

#[derive(Serialize)]
pub struct InitiativeView {
    /// What its directory pages show of it (`partial_initiative_card.html`).
    pub initiative: InitiativeCard,
    /// String: the HTML of the page's Markdown, shared with the site rather than copied.
    pub body_html: tera::Value,
    pub website: Option<String>,
    /// The website's address as shown: no `https://`, `www.` or final `/`.
    pub website_label: Option<String>,
    pub founded: Option<DateView>,
    pub goals: Vec<Link>,
    pub index_href: String,
}

#[derive(Serialize)]
pub struct FestivalListView {
    pub title: String,
    pub intro: String,
    /// Coming editions, the soonest first.
    pub upcoming: Vec<FestivalCard>,
    /// Past editions, the latest first.
    pub past: Vec<FestivalCard>,
}

#[derive(Serialize)]
pub struct ProgrammeView {
    pub time: String,
    pub title: String,
    pub description: String,
}

#[derive(Serialize)]
pub struct FestivalView {
    pub festival: FestivalCard,
    pub image: Option<ImageView>,
    pub address: String,
    /// String: the HTML of the page's Markdown, shared with the site rather than copied.
    pub body_html: tera::Value,
    pub programme: Vec<ProgrammeView>,
    pub partners: Vec<Link>,
    pub ics_href: String,
    /// The venue on OpenStreetMap: a plain link, nothing loaded until it is followed.
    pub map_href: String,
    pub index_href: String,
}

#[derive(Serialize)]
pub struct PlainView {
    pub title: String,
    pub summary: String,
    /// String: the HTML of the page's Markdown, shared with the site rather than copied.
    pub body_html: tera::Value,
}

#[derive(Serialize)]
pub struct SearchView {
    pub title: String,
    pub index_href: String,
    pub browse: Vec<Link>,
}

#[derive(Serialize)]
pub struct NotFoundView {
    pub title: String,
    pub home_href: String,
    pub browse: Vec<Link>,
}
