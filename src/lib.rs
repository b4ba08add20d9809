//! wdhs: the static site generator of the We Doen Het Samen coalition. The pipeline is
//! load → parse (model) → resolve → render → write; see ARCHITECTURE.md.

pub mod build;
pub mod calendar;
pub mod config;
pub mod dependencies;
pub mod diagnostic;
pub mod external;
pub mod feed;
pub mod fields;
pub mod frontmatter;
pub mod history;
pub mod i18n;
pub mod image_cache;
pub mod images;
pub mod incremental;
pub mod jsonld;
pub mod lang;
pub mod load;
pub mod markdown;
pub mod model;
pub mod progress;
pub mod render;
pub mod resolve;
pub mod safe_url;
pub mod scaffold;
pub mod search_index;
pub mod serve;
pub mod site_links;
pub mod slug;
pub mod stripped;
pub mod svg;
pub mod theme;
pub mod translations;
pub mod views;
pub mod write;
pub mod yaml;
