//! `aliases:`: the addresses an entry's page had before it was renamed, each published as a
//! page that sends the reader on, so that links from other websites and old bookmarks keep
//! working.

use crate::diagnostic::Diagnostics;
use crate::fields::{Fields, Located};
use crate::safe_url::is_url_safe_name;

/// The old addresses of an entry, each as the path of its output below the site's root
/// (`/pers/oude-naam/` → `pers/oude-naam/index.html`). One an address cannot be is reported.
pub fn parse(fields: &mut Fields, diagnostics: &mut Diagnostics) -> Vec<Located<String>> {
    let written = fields.text_list("aliases", false, diagnostics);
    let mut paths = Vec::with_capacity(written.len());
    for alias in written {
        match output_path(&alias.value) {
            Some(path) => paths.push(Located {
                value: path,
                ..alias
            }),
            None => diagnostics.push(
                alias
                    .error(crate::tr!("entry-bad-alias", value = &alias.value))
                    .with_hint(crate::tr!("entry-bad-alias-hint")),
            ),
        }
    }
    paths
}

/// The output of an old address below the site's root: `/pers/oude-naam/` (or without the
/// last slash) → `pers/oude-naam/index.html`, an old site's `/nieuws/bericht.html` as it is.
/// `None` for what is no address of the site: no leading `/`, the home page, a name an address
/// cannot hold (`..`, a space, `?`), or a file that is not a page.
pub fn output_path(alias: &str) -> Option<String> {
    let path = alias.trim().strip_prefix('/')?;
    let (last, folders) = path
        .split('/')
        .collect::<Vec<_>>()
        .split_last()
        .map(|(l, f)| (*l, f.to_vec()))?;
    if !folders.iter().all(|folder| is_url_safe_name(folder)) {
        return None;
    }
    match last {
        "" if !folders.is_empty() => Some(format!("{path}index.html")),
        name if name.ends_with(".html") || name.ends_with(".htm") => {
            is_url_safe_name(name).then(|| path.to_string())
        }
        name if is_url_safe_name(name) && !name.contains('.') => Some(format!("{path}/index.html")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::output_path;

    #[test]
    fn old_addresses_become_outputs_below_the_root() {
        assert_eq!(
            output_path("/pers/oud/").as_deref(),
            Some("pers/oud/index.html")
        );
        assert_eq!(
            output_path(" /pers/oud ").as_deref(),
            Some("pers/oud/index.html")
        );
        assert_eq!(
            output_path("/nieuws/a.html").as_deref(),
            Some("nieuws/a.html")
        );
        for wrong in [
            "pers/oud/",
            "/",
            "/../etc/",
            "/pers/o d/",
            "/a?b=1",
            "/oud.pdf",
            "//x.nl/a/",
            "/a//b/",
        ] {
            assert_eq!(output_path(wrong), None, "{wrong}");
        }
    }
}
