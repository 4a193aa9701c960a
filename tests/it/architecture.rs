//! The crate graph is the architecture: Cargo refuses an import against it, and this suite
//! refuses a manifest that would let one in.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

/// Each workspace crate's direct dependencies of kind normal (what its `src/` may import).
fn direct_deps(meta: &Value) -> HashMap<String, BTreeSet<String>> {
    let members: BTreeSet<&str> = meta["workspace_members"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| members.contains(p["id"].as_str().unwrap()))
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].is_null())
                .map(|d| d["name"].as_str().unwrap().to_string())
                .collect();
            (p["name"].as_str().unwrap().to_string(), deps)
        })
        .collect()
}

/// Every package a crate pulls in, however indirectly (normal dependencies only).
fn transitive(meta: &Value, name: &str) -> BTreeSet<String> {
    let nodes = meta["resolve"]["nodes"].as_array().unwrap();
    let by_id: HashMap<&str, &Value> = nodes
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let packages = meta["packages"].as_array().unwrap();
    let name_of: HashMap<&str, &str> = packages
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let start = packages
        .iter()
        .find(|p| p["name"] == name)
        .map(|p| p["id"].as_str().unwrap())
        .unwrap();
    let (mut seen, mut todo) = (BTreeSet::new(), vec![start]);
    while let Some(id) = todo.pop() {
        for dep in by_id[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            let dep_id = dep["pkg"].as_str().unwrap();
            if normal && seen.insert(name_of[dep_id].to_string()) {
                todo.push(dep_id);
            }
        }
    }
    seen
}

#[test]
fn the_layers_point_one_way() {
    let meta = metadata();
    let deps = direct_deps(&meta);
    let forbid = |krate: &str, names: &[&str]| {
        let have = &deps[krate];
        let bad: Vec<_> = names.iter().filter(|n| have.contains(**n)).collect();
        assert!(bad.is_empty(), "{krate} depends on {bad:?}");
    };
    // The web knows the workflow and the domain, never the database or the stores.
    forbid(
        "steward-web",
        &[
            "steward-db",
            "steward-connectors",
            "diesel",
            "diesel_migrations",
            "sqlx",
            "libsqlite3-sys",
        ],
    );
    assert!(deps["steward-web"].contains("steward-core"));
    // The connectors and the database know the domain, not each other or what is above.
    forbid(
        "steward-connectors",
        &["steward-db", "steward-core", "steward-web", "diesel"],
    );
    forbid(
        "steward-db",
        &["steward-connectors", "steward-core", "steward-web", "sqlx"],
    );
    forbid(
        "steward-core",
        &["steward-web", "actix-files", "askama_web"],
    );
    // What customers read knows only the domain's words, and does no I/O.
    forbid(
        "steward-l10n",
        &[
            "steward-db",
            "steward-connectors",
            "steward-core",
            "steward-web",
        ],
    );
    let l10n = transitive(&meta, "steward-l10n");
    for io in ["actix-web", "diesel", "sqlx", "tokio", "reqwest", "lettre"] {
        assert!(!l10n.contains(io), "steward-l10n pulls in {io}");
    }
    // The domain is pure: nothing that does I/O, however indirectly.
    let domain = transitive(&meta, "steward-domain");
    for io in ["actix-web", "diesel", "sqlx", "tokio", "reqwest", "lettre"] {
        assert!(!domain.contains(io), "steward-domain pulls in {io}");
    }
    assert!(
        !domain.iter().any(|d| d.starts_with("steward-")),
        "steward-domain depends on {domain:?}"
    );
}
