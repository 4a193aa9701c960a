//! The audit chain: `steward audit verify` (the real binary) finds an edited or deleted row.

use std::process::Command;

use diesel::prelude::*;
use steward::db::schema::audit_log;
use steward::domain::Role;

use crate::support::{Backend, TestApp};

fn verify_cli(app: &TestApp) -> std::process::Output {
    let url = format!("sqlite://{}", app.dir.join("steward.db").display());
    Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(["audit", "verify"])
        .env("STEWARD_DATABASE_URL", url)
        .env("STEWARD_MAIL_DIR", app.dir.join("mail"))
        .output()
        .unwrap()
}

#[tokio::test]
async fn edited_or_deleted_rows_are_detected() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for i in 0..3 {
        app.submit_request(&[
            ("kind", "access"),
            ("jurisdiction", "gdpr"),
            ("email", &format!("a{i}@example.org")),
        ])
        .await;
    }
    app.signed_in(Role::PrivacyOfficer).await;
    let out = verify_cli(&app);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("intact"));

    // Edit row 2.
    app.db(|c| {
        diesel::update(audit_log::table.find(2i64))
            .set(audit_log::actor.eq("user:someone-else"))
            .execute(c)
            .unwrap()
    })
    .await;
    let out = verify_cli(&app);
    assert!(!out.status.success(), "an edit must fail verification");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 2") && err.contains("edited"), "{err}");

    // Put it back: intact again. Then delete row 3.
    app.db(|c| {
        diesel::update(audit_log::table.find(2i64))
            .set(audit_log::actor.eq("subject"))
            .execute(c)
            .unwrap()
    })
    .await;
    assert!(verify_cli(&app).status.success(), "restored row verifies");
    app.db(|c| {
        diesel::delete(audit_log::table.find(3i64))
            .execute(c)
            .unwrap()
    })
    .await;
    let out = verify_cli(&app);
    assert!(!out.status.success(), "a deletion must fail verification");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("row 3"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The console-side API of the same check agrees.
    let report = app.db(|c| steward::audit::verify(c).unwrap()).await;
    assert_eq!(
        report.first_break.unwrap().seq,
        4,
        "row 4 no longer follows a row 3"
    );
}

#[tokio::test]
async fn the_console_page_shows_rows_and_names_the_first_broken_link() {
    for backend in crate::support::backends() {
        let app = TestApp::spawn(backend).await;
        app.submit_request(&[
            ("kind", "access"),
            ("jurisdiction", "gdpr"),
            ("email", "a@example.org"),
        ])
        .await;
        let auditor = app.signed_in(Role::Auditor).await;
        let page = auditor.get(app.url("/console/audit")).send().await.unwrap();
        assert_eq!(page.status(), 200, "{backend:?}");
        let page = page.text().await.unwrap();
        assert!(page.contains("Hash chain intact"), "{backend:?}");
        for action in ["request.received", "login.password_ok", "mfa.enrolled"] {
            assert!(page.contains(action), "{backend:?}: {action} listed");
        }
        assert!(
            page.contains("@staff.example"),
            "who: the staff email, not only an id"
        );

        app.db(|c| {
            diesel::update(audit_log::table.find(2i64))
                .set(audit_log::detail.eq("{}"))
                .execute(c)
                .unwrap()
        })
        .await;
        let page = crate::support::page(&auditor, app.url("/console/audit")).await;
        assert!(page.contains("broken at row 2"), "{backend:?}: {page}");
        let res = auditor
            .get(app.url("/console/audit?before=abc"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400);
    }
}

/// The chain is anchored by signed checkpoints: `steward audit verify` reports rows deleted
/// at the end, all rows deleted, and a chain rewritten consistently from some row on, all of
/// which the hash chain alone would call intact.
#[test]
fn audit_verify_reports_truncation_and_rewrites() {
    use diesel::{Connection, RunQueryDsl};
    let dir =
        std::env::temp_dir().join(format!("steward-anchor-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let steward = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_steward"))
            .current_dir(&dir)
            .env_remove("STEWARD_DATABASE_URL")
            .env_remove("STEWARD_SMTP_URL")
            .env("STEWARD_LOG", "warn")
            .args(args)
            .output()
            .unwrap()
    };
    assert!(steward(&["demo"]).status.success());
    let ok = steward(&["audit", "verify"]);
    let out = String::from_utf8_lossy(&ok.stdout).to_string();
    assert!(ok.status.success() && out.contains("intact"), "{out}");
    assert!(out.contains("Checkpoint key (Ed25519, hex): "), "{out}");
    let key = out
        .split("hex): ")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    // The checkpoint line verifies with the public key alone.
    let line = std::fs::read_to_string(dir.join("audit-checkpoints.log")).unwrap();
    let parts: Vec<&str> = line.lines().last().unwrap().split(' ').collect();
    let vk =
        ed25519_dalek::VerifyingKey::from_bytes(&hex::decode(&key).unwrap().try_into().unwrap())
            .unwrap();
    let msg = format!(
        "steward-audit-checkpoint/v1\n{}\n{}\n{}",
        parts[0], parts[1], parts[2]
    );
    let sig = ed25519_dalek::Signature::from_slice(&hex::decode(parts[3]).unwrap()).unwrap();
    use ed25519_dalek::Verifier;
    assert!(vk.verify(msg.as_bytes(), &sig).is_ok());
    let rows: i64 = parts[0].parse().unwrap();
    assert!(rows > 25, "the demo wrote enough rows: {rows}");

    let db = dir.join("steward.db");
    let backup = dir.join("backup.db");
    std::fs::copy(&db, &backup).unwrap();
    let tamper = |sql: &str| {
        std::fs::copy(&backup, &db).unwrap();
        let mut c = diesel::SqliteConnection::establish(&db.display().to_string()).unwrap();
        diesel::sql_query(sql).execute(&mut c).unwrap();
    };
    let broken = |what: &str, says: &str| {
        let out = steward(&["audit", "verify"]);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(!out.status.success(), "{what}: reported");
        assert!(err.contains(says), "{what}: {err}");
    };
    tamper("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
    broken("last row deleted", "rows were deleted");
    tamper("DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 20 FROM audit_log)");
    broken("last 20 rows deleted", "rows were deleted");
    tamper("DELETE FROM audit_log");
    broken("every row deleted", "rows were deleted");

    // Rewritten from row N with every hash recomputed: the chain itself verifies.
    std::fs::copy(&backup, &db).unwrap();
    {
        #[derive(diesel::QueryableByName)]
        struct R {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            seq: i64,
            #[diesel(sql_type = diesel::sql_types::Timestamp)]
            at: chrono::NaiveDateTime,
            #[diesel(sql_type = diesel::sql_types::Text)]
            actor: String,
            #[diesel(sql_type = diesel::sql_types::Text)]
            action: String,
            #[diesel(sql_type = diesel::sql_types::Text)]
            target: String,
            #[diesel(sql_type = diesel::sql_types::Text)]
            detail: String,
            #[diesel(sql_type = diesel::sql_types::Text)]
            prev_hash: String,
        }
        let mut c = diesel::SqliteConnection::establish(&db.display().to_string()).unwrap();
        let n = rows / 2;
        let all: Vec<R> = diesel::sql_query(
            "SELECT seq, at, actor, action, target, detail, prev_hash FROM audit_log ORDER BY seq",
        )
        .load(&mut c)
        .unwrap();
        let mut prev = all[(n - 2) as usize].prev_hash.clone();
        for r in all.iter().filter(|r| r.seq >= n - 1) {
            let detail = if r.seq == n {
                "{\"rewritten\":true}".to_string()
            } else {
                r.detail.clone()
            };
            let hash = steward::audit::row_hash(
                &prev, r.seq, r.at, &r.actor, &r.action, &r.target, &detail,
            );
            diesel::sql_query(
                "UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            )
            .bind::<diesel::sql_types::Text, _>(&detail)
            .bind::<diesel::sql_types::Text, _>(&prev)
            .bind::<diesel::sql_types::Text, _>(&hash)
            .bind::<diesel::sql_types::BigInt, _>(r.seq)
            .execute(&mut c)
            .unwrap();
            prev = hash;
        }
    }
    broken("rewritten from row N", "rewritten");
    // A forged checkpoint line is noticed too.
    std::fs::copy(&backup, &db).unwrap();
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("audit-checkpoints.log"))
        .unwrap();
    use std::io::Write;
    writeln!(f, "{} {} {} {}", rows, parts[1], parts[2], "00".repeat(64)).unwrap();
    broken("forged checkpoint", "not a checkpoint signed");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Both anchors are compared: deleting, truncating or replacing the checkpoint file, or the
/// database's copy of the checkpoints, is reported with what is missing, and nothing is
/// signed over a chain that no longer matches them (finding 3 of the second attack pass).
#[test]
fn audit_verify_compares_the_file_and_the_database_copy() {
    use diesel::{Connection, RunQueryDsl};
    let dir =
        std::env::temp_dir().join(format!("steward-anchors-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let steward = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_steward"))
            .current_dir(&dir)
            .env_remove("STEWARD_DATABASE_URL")
            .env_remove("STEWARD_SMTP_URL")
            .env("STEWARD_LOG", "warn")
            .args(args)
            .output()
            .unwrap()
    };
    let verify = || {
        let out = steward(&["audit", "verify"]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    };
    assert!(steward(&["demo"]).status.success());
    assert!(verify().0);
    // A second checkpoint, so that the file has lines before its last.
    let key = steward(&[
        "site-key",
        "create",
        "--name",
        "Shop",
        "--origin",
        "https://shop.example",
    ]);
    assert!(
        key.status.success(),
        "{}",
        String::from_utf8_lossy(&key.stderr)
    );
    let (ok, out) = verify();
    assert!(ok && out.contains("intact"), "{out}");

    let (db, file) = (dir.join("steward.db"), dir.join("audit-checkpoints.log"));
    let (db_copy, file_copy) = (dir.join("db.copy"), dir.join("file.copy"));
    std::fs::copy(&db, &db_copy).unwrap();
    std::fs::copy(&file, &file_copy).unwrap();
    let lines = std::fs::read_to_string(&file).unwrap().lines().count();
    assert!(lines >= 2, "{lines} checkpoint lines");
    let restore = || {
        std::fs::copy(&db_copy, &db).unwrap();
        let _ = std::fs::remove_file(&file);
        std::fs::copy(&file_copy, &file).unwrap();
    };
    let sql = |q: &str| {
        let mut c = diesel::SqliteConnection::establish(&db.display().to_string()).unwrap();
        diesel::sql_query(q).execute(&mut c).unwrap();
    };
    let broken = |what: &str, says: &str| {
        let (ok, out) = verify();
        assert!(!ok, "{what}: reported: {out}");
        assert!(out.contains(says), "{what}: {out}");
        // Nothing was signed over it: a second run says the same.
        let (again, out) = verify();
        assert!(!again && out.contains(says), "{what}, again: {out}");
    };

    restore();
    sql("DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 20 FROM audit_log)");
    std::fs::remove_file(&file).unwrap();
    broken(
        "last 20 rows and the file deleted",
        "audit-checkpoints.log is missing",
    );
    assert!(!file.exists(), "no new file was started");

    restore();
    sql("DELETE FROM audit_log");
    std::fs::remove_file(&file).unwrap();
    broken("every row and the file deleted", "is missing");

    restore();
    let text = std::fs::read_to_string(&file).unwrap();
    let kept: Vec<&str> = text.lines().take(lines - 1).collect();
    std::fs::write(&file, kept.join("\n") + "\n").unwrap();
    broken(
        "the file's last line cut",
        "lacks 1 of the checkpoints the database holds",
    );

    restore();
    std::fs::write(&file, "").unwrap();
    broken("the file emptied", "lacks");

    #[cfg(unix)]
    {
        restore();
        std::fs::remove_file(&file).unwrap();
        std::os::unix::fs::symlink("/dev/null", &file).unwrap();
        broken("the file a link to /dev/null", "is not a regular file");
        std::fs::remove_file(&file).unwrap();
    }

    restore();
    sql("DELETE FROM audit_checkpoints");
    broken("the database copy deleted", "the database copy lacks");

    restore();
    let (ok, out) = verify();
    assert!(ok && out.contains("intact"), "restored: {out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The audit page filters by who, action and dates, keeps the filters when paging, and
/// offers the same rows as CSV.
#[tokio::test]
async fn audit_page_filters() {
    let app = TestApp::spawn(crate::support::backends()[0]).await;
    let officer = app.signed_in_as(Role::PrivacyOfficer).await;
    app.submit_request(&[
        ("kind", "access"),
        ("jurisdiction", "gdpr"),
        ("email", "f@example.org"),
    ])
    .await;
    let auditor = app.signed_in(Role::Auditor).await;
    let who = officer.email.replace('@', "%40");
    let page = crate::support::page(&auditor, app.url(&format!("/console/audit?who={who}"))).await;
    assert!(
        page.contains("login.password_ok") && !page.contains("request.received"),
        "{page}"
    );
    let page = crate::support::page(
        &auditor,
        app.url("/console/audit?who=system&action=request.received"),
    )
    .await;
    assert!(
        page.contains("request.received") && !page.contains("login.password_ok"),
        "{page}"
    );
    let today = chrono::Utc::now().date_naive();
    let page = crate::support::page(
        &auditor,
        app.url(&format!(
            "/console/audit?action=request.received&from={today}&to={today}"
        )),
    )
    .await;
    assert!(page.contains("request.received"), "{page}");
    assert!(
        page.contains("/console/exports/audit.csv?from="),
        "the CSV link keeps the range"
    );
    let tomorrow = today.succ_opt().unwrap();
    let page = crate::support::page(
        &auditor,
        app.url(&format!(
            "/console/audit?action=request.received&from={tomorrow}"
        )),
    )
    .await;
    assert!(!page.contains("<code>request.received</code>"), "{page}");
    let res = auditor
        .get(app.url("/console/audit?from=31.12.2026"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert!(res.text().await.unwrap().contains("dates are YYYY-MM-DD"));
}
