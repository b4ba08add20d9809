//! The page at each old address of an entry (`aliases`): it sends the reader on to the
//! entry's page at once, without script, and tells search engines where the page is now.

use super::RenderContext;
use super::escape::escape_attribute;
use crate::diagnostic::Diagnostic;

impl RenderContext<'_> {
    /// The page at an old address of the entry at `index` in `Site::pages`.
    pub(super) fn alias_page(&self, index: usize) -> Result<String, Diagnostic> {
        let page = self.site.page_at(index).ok_or_else(|| {
            Diagnostic::error("", 0, 0, crate::tr!("render-internal-no-page"))
                .with_hint(crate::tr!("render-internal-hint"))
        })?;
        let href = escape_attribute(&self.href(&page.url));
        let canonical = escape_attribute(&self.absolute(&page.url));
        let title = escape_attribute(page.entry.title());
        let lang = page.lang.code();
        // A refresh at once is no timed change (WCAG 2.2.1); the link is there for whoever
        // reads the page without following it.
        Ok(format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
             <link rel=\"canonical\" href=\"{canonical}\">\n\
             <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n\
             <body>\n<p><a href=\"{href}\">{title}</a></p>\n</body>\n</html>\n"
        ))
    }
}
