//! Paths inside a project: relative, `/`-separated, in a stable order.

use std::path::{Component, Path};

/// Project-relative, `/`-separated.
pub fn rel_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The order files are found in (by path component, as a sorted walk gives them), so that a
/// file read again in watch mode takes the place a full load gives it.
pub fn path_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

/// Hidden files and editor droppings are never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.contains("___jb_")
}

/// Editors' temporary files: vim swap and backup files and its `4913` probe, emacs locks and
/// autosaves, JetBrains safe-write files, Kate, helix, macOS and Windows droppings.
pub fn is_temp_name(name: &str) -> bool {
    is_ignored_name(name)
        || name.ends_with(".swo")
        || name.ends_with(".swn")
        || name.ends_with(".bak")
        || name.ends_with(".bck")
        || name.ends_with(".orig")
        || name.ends_with(".kate-swp")
        || name.ends_with(".crswap")
        || name.contains(".tmp.")
        || name.contains(".sb-")
        || (name.len() > 2 && name.starts_with("~$"))
        || name == "4913"
        || name == "Thumbs.db"
        || name == "desktop.ini"
}

/// A project-relative path written by a user (`media/../media/a.jpg`, `./media/a.jpg`), with
/// `.` and `..` resolved: `None` when it is absolute or climbs out of the project. Done without
/// touching the disk; symlinks are the reader's business ([`super::fs`]).
pub fn normalise_relative(path: &str) -> Option<String> {
    if path.is_empty()
        || path.starts_with('/')
        || path.starts_with('\\')
        || path.contains('\\')
        || path.contains(':')
    {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for c in Path::new(path).components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str()?),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_resolved_without_the_disk() {
        assert_eq!(
            normalise_relative("media/a.jpg").as_deref(),
            Some("media/a.jpg")
        );
        assert_eq!(
            normalise_relative("media/../media/a.jpg").as_deref(),
            Some("media/a.jpg")
        );
        assert_eq!(
            normalise_relative("./media//a.jpg").as_deref(),
            Some("media/a.jpg")
        );
        assert_eq!(normalise_relative("../secret.jpg"), None);
        assert_eq!(normalise_relative("media/../../x.png"), None);
        assert_eq!(normalise_relative("/etc/passwd"), None);
        assert_eq!(normalise_relative("C:\\x.png"), None);
        assert_eq!(normalise_relative("media/.."), None);
    }

    #[test]
    fn temp_files_of_editors_are_ignored() {
        for name in [
            ".a.md.swp",
            "a.md~",
            "#a.md#",
            ".#a.md",
            "4913",
            "a.md___jb_tmp___",
            "a.md.kate-swp",
            "a.md.bck",
            ".DS_Store",
        ] {
            assert!(is_temp_name(name), "{name}");
        }
        assert!(!is_temp_name("a.md"));
        assert!(!is_temp_name("sortie #2 été.md"));
    }

    #[test]
    fn path_order_is_by_component() {
        let mut v = vec!["a/b.md", "a-b.md", "a/a.md"];
        v.sort_by(|a, b| path_order(a, b));
        assert_eq!(v, ["a/a.md", "a/b.md", "a-b.md"]);
    }
}
