//! Resolving the links of a page's Markdown: `@/` links to entries, links to the site's own
//! address, files and images beside the content, and anchors on other pages.

use super::*;
use crate::diagnostic::LISTED_PER_FILE;

/// What a name that is no file of the entry's folder most likely meant, as a hint: a web
/// address without `https://`, an e-mail address without `mailto:`, or a file whose name
/// differs only in capitals (which a Mac or Windows computer finds, and the site does not).
fn meant_instead(kind: Kind, written: &str, assets: &BTreeSet<(Kind, &str)>) -> Option<String> {
    if written.starts_with("www.") {
        let meant = format!("https://{written}");
        return Some(crate::tr!("resolve-meant-web-address", meant = meant));
    }
    if let Some((name, host)) = written.split_once('@')
        && !name.is_empty()
        && host.contains('.')
        && !written.contains('/')
    {
        let meant = format!("mailto:{written}");
        return Some(crate::tr!("resolve-meant-mail-address", meant = meant));
    }
    let relative = normalize_relative(written)?.to_lowercase();
    let mut of_kind = (assets.range((kind, "")..)).take_while(|(k, _)| *k == kind);
    if let Some((_, same)) = of_kind
        .clone()
        .find(|(_, name)| name.to_lowercase() == relative)
    {
        return Some(crate::tr!("resolve-meant-other-capitals", meant = *same));
    }
    // `alfa.svg` for `logos/alfa.svg`: the same file name in another folder of the kind.
    let file_name = |name: &str| name.rsplit('/').next().unwrap_or_default().to_lowercase();
    let written_name = file_name(&relative);
    let (_, elsewhere) = of_kind.find(|(_, name)| file_name(name) == written_name)?;
    Some(crate::tr!("resolve-meant-other-folder", meant = *elsewhere))
}

/// A file held back with the draft or embargoed entry that uses it (`held_files`): linked from
/// a published page, it would be published before that entry.
fn held_file(kind: Kind, file: &str, held: &BTreeSet<(Kind, String)>) -> Option<(String, String)> {
    let relative = normalize_relative(file)?;
    held.contains(&(kind, relative)).then(|| {
        let message = crate::tr!("resolve-file-held", file = file);
        (message, crate::tr!("resolve-file-held-hint"))
    })
}

/// Why a file an entry names is not among the content's files, with the likeliest fix; `hint`
/// when nothing better is known.
fn not_there(
    kind: Kind,
    file: &str,
    assets: &BTreeSet<(Kind, &str)>,
    hint: String,
) -> (String, String) {
    let missing = if crate::images::is_raster(file) || file.ends_with(".svg") {
        crate::tr!("resolve-image-missing", file = file)
    } else {
        crate::tr!("resolve-file-missing", file = file)
    };
    if let Some(meant) = meant_instead(kind, file, assets) {
        return (missing, meant);
    }
    // The file is refused for its name where it lies, if it is there: the fix is the same.
    match renamed_for_the_web(file) {
        Some((bad, renamed)) => (
            crate::tr!("load-bad-asset-name", name = bad.escape_debug().to_string()),
            crate::tr!("resolve-bad-name-hint", renamed = renamed),
        ),
        None => (missing, hint),
    }
}

/// A relative name with a part no web address can hold (`Foto bij de molen.jpg`): that part,
/// and the whole name as it could be (`foto-bij-de-molen.jpg`).
fn renamed_for_the_web(file: &str) -> Option<(String, String)> {
    let named = normalize_relative(file)?;
    let bad = named
        .split('/')
        .find(|p| !crate::safe_url::is_url_safe_name(p))?;
    let renamed: Vec<String> = (named.split('/'))
        .map(|part| match crate::safe_url::is_url_safe_name(part) {
            true => part.to_string(),
            false => crate::safe_url::suggest_name(part),
        })
        .collect();
    Some((bad.to_string(), renamed.join("/")))
}

/// The files beside the content that are published, and those held back (`held_files`).
pub(super) type ContentFiles<'a> = (&'a BTreeSet<(Kind, &'a str)>, &'a BTreeSet<(Kind, String)>);

/// A file named by an entry exists, and if it is an image, it can be published.
pub(super) fn check_image_reference(
    kind: Kind,
    file: &str,
    (assets, held_files): ContentFiles<'_>,
    images: &crate::images::Headers,
) -> Result<(), (String, String)> {
    // Made only to be said: every page's images are checked on every edit of `serve`.
    let folder = || match kind {
        Kind::Home => "content/".to_string(),
        _ => format!("content/{}/", kind.folder()),
    };
    // `logo: https://…`: a file of the site's own is meant (Markdown says so where it parses).
    if crate::safe_url::scheme(file).is_some() || file.starts_with("//") {
        return Err((
            crate::tr!("markdown-image-elsewhere", url = file),
            crate::tr!("resolve-image-elsewhere-hint", folder = folder()),
        ));
    }
    // Such a file is refused where it lies (not an asset): say why here too.
    if let Some(advice) = crate::images::unsupported(file) {
        return Err((
            crate::tr!("resolve-unsupported-format", file = file),
            advice,
        ));
    }
    let relative = normalize_relative(file).filter(|r| assets.contains(&(kind, r.as_str())));
    let Some(relative) = relative else {
        if let Some(held) = held_file(kind, file, held_files) {
            return Err(held);
        }
        let hint = crate::tr!("resolve-named-file-missing-hint", folder = folder());
        return Err(not_there(kind, file, assets, hint));
    };
    if let Some(Err(unusable)) = images.get(&(kind, relative)) {
        return Err((
            crate::tr!(
                "resolve-image-unusable",
                file = file,
                problem = &unusable.problem
            ),
            (unusable.hint.clone()).unwrap_or_else(|| crate::tr!("resolve-image-unusable-hint")),
        ));
    }
    Ok(())
}

/// A link into the site written as an address: root-relative (`/doelen/x/`, below the base
/// path the site is published at) or the site's full address (as site.yaml or `--base-url`
/// has it, over http or https). `None` for anything else; the problem for a root-relative
/// address outside the base path, which a reader's browser takes to another site's page.
pub(super) fn own_site_link(
    config: &Config,
    destination: &str,
) -> Option<Result<Resolved, (String, String)>> {
    let without_scheme = |url: &str| -> String {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        rest.strip_prefix("www.")
            .unwrap_or(rest)
            .to_ascii_lowercase()
    };
    let rest = if destination.starts_with('/') && !destination.starts_with("//") {
        // Below a base path (`/wdhs/`), `/pers/` leaves the site: the output folder has a
        // `pers/`, but the host serves it at `/wdhs/pers/`.
        let base = config.base_path();
        let site_root = base.trim_end_matches('/');
        match destination.strip_prefix(site_root) {
            Some(rest) if rest.is_empty() || rest.starts_with(['/', '#', '?']) => rest,
            _ => return Some(Err(outside_base_path(destination, &base))),
        }
    } else {
        // `//www.wedoenhetsamen.nu/pers/` takes the page's own scheme: the site's address too.
        let scheme = crate::safe_url::scheme(destination);
        let protocol_relative = destination.starts_with("//");
        if !(protocol_relative || matches!(scheme.as_deref(), Some("http" | "https"))) {
            return None;
        }
        let written = match protocol_relative {
            true => without_scheme(&format!("https:{destination}")),
            false => without_scheme(destination),
        };
        let site = [&config.base_url, &config.site_url]
            .into_iter()
            .map(|url| without_scheme(url))
            .find(|site| site.contains('/') && written.starts_with(site.as_str()))?;
        // The same length in the original: scheme, "www." and case aside, the site part.
        let cut = destination.len() - (written.len() - site.len());
        &destination[cut..]
    };
    let (rest, anchor) = match rest.split_once('#') {
        Some((rest, anchor)) => (rest, Some(anchor.to_string())),
        None => (rest, None),
    };
    let path = rest.split('?').next().unwrap_or("").trim_start_matches('/');
    // As the host reads it: `/pers/%62rochure.pdf` is `pers/brochure.pdf`.
    let decoded = crate::safe_url::percent_decode(path);
    let path = decoded.as_deref().unwrap_or(path);
    let last = path.rsplit('/').next().unwrap_or("");
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else if last.contains('.') {
        path.to_string()
    } else {
        // A folder written without its slash: hosts answer it with the folder's page.
        format!("{path}/index.html")
    };
    Some(Ok(Resolved::Site { file, anchor }))
}

/// A root-relative address that does not start with the base path the site is published at.
fn outside_base_path(destination: &str, base: &str) -> (String, String) {
    let fixed = format!("{base}{}", destination.trim_start_matches('/'));
    (
        crate::tr!("link-outside-base-path", link = destination, base = base),
        crate::tr!("link-outside-base-path-hint", fixed = fixed),
    )
}

/// The links of the page at `i` to an anchor on another page that has no such heading.
pub(super) fn anchor_problems(pages: &[Page], index: &PageIndex, i: usize) -> Vec<Diagnostic> {
    let page = &pages[i];
    let mut diagnostics = Vec::new();
    // Looked up in the index, which `serve` keeps: no map of every page made per check.
    for link in &page.rendered.anchor_links {
        // Only against the page in the same language: headings differ per language, and a
        // target that failed to parse has been reported already.
        let target = (link.target.split_once('/'))
            .and_then(|(folder, stem)| {
                // The home page's key is `/home`: its kind has no folder.
                let kind = match folder {
                    "" => Kind::Home,
                    folder => Kind::from_folder(folder)?,
                };
                index.get(pages, kind, stem, page.lang)
            })
            .map(|i| &pages[i]);
        let Some(target) = target else {
            continue;
        };
        let headings = &target.rendered.headings;
        // The set of anchors (for "did you mean") only for a link that finds none, and only
        // for as many as a file lists: the others are counted, their hints never shown.
        if !headings.iter().any(|h| h.id == link.anchor) {
            let ids: BTreeSet<String> = match diagnostics.len() < LISTED_PER_FILE {
                true => headings.iter().map(|h| h.id.clone()).collect(),
                false => BTreeSet::new(),
            };
            diagnostics.push(
                Diagnostic::error(
                    &page.entry.path,
                    link.line,
                    link.col,
                    crate::tr!(
                        "resolve-anchor-missing",
                        anchor = &link.anchor,
                        page = display_path(&target.entry.path)
                    ),
                )
                .with_hint(markdown::suggest_anchor(
                    &link.anchor,
                    &ids,
                    markdown::Which::ThatPage,
                )),
            );
        }
    }
    diagnostics
}

/// The links of one page's Markdown, resolved against the site.
pub(super) struct SiteLinks<'a> {
    /// What every page's links resolve against.
    pub(super) targets: &'a LinkTargets<'a>,
    /// The entry whose page links.
    pub(super) from: &'a Entry,
    /// How many "did you mean" searches this page has made (`no_such_entry`).
    pub(super) suggestions: std::cell::Cell<usize>,
}

impl LinkResolver for SiteLinks<'_> {
    fn resolve(&self, destination: &str, is_image: bool) -> Result<Resolved, (String, String)> {
        if let Some(rest) = destination.strip_prefix("@/") {
            return self.internal(rest);
        }
        if let Some(site_link) = own_site_link(self.targets.config, destination) {
            return site_link;
        }
        let has_scheme = destination.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.contains('/')
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.')
        });
        if has_scheme
            || destination.starts_with("//")
            || destination.starts_with('/')
            || destination.is_empty()
        {
            return Ok(Resolved::Unchanged);
        }
        self.file_beside(destination, is_image)
    }
}

impl SiteLinks<'_> {
    /// Resolves a link to a file beside the content, relative to the kind's folder: an image
    /// (a `<picture>` for a raster image) or another file, which must exist.
    fn file_beside(&self, destination: &str, is_image: bool) -> Result<Resolved, (String, String)> {
        let (path, suffix) = match destination.find(['#', '?']) {
            Some(i) => destination.split_at(i),
            None => (destination, ""),
        };
        let folder = if self.from.kind == Kind::Home {
            String::from("content/")
        } else {
            format!("content/{}/", self.from.kind.folder())
        };
        if path.ends_with(".md") {
            return Err((
                crate::tr!("resolve-markdown-file", link = destination),
                crate::tr!("resolve-markdown-file-hint"),
            ));
        }
        if is_image {
            let files = (self.targets.assets, self.targets.held_files);
            check_image_reference(self.from.kind, path, files, self.targets.images)?;
        }
        match normalize_relative(path) {
            Some(relative) if is_image && crate::images::is_raster(&relative) => {
                let info = self
                    .targets
                    .images
                    .get(&(self.from.kind, relative.clone()))
                    .and_then(|i| i.as_ref().ok())
                    .ok_or_else(|| {
                        (
                            crate::tr!("resolve-image-unreadable", file = path),
                            String::new(),
                        )
                    })?;
                let published = asset_url(self.targets.config, self.from.kind, &relative);
                Ok(Resolved::Picture(Picture::new(info, &published, &|p| {
                    format!("{}{p}", self.targets.base_path)
                })))
            }
            Some(relative)
                if self
                    .targets
                    .assets
                    .contains(&(self.from.kind, relative.as_str())) =>
            {
                Ok(Resolved::Url {
                    url: format!(
                        "{}{}{suffix}",
                        self.targets.base_path,
                        asset_url(self.targets.config, self.from.kind, &relative)
                    ),
                    target: None,
                })
            }
            _ if let Some(held) = held_file(self.from.kind, path, self.targets.held_files) => {
                Err(held)
            }
            _ => {
                let hint = match is_image {
                    true => crate::tr!("resolve-linked-image-missing-hint", folder = folder),
                    false => crate::tr!("resolve-linked-file-missing-hint", folder = folder),
                };
                Err(not_there(self.from.kind, path, self.targets.assets, hint))
            }
        }
    }

    /// Resolves an `@/` link (`rest` is what follows `@/`): the home page, a section, or an
    /// entry, in the language of the page that links.
    fn internal(&self, rest: &str) -> Result<Resolved, (String, String)> {
        // Pasted from a web page or Word: "did you mean" would show the same name.
        if let Some((code, visible)) = crate::fields::invisible_in(rest) {
            return Err((
                crate::tr!(
                    "resolve-link-invisible",
                    link = format!("@/{visible}"),
                    code = code
                ),
                crate::tr!("resolve-link-invisible-hint", link = format!("@/{visible}")),
            ));
        }
        let (path, anchor) = match rest.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (rest, None),
        };
        let path = path.trim_end_matches('/');
        let (folder, stem) = match path.split_once('/') {
            Some((folder, stem)) => (folder, Some(stem)),
            None => (path, None),
        };
        let lang = self.from.lang;
        let with_anchor = |url: String| match anchor {
            Some(anchor) => format!("{}{url}#{anchor}", self.targets.base_path),
            None => format!("{}{url}", self.targets.base_path),
        };
        if folder.is_empty() || folder == "home" {
            return Ok(Resolved::Url {
                url: with_anchor(lang_prefix(self.targets.config, lang)),
                target: Some("/home".to_string()),
            });
        }
        let Some(kind) = crate::model::Kind::from_folder(folder) else {
            return Err(self.unknown_kind(rest, folder, stem));
        };
        let Some(stem) = stem else {
            if kind == Kind::Page {
                return Err((
                    crate::tr!("resolve-pages-not-a-page"),
                    crate::tr!("resolve-pages-not-a-page-hint"),
                ));
            }
            return Ok(Resolved::Url {
                url: with_anchor(section_url(self.targets.config, kind, lang)),
                target: None,
            });
        };
        let stem = stem
            .trim_end_matches(".md")
            .trim_end_matches(&format!(".{}", lang.code()));
        self.entry_link(rest, kind, stem, &with_anchor)
    }

    /// The error for an `@/` link whose first part names no kind, with the kind meant.
    fn unknown_kind(&self, rest: &str, folder: &str, stem: Option<&str>) -> (String, String) {
        let known: Vec<&str> = crate::model::KINDS
            .iter()
            .filter(|k| **k != Kind::Home)
            .map(|k| k.folder())
            .collect();
        (
            crate::tr!("resolve-unknown-kind", link = rest),
            // Editors often write the section's URL name (`doelen`) instead of its kind.
            match self
                .targets
                .config
                .sections
                .iter()
                .find(|(_, names)| names.values().any(|n| n == folder))
                .map(|(kind, _)| kind.folder())
                .or_else(|| suggest(folder, known.iter().copied()))
            {
                Some(close) => crate::tr!(
                    "resolve-did-you-mean",
                    link = format!(
                        "{close}{}",
                        stem.map(|s| format!("/{s}")).unwrap_or_default()
                    )
                ),
                None => crate::tr!("resolve-kinds", kinds = known.join(", ")),
            },
        )
    }

    /// Resolves an `@/` link to the entry `stem` of `kind`: its page in the language of the
    /// page that links, else in another language; or why there is none.
    fn entry_link(
        &self,
        rest: &str,
        kind: Kind,
        stem: &str,
        with_anchor: &dyn Fn(String) -> String,
    ) -> Result<Resolved, (String, String)> {
        let lang = self.from.lang;
        let key = format!("{}/{stem}", kind.folder());
        if let Some(i) = self.targets.index.get(self.targets.pages, kind, stem, lang) {
            return Ok(Resolved::Url {
                url: with_anchor(self.targets.pages[i].url.to_string()),
                target: Some(key),
            });
        }
        // Published in another language only: link there rather than to nothing.
        if let Some(i) = self
            .targets
            .config
            .languages
            .iter()
            .find_map(|l| self.targets.index.get(self.targets.pages, kind, stem, *l))
        {
            return Ok(Resolved::Url {
                url: with_anchor(self.targets.pages[i].url.to_string()),
                target: Some(key),
            });
        }
        if self.targets.all_keys.contains(&(kind, stem.to_string()))
            && !self.targets.held_back.contains(&(kind, stem.to_string()))
        {
            // The target failed to parse and has been reported; say nothing more here. Its key
            // is the target all the same: once it parses, it is a page that appeared, and this
            // link is resolved again (`CachedMarkdown::checked`).
            return Ok(Resolved::Url {
                url: with_anchor(section_url(self.targets.config, kind, lang)),
                target: Some(key),
            });
        }
        if self.targets.all_keys.contains(&(kind, stem.to_string())) {
            return Err((
                crate::tr!("resolve-not-published", link = rest),
                crate::tr!("resolve-not-published-hint"),
            ));
        }
        Err(self.no_such_entry(rest, kind, stem))
    }

    /// The error for an `@/` link to an entry that does not exist, with the name meant.
    fn no_such_entry(&self, rest: &str, kind: Kind, stem: &str) -> (String, String) {
        let lang = self.from.lang;
        // Each search compares the name with every name of its kind: only as many as a file
        // lists are made (a page of thousands of broken links took minutes).
        let searches = self.suggestions.get();
        self.suggestions.set(searches + 1);
        if searches >= LISTED_PER_FILE {
            let hint = crate::tr!(
                "resolve-page-names",
                folder = kind.folder(),
                lang = lang.code()
            );
            return (crate::tr!("resolve-no-such-page", link = rest), hint);
        }
        let stems: Vec<&str> = self
            .targets
            .all_keys
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, s)| s.as_str())
            .collect();
        (
            crate::tr!("resolve-no-such-page", link = rest),
            match suggest(stem, stems.iter().copied()) {
                Some(close) => crate::tr!(
                    "resolve-did-you-mean",
                    link = format!("{}/{close}", kind.folder())
                ),
                None => crate::tr!(
                    "resolve-page-names",
                    folder = kind.folder(),
                    lang = lang.code()
                ),
            },
        )
    }
}
