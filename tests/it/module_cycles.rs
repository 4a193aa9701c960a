//! No module import circle inside any crate, file by file. Every source file is parsed (syn);
//! each path it names — in `use`, in code, in types and in macro input such as the route
//! table — is resolved against the crate's module tree, and a file that names an item of
//! another file's module depends on that file. `mod x;` alone is ownership, not a use. The
//! test fails with each circle it finds (Tarjan's strongly connected components).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

type ModPath = Vec<String>;

/// Every module of one crate: its path and the file that holds it (inline modules share the
/// file of their parent).
struct Crate {
    files: BTreeMap<ModPath, PathBuf>,
}

fn module_of(src: &Path, file: &Path) -> ModPath {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Collects the module paths declared inline (`mod tests { .. }`) and every path named.
struct Names {
    here: ModPath,
    inline: Vec<ModPath>,
    /// (module the path was written in, the path's segments)
    paths: Vec<(ModPath, Vec<String>)>,
    /// Names brought in by `use`, per module: `use super::api;` makes `api::x` a path too.
    aliases: BTreeMap<(ModPath, String), Vec<String>>,
}

impl Names {
    fn add(&mut self, segments: Vec<String>) {
        if segments.len() > 1 || matches!(segments[0].as_str(), "super" | "self" | "crate") {
            self.paths.push((self.here.clone(), segments));
        }
    }

    fn alias(&mut self, name: String, full: Vec<String>) {
        if full.is_empty() {
            return;
        }
        self.aliases.insert((self.here.clone(), name), full.clone());
        self.add(full);
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut full = prefix.clone();
                if n.ident != "self" {
                    full.push(n.ident.to_string());
                }
                let name = full.last().cloned().unwrap_or_default();
                self.alias(name, full);
            }
            syn::UseTree::Rename(r) => {
                let mut full = prefix.clone();
                if r.ident != "self" {
                    full.push(r.ident.to_string());
                }
                self.alias(r.rename.to_string(), full);
            }
            syn::UseTree::Glob(_) => {
                if !prefix.is_empty() {
                    let mut full = prefix.clone();
                    full.push("*".into());
                    self.add(full);
                }
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    /// Paths inside macro input (`a::b::c` runs of identifiers), which syn leaves unparsed.
    fn tokens(&mut self, tokens: TokenStream) {
        let mut run: Vec<String> = Vec::new();
        let mut colons = 0;
        for tree in tokens {
            match tree {
                TokenTree::Ident(i) if run.is_empty() || colons == 2 => {
                    run.push(i.to_string());
                    colons = 0;
                }
                TokenTree::Punct(p) if p.as_char() == ':' && !run.is_empty() && colons < 2 => {
                    colons += 1;
                }
                other => {
                    if run.len() > 1 {
                        self.add(std::mem::take(&mut run));
                    }
                    run.clear();
                    colons = 0;
                    if let TokenTree::Ident(i) = &other {
                        run.push(i.to_string());
                    }
                    if let TokenTree::Group(g) = other {
                        self.tokens(g.stream());
                    }
                }
            }
        }
        if run.len() > 1 {
            self.add(run);
        }
    }
}

impl<'ast> Visit<'ast> for Names {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if m.content.is_some() {
            self.here.push(m.ident.to_string());
            self.inline.push(self.here.clone());
            syn::visit::visit_item_mod(self, m);
            self.here.pop();
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        self.add(p.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, p);
    }

    /// `pub(crate)` and `pub(super)` say who may see an item; they import nothing.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.visit_path(&m.path);
        self.tokens(m.tokens.clone());
    }
}

/// The module a path names an item of, if it is one of this crate's: `crate::`, `self::`,
/// `super::` and a child module's name are resolved; anything else is another crate's.
fn resolve(
    modules: &BTreeSet<ModPath>,
    aliases: &BTreeMap<(ModPath, String), Vec<String>>,
    here: &ModPath,
    path: &[String],
) -> Option<ModPath> {
    if let Some(full) = aliases.get(&(here.clone(), path[0].clone()))
        && (full.len() > 1 || full[0] != path[0])
    {
        let mut expanded = full.clone();
        expanded.extend_from_slice(&path[1..]);
        return resolve(modules, &BTreeMap::new(), here, &expanded);
    }
    let (mut base, rest) = match path[0].as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "self" => (here.clone(), &path[1..]),
        "super" => {
            let mut base = here.clone();
            let mut i = 0;
            while path.get(i).is_some_and(|s| s == "super") {
                base.pop();
                i += 1;
            }
            (base, &path[i..])
        }
        first => {
            let mut child = here.clone();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            (here.clone(), path)
        }
    };
    // The longest run of segments that is still a module.
    for seg in rest {
        base.push(seg.clone());
        if !modules.contains(&base) {
            base.pop();
            break;
        }
    }
    Some(base)
}

/// Which file names which, with one path that shows it.
type Graph = BTreeMap<PathBuf, BTreeMap<PathBuf, String>>;

fn file_graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut krate = Crate {
        files: BTreeMap::new(),
    };
    let mut named = Vec::new();
    for file in &files {
        let here = module_of(src, file);
        krate.files.insert(here.clone(), file.clone());
        let text = std::fs::read_to_string(file).unwrap();
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut names = Names {
            here,
            inline: Vec::new(),
            paths: Vec::new(),
            aliases: BTreeMap::new(),
        };
        names.visit_file(&ast);
        for m in &names.inline {
            krate.files.insert(m.clone(), file.clone());
        }
        named.push((file.clone(), names.paths, names.aliases));
    }
    let modules: BTreeSet<ModPath> = krate.files.keys().cloned().collect();
    let mut graph: Graph = BTreeMap::new();
    for (file, paths, aliases) in named {
        let edges = graph.entry(file.clone()).or_default();
        for (here, path) in paths {
            if let Some(target) = resolve(&modules, &aliases, &here, &path) {
                let to = &krate.files[&target];
                if *to != file {
                    edges.entry(to.clone()).or_insert_with(|| path.join("::"));
                }
            }
        }
    }
    graph
}

/// Tarjan's strongly connected components with more than one file.
fn circles(graph: &Graph) -> Vec<Vec<PathBuf>> {
    struct State<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a PathBuf, (usize, usize)>,
        stack: Vec<&'a PathBuf>,
        on_stack: BTreeSet<&'a PathBuf>,
        next: usize,
        found: Vec<Vec<PathBuf>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a PathBuf) {
        s.index.insert(v, (s.next, s.next));
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flat_map(|e| e.keys()) {
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.index[w].1.min(s.index[v].1);
                s.index.get_mut(v).unwrap().1 = low;
            } else if s.on_stack.contains(w) {
                let low = s.index[w].0.min(s.index[v].1);
                s.index.get_mut(v).unwrap().1 = low;
            }
        }
        if s.index[v].0 == s.index[v].1 {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found
}

#[test]
fn no_crate_has_a_module_import_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![root.join("src")];
    for entry in std::fs::read_dir(root.join("crates")).unwrap() {
        sources.push(entry.unwrap().path().join("src"));
    }
    let mut report = String::new();
    let name = |f: &Path| f.strip_prefix(root).unwrap().display().to_string();
    for src in sources {
        let graph = file_graph(&src);
        for circle in circles(&graph) {
            report += "\n  a circle:";
            for from in &circle {
                for (to, path) in &graph[from] {
                    if circle.contains(to) {
                        report += &format!("\n    {} -> {} ({path})", name(from), name(to));
                    }
                }
            }
        }
    }
    assert!(report.is_empty(), "module import circles:{report}");
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let dir = std::env::temp_dir().join(format!("steward-cycles-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod a; mod b; mod c;").unwrap();
    std::fs::write(dir.join("a/mod.rs"), "mod x; pub use x::X;").unwrap();
    std::fs::write(dir.join("a/x.rs"), "pub struct X(crate::b::B);").unwrap();
    std::fs::write(
        dir.join("b.rs"),
        "pub struct B; fn f() { foo!(super::a::X); }",
    )
    .unwrap();
    std::fs::write(dir.join("c.rs"), "use crate::b::B;").unwrap();
    let found = circles(&file_graph(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    let mut names: Vec<_> = found[0]
        .iter()
        .map(|f| f.strip_prefix(&dir).unwrap().display().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["a/mod.rs", "a/x.rs", "b.rs"]);
}
