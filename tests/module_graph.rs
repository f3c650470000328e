//! The crate's modules import each other without a cycle, at two levels: the top-level modules of `src/` (`web`,
//! `page`, `session`, ...), and the files inside each folder module (`session/runner.rs`, `session/steps.rs`, ...).
//!
//! Read from the sources: every `crate::NAME` path (in `use` lines and inline) is an edge from the file's top-level
//! module to NAME; inside a folder module, every `super::NAME` and `crate::FOLDER::NAME` is an edge between its files.
//! Comments are skipped; `#[cfg(test)]` code counts like any other. A cycle fails with the modules on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The identifiers that follow `prefix` in `code` (`crate::web::x` with prefix `crate::` gives `web`).
fn names_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut names = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if end > 0 {
            names.push(&rest[..end]);
        }
        // `crate::{a, b}` / `super::{a, b::{c, d}}`: the first name of every part of the group.
        if rest.starts_with('{') {
            let (mut depth, mut start) = (0, 1);
            for (i, c) in rest.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        let part = rest[start..i].trim();
                        let end = part.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(part.len());
                        if end > 0 {
                            names.push(&part[..end]);
                        }
                        start = i + 1;
                        if c == '}' {
                            break;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
        }
    }
    names
}

/// The code of a file without its comments (line comments and doc comments; no block comments in this crate).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|l| l.trim_start()).filter(|l| !l.starts_with("//")).map(|l| match l.find(" // ") {
        Some(i) => &l[..i],
        None => l,
    })
}

/// A cycle in `graph`, if there is one, as the list of nodes on it.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(n: &str, g: &Graph, state: &mut BTreeMap<String, u8>, stack: &mut Vec<String>) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                let start = stack.iter().position(|s| s == n).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(n.to_owned());
                return Some(cycle);
            }
            Some(_) => return None,
            None => {}
        }
        state.insert(n.to_owned(), 1);
        stack.push(n.to_owned());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    graph.keys().find_map(|n| visit(n, graph, &mut state, &mut Vec::new()))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `(top-level module, file module inside it)` of a source file: `src/session/runner.rs` → (`session`, `runner`),
/// `src/clock.rs` → (`clock`, `clock`), `src/session/mod.rs` → (`session`, `mod`).
fn module_of(path: &Path) -> (String, String) {
    let rel = path.strip_prefix(src()).expect("under src");
    let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned()).collect();
    let top = parts[0].clone();
    let inner = parts.get(1).cloned().unwrap_or_else(|| top.clone());
    (top, inner)
}

fn graphs() -> (Graph, BTreeMap<String, Graph>, BTreeSet<String>) {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let tops: BTreeSet<String> = files.iter().map(|f| module_of(f).0).filter(|t| t != "main" && t != "lib").collect();
    let mut top_graph = Graph::new();
    let mut inner_graphs: BTreeMap<String, Graph> = BTreeMap::new();
    for file in &files {
        let (top, inner) = module_of(file);
        if top == "main" || top == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("read");
        let is_folder = file.parent() != Some(src().as_path());
        let siblings: BTreeSet<String> = if is_folder {
            std::fs::read_dir(src().join(&top))
                .expect("folder")
                .map(|e| e.expect("entry").path())
                .map(|p| p.file_stem().unwrap_or_default().to_string_lossy().into_owned())
                .collect()
        } else {
            BTreeSet::new()
        };
        // Only a file directly in the folder reaches its siblings with `super::`.
        let direct = file.parent() == Some(src().join(&top).as_path());
        let code: String = code_lines(&text).collect::<Vec<_>>().join("\n");
        {
            let line = code.as_str();
            for name in names_after(line, "crate::") {
                if tops.contains(name) && name != top {
                    top_graph.entry(top.clone()).or_default().insert(name.to_owned());
                }
            }
            if !is_folder || inner == "mod" {
                continue;
            }
            let mut inner_names = names_after(line, &format!("crate::{top}::"));
            if direct {
                inner_names.extend(names_after(line, "super::"));
            }
            for name in inner_names {
                if siblings.contains(name) && name != inner && name != "mod" {
                    inner_graphs
                        .entry(top.clone())
                        .or_default()
                        .entry(inner.clone())
                        .or_default()
                        .insert(name.to_owned());
                }
            }
        }
    }
    (top_graph, inner_graphs, tops)
}

#[test]
fn top_level_modules_have_no_cycle() {
    let (graph, _, tops) = graphs();
    assert!(tops.len() > 10, "found the modules: {tops:?}");
    assert!(graph.get("page").is_some_and(|deps| deps.contains("web")), "page installs web: {graph:#?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between top-level modules: {}\n{graph:#?}", cycle.join(" -> "));
    }
}

#[test]
fn files_inside_each_module_have_no_cycle() {
    let (_, inner, _) = graphs();
    assert!(inner.contains_key("session") && inner.contains_key("net"), "{inner:#?}");
    for (module, graph) in &inner {
        if let Some(cycle) = find_cycle(graph) {
            panic!("import cycle inside {module}/: {}\n{graph:#?}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_checker_sees_a_cycle() {
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(find_cycle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(find_cycle(&g), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    assert_eq!(names_after("use crate::{web, page::Page};", "crate::"), ["web", "page"]);
    assert_eq!(names_after("x = crate::web::install(); y::crate::no", "crate::"), ["web"]);
}
