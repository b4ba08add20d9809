//! The compiled templates (`Renderer`): loaded once from the theme, their errors as diagnostics,
//! and the one place a page goes through tera.

use super::RenderContext;
use super::escape::escape_html;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::theme::Theme;
use crate::views::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub struct Renderer {
    /// One compiled set of templates per language, whose global context holds that language's
    /// UI strings as `t`: they are converted for tera once, not for every page.
    tera: BTreeMap<Lang, tera::Tera>,
    pub(super) strings: BTreeMap<Lang, BTreeMap<String, String>>,
    /// What the theme's strings say of each language: its name, dates, address words.
    pub(super) languages: BTreeMap<Lang, crate::lang::Language>,
    pub(super) css: String,
    pub(super) js: String,
    pub(super) css_name: String,
    pub(super) js_name: String,
    pub(super) static_files: Vec<(String, Vec<u8>)>,
    pub(super) template_paths: BTreeMap<String, PathBuf>,
}

/// Compiles the templates once. Template syntax errors are diagnostics with file:line:col.
pub fn prepare(theme: Theme, diagnostics: &mut Diagnostics) -> Option<Renderer> {
    let mut tera = tera::Tera::default();
    let template_paths: BTreeMap<String, PathBuf> = theme
        .templates
        .iter()
        .map(|(name, _, path)| (name.clone(), path.clone()))
        .collect();
    let sources: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(n, t, _)| (n.as_str(), t.as_str()))
        .collect();
    tera.set_escape_fn(escape_html);
    if let Err(error) = tera.add_raw_templates(sources) {
        diagnostics.push(template_diagnostic(&error, &template_paths));
        return None;
    }
    for required in crate::theme::page_templates() {
        if !tera.contains_template(required) {
            diagnostics.push(
                Diagnostic::error(
                    format!("{}/templates/{required}", crate::theme::THEME_DIR),
                    0,
                    0,
                    crate::tr!("render-no-template", name = required),
                )
                .with_hint(crate::tr!("render-no-template-hint")),
            );
        }
    }
    let hash = |text: &str| {
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))[..10].to_string()
    };
    let tera = theme
        .strings
        .iter()
        .map(|(lang, strings)| {
            let mut per_language = tera.clone();
            per_language.global_context().insert("t", strings);
            (*lang, per_language)
        })
        .collect();
    let languages = (theme.strings.iter())
        .map(|(lang, strings)| (*lang, crate::lang::Language::from_strings(*lang, strings)))
        .collect();
    Some(Renderer {
        languages,
        css_name: format!("assets/style.{}.css", hash(&theme.css)),
        js_name: format!("assets/site.{}.js", hash(&theme.js)),
        tera,
        strings: theme.strings,
        css: theme.css,
        js: theme.js,
        static_files: theme.static_files,
        template_paths,
    })
}

pub(super) fn template_diagnostic(
    error: &tera::Error,
    paths: &BTreeMap<String, PathBuf>,
) -> Diagnostic {
    let (report, kind_message) = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            (Some(report), String::new())
        }
        other => (None, other.to_string()),
    };
    match report {
        Some(report) => {
            let path = paths
                .get(report.filename())
                .cloned()
                .unwrap_or_else(|| PathBuf::from(report.filename()));
            let span = report.span();
            Diagnostic::error(
                path,
                span.start_line.max(1),
                span.start_col + 1,
                crate::tr!("render-template-error", error = report.message()),
            )
            .with_hint(crate::tr!("render-template-error-hint"))
        }
        None => {
            let mut message = kind_message;
            let mut source = std::error::Error::source(error);
            while let Some(inner) = source {
                message.push_str(": ");
                message.push_str(&inner.to_string());
                source = inner.source();
            }
            Diagnostic::error(
                PathBuf::from(crate::theme::THEME_DIR),
                0,
                0,
                crate::tr!("render-template-error", error = message),
            )
        }
    }
}

impl<'a> RenderContext<'a> {
    pub(super) fn render(
        &self,
        template: &str,
        layout: LayoutView<'_>,
        page: &impl Serialize,
    ) -> Result<String, Diagnostic> {
        let mut context = tera::Context::new();
        context.insert("layout", &layout);
        context.insert("page", page);
        let lang =
            Lang::find(&self.site.config.languages, layout.lang).unwrap_or_else(Lang::fallback);
        let Some(tera) = self.renderer.tera.get(&lang) else {
            // The same problem the theme reported when it was read: one problem, not two.
            return Err(crate::theme::no_strings_for(lang));
        };
        tera.render(template, &context)
            .map_err(|e| template_diagnostic(&e, &self.renderer.template_paths))
    }

    /// A partial template on its own, with `item` (a card) and the language's strings.
    pub(super) fn render_partial(
        &self,
        template: &str,
        lang: Lang,
        item: &impl Serialize,
    ) -> Result<String, Diagnostic> {
        let mut context = tera::Context::new();
        context.insert("item", item);
        let Some(tera) = self.renderer.tera.get(&lang) else {
            return Err(crate::theme::no_strings_for(lang));
        };
        tera.render(template, &context)
            .map_err(|e| template_diagnostic(&e, &self.renderer.template_paths))
    }
}
