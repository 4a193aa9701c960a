//! Every language has every message, with the same values in it, and every file parses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use steward_l10n::{Language, Tr};

fn locales() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Per file, each message's id and the variables it uses.
type Files = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

/// One language's messages, read from its folder; a file that does not parse fails here.
fn messages(language: Language) -> Files {
    let dir = locales().join(language.as_str());
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let mut ids = BTreeMap::new();
        for entry in &resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables(p, &mut vars);
                }
                assert!(
                    ids.insert(m.id.name.to_string(), vars).is_none(),
                    "{}: {} twice",
                    path.display(),
                    m.id.name
                );
            }
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        files.insert(name, ids);
    }
    files
}

fn variables(p: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(e: &Expression<&str>, into: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, into),
        Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for v in variants {
                variables(&v.value, into);
            }
        }
    }
}

fn inline_variables(e: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        _ => {}
    }
}

/// What one language lacks or adds against English.
fn problems(language: Language, english: &Files, theirs: &Files) -> Vec<String> {
    let mut problems = Vec::new();
    for (file, ids) in english {
        let Some(their_ids) = theirs.get(file) else {
            problems.push(format!("{language}: no {file}"));
            continue;
        };
        for (id, vars) in ids {
            match their_ids.get(id) {
                None => problems.push(format!("{language}/{file}: {id} is missing")),
                Some(v) if v != vars => problems.push(format!(
                    "{language}/{file}: {id} uses {v:?}, English uses {vars:?}"
                )),
                Some(_) => {}
            }
        }
        for id in their_ids.keys().filter(|id| !ids.contains_key(*id)) {
            problems.push(format!("{language}/{file}: {id} is not in English"));
        }
    }
    for file in theirs.keys().filter(|f| !english.contains_key(*f)) {
        problems.push(format!("{language}: {file} has no English original"));
    }
    problems
}

#[test]
fn every_language_has_every_message_with_the_same_values() {
    let english = messages(Language::En);
    assert!(english.len() >= 4, "English files: {:?}", english.keys());
    let all: Vec<String> = Language::ALL
        .iter()
        .filter(|l| **l != Language::En)
        .flat_map(|l| problems(*l, &english, &messages(*l)))
        .collect();
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn a_missing_or_changed_message_is_reported() {
    let english = messages(Language::En);
    let mut german = messages(Language::De);
    let portal = german.get_mut("portal.ftl").unwrap();
    portal.remove("form-send").unwrap();
    portal.insert("status-title".into(), BTreeSet::new());
    let found = problems(Language::De, &english, &german);
    assert!(
        found.iter().any(|p| p.contains("form-send is missing")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("status-title uses {}")),
        "{found:?}"
    );
}

#[test]
fn dates_are_written_the_way_each_language_writes_them() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    assert_eq!(Tr::new(Language::En).date(d), "6 December 2026");
    assert_eq!(Tr::new(Language::De).date(d), "6. Dezember 2026");
    assert_eq!(Tr::new(Language::Fr).date(d), "6 décembre 2026");
    assert_eq!(Tr::new(Language::Es).date(d), "6 de diciembre de 2026");
    assert_eq!(Tr::new(Language::Pl).date(d), "6 grudnia 2026");
    let may = chrono::NaiveDate::from_ymd_opt(2027, 5, 1).unwrap();
    assert_eq!(Tr::new(Language::It).date(may), "1 maggio 2027");
    assert_eq!(Tr::new(Language::Nl).date(may), "1 mei 2027");
    assert_eq!(Tr::new(Language::Pt).date(may), "1 de maio de 2027");
}

#[test]
fn plurals_follow_each_language_s_rules() {
    let count = |l: Language, n: usize| Tr::new(l).t1("errors-title", "count", n);
    assert_ne!(count(Language::En, 1), count(Language::En, 2));
    assert!(count(Language::En, 3).contains('3'));
    // Polish: 2–4 ("few") and 5+ ("many") are different forms.
    assert_ne!(
        count(Language::Pl, 2).replace('2', "#"),
        count(Language::Pl, 5).replace('5', "#")
    );
    assert_eq!(
        count(Language::Pl, 3).replace('3', "#"),
        count(Language::Pl, 22).replace("22", "#")
    );
}

#[test]
fn the_pseudo_language_marks_every_message_and_values_pass_through() {
    let t = Tr::pseudo().t1("sent-received-ref", "reference", "SR-ABCDEFGH");
    assert!(t.starts_with('⟦') && t.ends_with('⟧'), "{t}");
    assert!(t.contains("SR-ABCDEFGH"));
    // No Unicode isolation marks around values: they would end up in emails and CSV.
    let plain = Tr::new(Language::De).t1("sent-received-ref", "reference", "SR-ABCDEFGH");
    assert!(
        !plain.contains('\u{2068}') && !plain.contains('\u{2069}'),
        "{plain:?}"
    );
}

#[test]
fn the_banner_sends_every_banner_message_with_its_values_left_to_fill() {
    let english = messages(Language::En);
    let listed: BTreeSet<String> = steward_l10n::BANNER_MESSAGES
        .iter()
        .map(|s| s.to_string())
        .collect();
    let in_file: BTreeSet<String> = english["banner.ftl"].keys().cloned().collect();
    assert_eq!(listed, in_file);
    let fr = Tr::new(Language::Fr).banner();
    assert!(fr["embed"].contains("{service}"), "{}", fr["embed"]);
    assert!(fr["saved-on"].contains("{date}") && fr["saved-on"].contains("{receipt}"));
    assert_ne!(fr["accept"], Tr::new(Language::En).banner()["accept"]);
}
