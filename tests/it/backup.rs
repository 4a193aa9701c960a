//! `steward backup`, `restore` and `verify` as an operator runs them: a backup taken while
//! requests pour in holds every one acknowledged before it began; a restore into an empty
//! folder serves them again with the audit log intact; a backup that was changed, a wrong
//! passphrase or key, an occupied folder or a broken audit log are refused with nothing put in
//! place; on PostgreSQL, `pg_dump`/`pg_restore` with `restore --checkpoints` and `verify`.

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::Mutex;

const PASSPHRASE: &str = "plover anchor tidal 7";

fn temp_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("steward-backup-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The binary in `dir` with the settings an operator would give both server and commands.
fn steward(dir: &Path, vars: &[(&str, String)]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_steward"));
    c.current_dir(dir)
        .env_remove("STEWARD_DATABASE_URL")
        .env_remove("STEWARD_SMTP_URL")
        .env_remove("STEWARD_SECRET_KEY")
        .env("STEWARD_LOG", "warn")
        .envs(vars.iter().map(|(k, v)| (*k, v.as_str())));
    c
}

/// Runs a command with `input` on standard input.
fn run_with(dir: &Path, vars: &[(&str, String)], args: &[&str], input: &str) -> Output {
    let mut child = steward(dir, vars)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// `steward restore --from FILE` in `dir`, with `input` on standard input (a passphrase).
fn restore(dir: &Path, vars: &[(&str, String)], from: &Path, input: &str) -> Output {
    run_with(
        dir,
        vars,
        &["restore", "--from", from.to_str().unwrap()],
        input,
    )
}

fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "`{what}` exits 0: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The command failed, and said why (standard error).
fn refused(out: Output, what: &str) -> String {
    assert!(
        !out.status.success(),
        "`{what}` is refused: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    async fn start(dir: &Path, vars: &[(&str, String)]) -> Server {
        let port = port();
        let mut vars = vars.to_vec();
        vars.push(("STEWARD_BIND", format!("127.0.0.1:{port}")));
        let child = steward(dir, &vars)
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Killed and waited for on drop, also when it never answers.
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        for _ in 0..300 {
            if reqwest::get(format!("{}/healthz", server.base))
                .await
                .is_ok_and(|r| r.status() == 200)
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("steward serve did not answer in {}", dir.display());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An administrator and an API token acting as them.
fn admin_token(dir: &Path, vars: &[(&str, String)]) -> String {
    ok(
        run_with(
            dir,
            vars,
            &[
                "admin",
                "create",
                "--email",
                "ops@shop.example",
                "--password-stdin",
            ],
            "orbit kettle velvet 42",
        ),
        "admin create",
    );
    let out = ok(
        run_with(
            dir,
            vars,
            &[
                "token",
                "create",
                "--email",
                "ops@shop.example",
                "--name",
                "load",
            ],
            "",
        ),
        "token create",
    );
    out.trim().to_string()
}

async fn file(b: &reqwest::Client, base: &str, token: &str, email: &str) -> Option<String> {
    let res = b
        .post(format!("{base}/api/v1/requests"))
        .bearer_auth(token)
        .json(
            &serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": email,
                                  "send_verification": false}),
        )
        .send()
        .await
        .ok()?;
    if res.status() != 201 {
        return None;
    }
    let body: serde_json::Value = res.json().await.ok()?;
    Some(body["id"].as_str()?.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_under_load_restores_every_request_acknowledged_before_it_began() {
    let root = temp_dir();
    let (live, restored) = (root.join("live"), root.join("restored"));
    std::fs::create_dir_all(&live).unwrap();
    std::fs::create_dir_all(&restored).unwrap();
    // Checkpoints are signed every 200 ms, so new ones land while the copy is taken.
    let vars = vec![("STEWARD_SCHEDULER_INTERVAL_MS", "200".to_string())];
    ok(run_with(&live, &vars, &["migrate"], ""), "migrate");
    let token = admin_token(&live, &vars);
    let server = Server::start(&live, &vars).await;

    // Acknowledged requests, each with the moment its 201 arrived.
    let acked: Arc<Mutex<Vec<(String, Instant)>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    // Requests the server did not acknowledge: none may be refused under the backup.
    let refused = Arc::new(AtomicUsize::new(0));
    let mut writers = Vec::new();
    for w in 0..4 {
        let (acked, stop, refused, base, token) = (
            acked.clone(),
            stop.clone(),
            refused.clone(),
            server.base.clone(),
            token.clone(),
        );
        writers.push(tokio::spawn(async move {
            let b = reqwest::Client::new();
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let email = format!("writer{w}.n{i}@example.org");
                match file(&b, &base, &token, &email).await {
                    Some(id) => acked.lock().await.push((id, Instant::now())),
                    None => {
                        refused.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }));
    }
    let waiting = Instant::now();
    while acked.lock().await.len() < 40 {
        assert!(
            waiting.elapsed() < Duration::from_secs(60),
            "the writers' requests are acknowledged ({} refused)",
            refused.load(Ordering::Relaxed)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let backup = root.join("steward.tar.age");
    let began = Instant::now();
    let out = {
        let (live, backup, vars) = (live.clone(), backup.clone(), vars.clone());
        tokio::task::spawn_blocking(move || {
            run_with(
                &live,
                &vars,
                &["backup", "--to", backup.to_str().unwrap(), "--include-key"],
                &format!("{PASSPHRASE}\n"),
            )
        })
        .await
        .unwrap()
    };
    let during = acked
        .lock()
        .await
        .iter()
        .filter(|(_, at)| *at > began)
        .count();
    // Writers go on a little after the copy, then stop.
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }
    assert_eq!(
        refused.load(Ordering::Relaxed),
        0,
        "no request was refused while the backup ran"
    );
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let said = ok(out, "backup --include-key");
    assert!(said.contains("the key inside"), "{said}");
    assert!(
        !stderr.contains("ERROR") && !stderr.contains("warning"),
        "a backup of a sound installation under load logs nothing wrong: {stderr}"
    );
    assert!(
        during > 0,
        "requests were acknowledged while the backup ran (else this test shows nothing)"
    );
    let acked = acked.lock().await.clone();
    drop(server);

    // The file is encrypted with the passphrase as a whole: no table name shows through.
    let bytes = std::fs::read(&backup).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    assert!(!bytes.windows(8).any(|w| w == b"requests"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the backup is readable by Steward's user only");
    }

    let said = ok(
        restore(&restored, &vars, &backup, &format!("{PASSPHRASE}\n")),
        "restore",
    );
    assert!(said.contains("every count matches"), "{said}");
    let restored_rows: i64 = said
        .lines()
        .find_map(|l| l.trim().strip_prefix("requests "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("restore prints the requests restored: {said}"));
    let before: Vec<&String> = acked
        .iter()
        .filter(|(_, at)| *at < began)
        .map(|(id, _)| id)
        .collect();
    assert!(
        restored_rows >= before.len() as i64 && restored_rows <= acked.len() as i64,
        "{restored_rows} requests restored: at least the {} acknowledged before the backup, at most the {} acknowledged in all",
        before.len(),
        acked.len()
    );
    for f in ["steward.db", "steward.key", "audit-checkpoints.log"] {
        assert!(restored.join(f).is_file(), "{f} restored");
    }
    assert!(
        ok(
            run_with(&restored, &vars, &["audit", "verify"], ""),
            "audit verify"
        )
        .contains("intact")
    );
    assert!(ok(run_with(&restored, &vars, &["verify"], ""), "verify").contains("nothing is wrong"));

    // The restored installation serves every request acknowledged before the backup began,
    // with the token made before it, and the key restored opens their addresses.
    let server = Server::start(&restored, &vars).await;
    let b = reqwest::Client::new();
    for id in before {
        let res = b
            .get(format!("{}/api/v1/requests/{id}", server.base))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "request {id} is in the restored data");
        let body: serde_json::Value = res.json().await.unwrap();
        assert!(
            body["email"]
                .as_str()
                .is_some_and(|e| e.ends_with("@example.org")),
            "{body}"
        );
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&root);
}

/// Unpacks a plain backup with GNU tar, lets `change` alter the folder, packs it again.
fn repack(backup: &Path, to: &Path, change: impl FnOnce(&Path)) {
    let work = temp_dir();
    assert!(
        Command::new("tar")
            .arg("-xf")
            .arg(backup)
            .arg("-C")
            .arg(&work)
            .status()
            .unwrap()
            .success()
    );
    change(&work);
    let mut names = vec!["manifest.json", "steward.db"];
    if work.join("audit-checkpoints.log").exists() {
        names.push("audit-checkpoints.log");
    }
    assert!(
        Command::new("tar")
            .arg("-cf")
            .arg(to)
            .arg("-C")
            .arg(&work)
            .args(&names)
            .status()
            .unwrap()
            .success()
    );
    let _ = std::fs::remove_dir_all(&work);
}

fn is_empty_but(dir: &Path, allowed: &[&str]) -> bool {
    std::fs::read_dir(dir).unwrap().all(|e| {
        let name = e.unwrap().file_name();
        allowed.iter().any(|a| name == *a)
    })
}

#[test]
fn changed_backups_wrong_keys_and_occupied_folders_are_refused_with_nothing_put_in_place() {
    let root = temp_dir();
    let live = root.join("live");
    std::fs::create_dir_all(&live).unwrap();
    let vars: Vec<(&str, String)> = Vec::new();
    ok(run_with(&live, &vars, &["demo"], ""), "demo");
    ok(
        run_with(&live, &vars, &["audit", "verify"], ""),
        "audit verify",
    );
    let plain = root.join("plain.tar");
    let said = ok(
        run_with(
            &live,
            &vars,
            &["backup", "--to", plain.to_str().unwrap()],
            "",
        ),
        "backup",
    );
    assert!(said.contains("the key is not inside"), "{said}");
    let listing = Command::new("tar").arg("-tf").arg(&plain).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&listing.stdout)
            .lines()
            .collect::<Vec<_>>(),
        ["manifest.json", "steward.db", "audit-checkpoints.log"],
        "a plain backup holds no key"
    );
    // An existing file is never overwritten.
    let again = refused(
        run_with(
            &live,
            &vars,
            &["backup", "--to", plain.to_str().unwrap()],
            "",
        ),
        "backup onto an existing file",
    );
    assert!(again.contains("exists"), "{again}");
    // A passphrase too short to guard the key.
    let short = refused(
        run_with(
            &live,
            &vars,
            &[
                "backup",
                "--to",
                root.join("short.age").to_str().unwrap(),
                "--include-key",
            ],
            "secret\n",
        ),
        "backup with a short passphrase",
    );
    assert!(short.contains("at least 12 characters"), "{short}");
    assert!(!root.join("short.age").exists());

    let place = |name: &str| {
        let d = root.join(name);
        std::fs::create_dir_all(&d).unwrap();
        d
    };
    // Without a key in place, a backup without one cannot be opened.
    let keyless = place("keyless");
    let e = refused(
        restore(&keyless, &vars, &plain, ""),
        "restore without a key",
    );
    assert!(e.contains("holds no key"), "{e}");
    assert!(is_empty_but(&keyless, &[]), "nothing was left behind");

    // Another installation's key: the data does not open, nothing is put in place.
    let other = place("other-key");
    std::fs::write(other.join("steward.key"), format!("{}\n", "cd".repeat(32))).unwrap();
    let e = refused(
        restore(&other, &vars, &plain, ""),
        "restore with another key",
    );
    assert!(e.contains("not this installation's key"), "{e}");
    assert!(e.contains("does not open"), "{e}");
    assert!(is_empty_but(&other, &["steward.key"]));

    // A folder that holds a database already is left as it is.
    let occupied = place("occupied");
    std::fs::copy(live.join("steward.key"), occupied.join("steward.key")).unwrap();
    std::fs::write(occupied.join("steward.db"), b"keep me").unwrap();
    let e = refused(
        restore(&occupied, &vars, &plain, ""),
        "restore over a database",
    );
    assert!(e.contains("exists"), "{e}");
    assert_eq!(
        std::fs::read(occupied.join("steward.db")).unwrap(),
        b"keep me"
    );

    // A manifest edited to say more requests than the database holds.
    let edited = root.join("edited.tar");
    repack(&plain, &edited, |d| {
        let m = std::fs::read_to_string(d.join("manifest.json")).unwrap();
        let mut m: serde_json::Value = serde_json::from_str(&m).unwrap();
        let n = m["counts"]["requests"].as_i64().unwrap();
        m["counts"]["requests"] = (n + 1).into();
        std::fs::write(d.join("manifest.json"), m.to_string()).unwrap();
    });
    let target = place("edited");
    std::fs::copy(live.join("steward.key"), target.join("steward.key")).unwrap();
    let e = refused(
        restore(&target, &vars, &edited, ""),
        "restore of an edited manifest",
    );
    assert!(
        e.contains("requests:") && e.contains("in the manifest"),
        "{e}"
    );
    assert!(is_empty_but(&target, &["steward.key"]));

    // A database file changed after the backup was taken.
    let swapped = root.join("swapped.tar");
    repack(&plain, &swapped, |d| {
        let mut db = std::fs::OpenOptions::new()
            .append(true)
            .open(d.join("steward.db"))
            .unwrap();
        db.write_all(&[0u8; 4096]).unwrap();
    });
    let e = refused(
        restore(&target, &vars, &swapped, ""),
        "restore of a changed database file",
    );
    assert!(
        e.contains("steward.db is not the file that was backed up"),
        "{e}"
    );
    assert!(is_empty_but(&target, &["steward.key"]));

    // Checkpoint lines cut from the file's end, the manifest's sum brought into line: the
    // chain no longer meets its anchors.
    let cut = root.join("cut.tar");
    repack(&plain, &cut, |d| {
        std::fs::write(d.join("audit-checkpoints.log"), b"").unwrap();
        let m = std::fs::read_to_string(d.join("manifest.json")).unwrap();
        let mut m: serde_json::Value = serde_json::from_str(&m).unwrap();
        m["files"]["audit-checkpoints.log"] =
            serde_json::json!({"bytes": 0, "sha256": steward::crypto::sha256_hex(b"")});
        std::fs::write(d.join("manifest.json"), m.to_string()).unwrap();
    });
    let e = refused(
        restore(&target, &vars, &cut, ""),
        "restore of a backup without its checkpoints",
    );
    assert!(e.contains("audit checkpoints do not match"), "{e}");
    assert!(is_empty_but(&target, &["steward.key"]));

    // A wrong passphrase opens nothing.
    let sealed = root.join("sealed.age");
    ok(
        run_with(
            &live,
            &vars,
            &["backup", "--to", sealed.to_str().unwrap(), "--include-key"],
            &format!("{PASSPHRASE}\n"),
        ),
        "backup --include-key",
    );
    let fresh = place("fresh");
    let e = refused(
        restore(&fresh, &vars, &sealed, "another passphrase entirely\n"),
        "restore with a wrong passphrase",
    );
    assert!(e.contains("passphrase does not open"), "{e}");
    assert!(is_empty_but(&fresh, &[]));

    // The untouched backup restores where the edited ones did not.
    let said = ok(restore(&target, &vars, &plain, ""), "restore");
    assert!(said.contains("every count matches"), "{said}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_broken_audit_log_is_backed_up_with_a_warning_and_not_restored() {
    let root = temp_dir();
    let live = root.join("live");
    std::fs::create_dir_all(&live).unwrap();
    let vars: Vec<(&str, String)> = Vec::new();
    ok(run_with(&live, &vars, &["demo"], ""), "demo");
    ok(
        run_with(&live, &vars, &["audit", "verify"], ""),
        "audit verify",
    );
    {
        use diesel::RunQueryDsl;
        let db =
            steward::db::Db::connect(&steward::db::DatabaseUrl::Sqlite(live.join("steward.db")))
                .unwrap();
        diesel::sql_query("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)")
            .execute(&mut **db.get().unwrap())
            .unwrap();
    }
    let backup = root.join("b.tar");
    let out = run_with(
        &live,
        &vars,
        &["backup", "--to", backup.to_str().unwrap()],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    ok(out, "backup of a broken log");
    assert!(
        stderr.contains("warning: the audit checkpoints do not match the log")
            && stderr.contains("rows were deleted"),
        "{stderr}"
    );
    let target = root.join("restored");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::copy(live.join("steward.key"), target.join("steward.key")).unwrap();
    let e = refused(
        restore(&target, &vars, &backup, ""),
        "restore of a broken log",
    );
    assert!(e.contains("rows were deleted"), "{e}");
    assert!(is_empty_but(&target, &["steward.key"]));
    let e = refused(run_with(&live, &vars, &["verify"], ""), "verify");
    assert!(e.contains("verification FAILED"), "{e}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn postgres_pg_dump_then_restore_checkpoints_and_verify() {
    use crate::support::{Backend, FreshDatabase};
    if !crate::support::backends().contains(&Backend::Postgres) {
        return;
    }
    let root = temp_dir();
    let (live, restored) = (root.join("live"), root.join("restored"));
    std::fs::create_dir_all(&live).unwrap();
    std::fs::create_dir_all(&restored).unwrap();
    let source = FreshDatabase::new(Backend::Postgres, &live);
    let key = ("STEWARD_SECRET_KEY", "5e".repeat(32));
    let vars = vec![("STEWARD_DATABASE_URL", source.url.clone()), key.clone()];
    ok(run_with(&live, &vars, &["demo"], ""), "demo");
    ok(
        run_with(&live, &vars, &["audit", "verify"], ""),
        "audit verify",
    );
    // A SQLite backup command says what to do on PostgreSQL.
    let e = refused(
        run_with(&live, &vars, &["backup", "--to", "x.tar"], ""),
        "backup on PostgreSQL",
    );
    assert!(e.contains("pg_dump"), "{e}");

    let dump = root.join("steward.dump");
    assert!(
        Command::new("pg_dump")
            .args(["--format=custom", "--no-owner", "--file"])
            .arg(&dump)
            .arg(&source.url)
            .status()
            .expect("pg_dump")
            .success()
    );
    // The checkpoint file is copied after the dump; a checkpoint signed in between (a new
    // audit row, then `audit verify`) is a line the dump does not hold.
    ok(
        run_with(
            &live,
            &vars,
            &[
                "token",
                "create",
                "--email",
                "officer@demo.example",
                "--name",
                "after the dump",
            ],
            "",
        ),
        "token create",
    );
    ok(
        run_with(&live, &vars, &["audit", "verify"], ""),
        "audit verify",
    );
    let saved = root.join("saved-checkpoints.log");
    std::fs::copy(live.join("audit-checkpoints.log"), &saved).unwrap();

    let target = FreshDatabase::new(Backend::Postgres, &restored);
    assert!(
        Command::new("pg_restore")
            .args(["--no-owner", "--dbname"])
            .arg(&target.url)
            .arg(&dump)
            .status()
            .expect("pg_restore")
            .success()
    );
    let vars = vec![("STEWARD_DATABASE_URL", target.url.clone()), key];
    // Before the checkpoints are back, the restored database does not verify.
    let e = refused(run_with(&restored, &vars, &["verify"], ""), "verify");
    assert!(e.contains("file was deleted"), "{e}");
    let said = ok(
        run_with(
            &restored,
            &vars,
            &["restore", "--checkpoints", saved.to_str().unwrap()],
            "",
        ),
        "restore --checkpoints",
    );
    assert!(said.contains("Audit log intact"), "{said}");
    let kept = std::fs::read_to_string(restored.join("audit-checkpoints.log")).unwrap();
    let all = std::fs::read_to_string(&saved).unwrap();
    assert!(
        kept.lines().count() < all.lines().count() && all.starts_with(&kept),
        "the line signed after the dump is left out"
    );
    assert!(ok(run_with(&restored, &vars, &["verify"], ""), "verify").contains("nothing is wrong"));
    assert!(
        ok(
            run_with(&restored, &vars, &["audit", "verify"], ""),
            "audit verify"
        )
        .contains("intact")
    );
    let _ = std::fs::remove_dir_all(&root);
}
