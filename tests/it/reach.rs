//! Stores cannot reach Steward itself or the network behind it: Steward's own database is
//! never a store (by path or by identity), SQLite stores live only in an allowed folder,
//! loopback and private addresses need STEWARD_STORE_ALLOW and metadata addresses are never
//! reachable, connection errors do not tell an open port from a closed one, webhook
//! answers are never read back, and only administrators set how a store is reached.

use std::net::TcpListener;

use serde_json::{Value, json};
use steward::domain::Role;

use crate::stores::art30;
use crate::support::hook::Hook;
use crate::support::{Api, Backend, TestApp, backends};

fn sql_body(name: &str, url: &str) -> Value {
    let mut b = art30(name, "sql", "owner@shop.example");
    b["connection"] = url.into();
    b["dataset"] = crate::support::shop::dataset();
    b
}

async fn setup(app: &TestApp) -> Api<'_> {
    app.staff(
        Role::StoreOwner,
        "owner@shop.example",
        crate::support::PASSWORD,
    )
    .await;
    Api {
        app,
        token: app.token(Role::Admin).await,
    }
}

#[tokio::test]
async fn stewards_own_database_is_never_a_store() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let admin = setup(&app).await;
        match backend {
            Backend::Sqlite => {
                let db = app.dir.join("steward.db");
                // By path: the file itself, a link to it from the allowed folder.
                let (s, e) = admin
                    .post(
                        "/api/v1/stores",
                        sql_body("Own", &format!("sqlite://{}", db.display())),
                    )
                    .await;
                assert_eq!((s, e["field"].as_str()), (422, Some("connection")), "{e}");
                #[cfg(unix)]
                {
                    let link = app.dir.join("stores").join("innocent.db");
                    std::os::unix::fs::symlink(&db, &link).unwrap();
                    let (s, e) = admin
                        .post(
                            "/api/v1/stores",
                            sql_body("Link", &format!("sqlite://{}", link.display())),
                        )
                        .await;
                    // Resolved, the link leads out of the allowed folder: refused.
                    assert_eq!((s, e["field"].as_str()), (422, Some("connection")), "{e}");
                }
                // A hard link in the allowed folder: the same file under another name.
                #[cfg(unix)]
                {
                    let hard = app.dir.join("stores").join("hard.db");
                    std::fs::hard_link(&db, &hard).unwrap();
                    let (s, e) = admin
                        .post(
                            "/api/v1/stores",
                            sql_body("Hard", &format!("sqlite://{}", hard.display())),
                        )
                        .await;
                    assert_eq!(s, 422, "{e}");
                    assert!(
                        e["error"].as_str().unwrap().contains("never be a store"),
                        "{e}"
                    );
                }
                // By identity: a copy of the database in the allowed folder.
                let copy = app.dir.join("stores").join("copy.db");
                std::fs::copy(&db, &copy).unwrap();
                let (s, e) = admin
                    .post(
                        "/api/v1/stores",
                        sql_body("Copy", &format!("sqlite://{}", copy.display())),
                    )
                    .await;
                assert_eq!(s, 422, "{e}");
                assert!(
                    e["error"]
                        .as_str()
                        .unwrap()
                        .contains("Steward's own database"),
                    "{e}"
                );
                // Missing and outside files get one answer: nothing is learnt about them.
                let missing = admin
                    .post(
                        "/api/v1/stores",
                        sql_body(
                            "Missing",
                            &format!("sqlite://{}", app.dir.join("stores/nope.db").display()),
                        ),
                    )
                    .await
                    .1;
                let outside = admin
                    .post(
                        "/api/v1/stores",
                        sql_body("Outside", "sqlite:///etc/hostname"),
                    )
                    .await
                    .1;
                assert_eq!(missing["error"], outside["error"], "{missing} / {outside}");
            }
            Backend::Postgres => {
                let steward::db::DatabaseUrl::Postgres(url) = app.svc.config.database_url.clone()
                else {
                    unreachable!()
                };
                let (s, e) = admin.post("/api/v1/stores", sql_body("Own", &url)).await;
                assert_eq!(s, 422, "{e}");
                assert!(
                    e["error"]
                        .as_str()
                        .unwrap()
                        .contains("Steward's own database"),
                    "{e}"
                );
                // A session whose search_path hides the settings table: by a parameter...
                let hidden = format!("{url}?options=-c%20search_path%3Dpg_catalog");
                let (s, e) = admin
                    .post("/api/v1/stores", sql_body("Options", &hidden))
                    .await;
                assert_eq!((s, e["field"].as_str()), (422, Some("connection")), "{e}");
                assert!(e["error"].as_str().unwrap().contains("options="), "{e}");
                // ...or by the role's own setting, which no parameter shows.
                let role = format!("hidden_{}", uuid::Uuid::new_v4().simple());
                let database = url.rsplit('/').next().unwrap().to_string();
                let admin_sql = |sql: String| {
                    use diesel::{Connection, RunQueryDsl};
                    let mut c =
                        diesel::PgConnection::establish(&crate::support::postgres_admin_url())
                            .unwrap();
                    diesel::sql_query(sql).execute(&mut c).unwrap();
                };
                admin_sql(format!("CREATE ROLE {role} LOGIN"));
                admin_sql(format!("ALTER ROLE {role} SET search_path = pg_catalog"));
                admin_sql(format!(
                    "GRANT CONNECT ON DATABASE \"{database}\" TO {role}"
                ));
                let in_database = url.clone();
                let grant = format!(
                    "GRANT USAGE ON SCHEMA public TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"
                );
                tokio::task::spawn_blocking(move || {
                    use diesel::{Connection, connection::SimpleConnection};
                    diesel::PgConnection::establish(&in_database)
                        .unwrap()
                        .batch_execute(&grant)
                        .unwrap();
                })
                .await
                .unwrap();
                let as_role =
                    url.replacen("postgres://postgres@", &format!("postgres://{role}@"), 1);
                assert_ne!(as_role, url, "the test URL names the postgres user");
                let (s, e) = admin
                    .post("/api/v1/stores", sql_body("Role", &as_role))
                    .await;
                let in_database = url.clone();
                let drop = format!("DROP OWNED BY {role}");
                tokio::task::spawn_blocking(move || {
                    use diesel::{Connection, connection::SimpleConnection};
                    let _ = diesel::PgConnection::establish(&in_database)
                        .unwrap()
                        .batch_execute(&drop);
                })
                .await
                .unwrap();
                let _ = std::panic::catch_unwind(|| admin_sql(format!("DROP ROLE {role}")));
                assert_eq!(s, 422, "{e}");
                assert!(
                    e["error"]
                        .as_str()
                        .unwrap()
                        .contains("Steward's own database"),
                    "{e}"
                );
            }
        }
        let (_, list) = admin.get("/api/v1/stores").await;
        assert_eq!(
            list["items"].as_array().map(Vec::len),
            Some(0),
            "{backend:?}: nothing saved"
        );
    }
}

#[tokio::test]
async fn sqlite_stores_are_off_until_a_folder_is_allowed() {
    let app = TestApp::spawn_with(Backend::Sqlite, &[("STEWARD_SQLITE_STORES_DIR", "")]).await;
    let admin = setup(&app).await;
    let shop =
        crate::support::shop::Shop::create(crate::support::shop::Engine::Sqlite, &app.dir).await;
    let (s, e) = admin
        .post("/api/v1/stores", sql_body("Shop", &shop.url))
        .await;
    assert_eq!(s, 422, "{e}");
    assert!(
        e["error"]
            .as_str()
            .unwrap()
            .contains("STEWARD_SQLITE_STORES_DIR"),
        "{e}"
    );
}

#[tokio::test]
async fn loopback_private_and_metadata_addresses_are_refused() {
    let app = TestApp::spawn_with(Backend::Sqlite, &[("STEWARD_STORE_ALLOW", "")]).await;
    let admin = setup(&app).await;
    let hook = Hook::start().await;
    for url in [
        hook.url.clone(),
        "http://localhost:9/x".into(),
        "http://169.254.169.254/latest/meta-data/".into(),
        "http://10.0.0.8/hook".into(),
        "http://[::1]:8080/".into(),
    ] {
        let mut b = art30("Hook", "webhook", "owner@shop.example");
        b["url"] = url.clone().into();
        b["secret"] = "whsec-0123456789abcdef".into();
        let (s, e) = admin.post("/api/v1/stores", b).await;
        assert_eq!((s, e["field"].as_str()), (422, Some("url")), "{url}: {e}");
        assert!(
            e["error"].as_str().unwrap().contains("STEWARD_STORE_ALLOW"),
            "{url}: {e}"
        );
    }
    let (s, e) = admin
        .post(
            "/api/v1/stores",
            sql_body("Pg", "postgres://postgres@127.0.0.1:5432/test"),
        )
        .await;
    assert_eq!(s, 422, "{e}");
    assert!(
        e["error"].as_str().unwrap().contains("STEWARD_STORE_ALLOW"),
        "{e}"
    );
    assert!(hook.hits().is_empty(), "nothing was sent");
    // A public host that hands the connection elsewhere through its parameters, spelt
    // plainly or percent-encoded as the driver would decode them.
    for url in [
        "postgres://u@example.com/db?host=/var/run/postgresql",
        "postgres://u@example.com/db?%68ost=/var/run/postgresql",
        "mysql://u@example.com/db?%73ocket=/run/mysqld/mysqld.sock",
    ] {
        let (s, e) = admin
            .post("/api/v1/stores", sql_body("Redirect", url))
            .await;
        assert_eq!(
            (s, e["field"].as_str()),
            (422, Some("connection")),
            "{url}: {e}"
        );
        assert!(e["error"].as_str().unwrap().contains("host="), "{url}: {e}");
    }

    // Listed, metadata is still refused.
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        &[("STEWARD_STORE_ALLOW", "169.254.0.0/16")],
    )
    .await;
    let admin = setup(&app).await;
    let mut b = art30("Meta", "webhook", "owner@shop.example");
    b["url"] = "http://169.254.169.254/".into();
    b["secret"] = "whsec-0123456789abcdef".into();
    let (s, e) = admin.post("/api/v1/stores", b).await;
    assert_eq!(s, 422, "{e}");
}

#[tokio::test]
async fn connection_errors_do_not_tell_open_ports_from_closed_ones() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let admin = setup(&app).await;
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // An open port that speaks another protocol (the tests' SMTP listener).
    let open = app.smtp.port();
    let mut errors = Vec::new();
    for port in [closed, open] {
        let (s, e) = admin
            .post(
                "/api/v1/stores",
                sql_body("Probe", &format!("postgres://u:p@127.0.0.1:{port}/x")),
            )
            .await;
        assert_eq!(s, 422, "{e}");
        errors.push(
            e["error"]
                .as_str()
                .unwrap()
                .replace(&port.to_string(), "PORT"),
        );
    }
    assert_eq!(errors[0], errors[1]);
}

#[tokio::test]
async fn only_administrators_set_how_a_store_is_reached() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let admin = setup(&app).await;
    let officer = Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    let hook = Hook::start().await;
    let mut b = art30("Hook", "webhook", "owner@shop.example");
    b["url"] = hook.url.clone().into();
    b["secret"] = "whsec-0123456789abcdef".into();
    let (s, e) = officer.post("/api/v1/stores", b.clone()).await;
    assert_eq!(s, 403, "{e}");
    assert!(
        e["error"].as_str().unwrap().contains("administrator"),
        "{e}"
    );
    let (s, _) = officer
        .post(
            "/api/v1/stores",
            art30("Desk", "manual", "owner@shop.example"),
        )
        .await;
    assert_eq!(
        s, 201,
        "a manual store reaches nothing: officers may register it"
    );
    let (s, e) = admin.post("/api/v1/stores", b).await;
    assert_eq!(s, 201, "{e}");
    // The audit row says what changed, never the secret.
    let rows = app
        .db(|c| steward::audit::recent(c, 20, None, &Default::default()).unwrap())
        .await;
    let created: Vec<_> = rows
        .iter()
        .filter(|r| r.action == "store.created")
        .collect();
    assert!(
        created
            .iter()
            .any(|r| r.detail.contains("\"url\"") && r.detail.contains("\"secret\""))
    );
    assert!(rows.iter().all(|r| !r.detail.contains("whsec-")));

    // A failing webhook's answer is never read back to staff: only its status.
    hook.answer(500);
    let (_, r) = officer
        .post(
            "/api/v1/requests",
            json!({"kind": "deletion", "jurisdiction": "gdpr", "email": "w@example.org",
                   "send_verification": false}),
        )
        .await;
    let id = r["id"].as_str().unwrap().to_string();
    officer
        .post(
            &format!("/api/v1/requests/{id}/verify"),
            json!({"reason": "Known"}),
        )
        .await;
    let r = officer
        .wait_tasks(&id, |t| t["store"] != "Hook" || t["status"] == "failed")
        .await;
    let failed = r["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["store"] == "Hook")
        .unwrap();
    assert_eq!(failed["last_error"], "the store answered HTTP 500");
}
