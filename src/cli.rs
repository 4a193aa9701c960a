//! The `steward` command line.

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use steward_core::audit::{self, Actor};
use steward_core::auth;
use steward_core::config::Config;
use steward_core::mail::Mailer;
use steward_core::workflow::Services;
use steward_db::crypto::Keys;
use steward_db::{Db, users};
use steward_domain::{EmailAddress, Role};

#[derive(Parser)]
#[command(
    name = "steward",
    version,
    about = "Self-hosted GDPR/CCPA privacy-operations portal"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal, console and API (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Manage staff API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Manage site keys for the public consent API and banner.
    SiteKey {
        #[command(subcommand)]
        command: SiteKeyCommand,
    },
    /// Apply retention now: delete expired data packages and erase closed requests' personal
    /// data past STEWARD_RETENTION_MONTHS (the scheduler does this daily).
    Purge {
        /// Print what would be removed, and remove nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Check the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Copy the running SQLite installation into one file: the database (a consistent copy
    /// taken while the server goes on), the audit checkpoints and a manifest of what they
    /// hold. The key is left out unless asked for.
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: std::path::PathBuf,
        /// Put the key in too, and encrypt the whole file with a passphrase read from
        /// standard input (its first line, at least 12 characters; `age -d` opens it as well).
        #[arg(long)]
        include_key: bool,
    },
    /// Put a backup back where the settings say Steward's files go, which must hold none yet;
    /// it is checked (audit chain, checkpoints, key, counts against its manifest) before
    /// anything is put in place. A passphrase, if the backup has one, is read from standard
    /// input. On PostgreSQL, after pg_restore: --checkpoints with the saved checkpoint file.
    #[command(group = clap::ArgGroup::new("source").required(true))]
    Restore {
        /// The file `steward backup` wrote (SQLite).
        #[arg(long, group = "source")]
        from: Option<std::path::PathBuf>,
        /// PostgreSQL: the checkpoint file saved after pg_dump; its lines that belong to the
        /// restored database are put in place and the whole is checked.
        #[arg(long, group = "source")]
        checkpoints: Option<std::path::PathBuf>,
    },
    /// Check the database as it stands: schema, audit chain and checkpoints, key, row counts
    /// (after a restore, or after pg_restore on PostgreSQL). Changes nothing.
    Verify,
    /// Load realistic demo data: one account per role, stores, requests in every state.
    Demo {
        /// Load it even though the database already holds staff or requests (the demo's
        /// accounts can sign in: never on a server others can reach).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an administrator. Without --password-stdin, prints a one-time setup link.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
        /// Read the password from standard input instead of printing a setup link.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token acting as the given staff user; printed once.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// How many days the token works (1 to 366).
        #[arg(long, default_value_t = steward_core::auth::TOKEN_DAYS, value_parser = clap::value_parser!(i64).range(1..=366))]
        days: i64,
    },
}

#[derive(Subcommand)]
enum SiteKeyCommand {
    /// Create a site key for one website; printed once.
    Create {
        #[arg(long)]
        name: String,
        /// An origin the website's pages are served from (repeat for several), e.g.
        /// https://shop.example
        #[arg(long = "origin", required = true)]
        origins: Vec<String>,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the hash chain; exits non-zero and names the first broken row.
    Verify,
}

type AnyError = Box<dyn std::error::Error + Send + Sync>;

/// Builds the shared services: database (migrated), keys and mail. Call it inside the Tokio
/// runtime that will serve: the SMTP pool lives on it.
pub fn services(config: Config) -> Result<Services, AnyError> {
    let db = Db::connect(&config.database_url)?;
    db.migrate()?;
    let master = match config.secret_key {
        Some(k) => k,
        None => Keys::load_or_create_file(&config.key_file())?,
    };
    {
        let mut conn = db.get()?;
        let today = chrono::Utc::now()
            .with_timezone(&config.timezone)
            .date_naive();
        let moved = steward_core::workflow::calendars::recheck_after_upgrade(
            &mut conn,
            config.calendars,
            (config.task_lead_days, today),
        )?;
        if moved > 0 {
            tracing::info!("{moved} open request(s) recalculated against the corrected calendars");
        }
    }
    let keys = Keys::from_master(&master);
    {
        let mut conn = db.get()?;
        let rebound = steward_db::rebind::run(&mut conn, &keys)?;
        let rescoped = steward_db::visitors::rescope(&mut conn, &keys)?;
        if rescoped > 0 {
            tracing::info!("{rescoped} banner visitor record(s) scoped to their site key");
        }
        if rebound.sealed > 0 {
            tracing::info!(
                "sealed {} encrypted value(s) into their table, column and row",
                rebound.sealed
            );
            steward_db::write_tx(&mut conn, |c| {
                steward_core::audit::record(
                    c,
                    &steward_core::audit::Actor::System,
                    "encryption.rebound",
                    "database",
                    serde_json::json!({"sealed": rebound.sealed, "unreadable": rebound.unreadable}),
                )
            })?;
        }
        if rebound.unreadable > 0 {
            tracing::error!(
                "{} encrypted value(s) could not be read with this key and were left as they were",
                rebound.unreadable
            );
        }
    }
    let mailer = Mailer::from_config(&config)?;
    // Stores are refused any connection to a database holding this id: Steward's own.
    let instance = steward_db::settings::instance_id(&mut *db.get()?)?;
    // Requests filed before they had a language got English from the migration: once, on
    // the first start that knows languages, they take the shop's default instead.
    {
        let mut conn = db.get()?;
        let default = config.languages.default;
        steward_db::write_tx(&mut conn, |c| {
            if steward_db::settings::claim(c, "requests_language_set")?
                && default != steward_domain::Language::En
            {
                let n = steward_db::requests::set_language_of_all(c, default)?;
                tracing::info!("{n} earlier request(s) now write in {}", default.as_str());
            }
            Ok::<_, steward_db::DbError>(())
        })?;
    }
    let translations = steward_db::consent::translations(&mut *db.get()?)?;
    let brand =
        steward_core::workflow::brand::load(&mut *db.get()?, config.consent.policy_url.as_deref())?;
    Ok(Services {
        reach: config.reach().with_own_instance(instance),
        db,
        keys,
        mailer,
        config,
        jobs: Default::default(),
        pools: Default::default(),
        metrics: Default::default(),
        figures: Default::default(),
        brand: std::sync::Arc::new(steward_core::workflow::brand::BrandCache::new(brand)),
        translations: std::sync::Arc::new(
            steward_core::workflow::consent::translation_cache::TranslationCache::new(translations),
        ),
        commits: Default::default(),
    })
}

pub fn run(cli: Cli) -> Result<(), AnyError> {
    let config = Config::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config),
        // Every other command runs inside a runtime too, so that building the mailer (which
        // every command does, to check its settings) never panics.
        command => tokio::runtime::Runtime::new()?.block_on(run_command(command, config)),
    }
}

/// Where the commands' database is, for people: the absolute path of a SQLite file, or the
/// PostgreSQL address without its password.
fn database_place(config: &Config) -> String {
    match &config.database_url {
        steward_db::DatabaseUrl::Sqlite(p) => std::path::absolute(p)
            .unwrap_or_else(|_| p.clone())
            .display()
            .to_string(),
        steward_db::DatabaseUrl::Postgres(url) => match url::Url::parse(url) {
            Ok(mut u) => {
                if u.password().is_some() {
                    let _ = u.set_password(Some("***"));
                }
                // Parameters may hold a password too (password=, sslpassword=).
                u.set_query(None);
                u.to_string()
            }
            Err(_) => "PostgreSQL (STEWARD_DATABASE_URL)".into(),
        },
    }
}

/// Commands that act on the server's data refuse to make a new, empty SQLite database: run
/// from another folder, they would otherwise create one there, and their accounts and links
/// would never reach the running server.
fn existing_database(config: &Config) -> Result<(), AnyError> {
    if let steward_db::DatabaseUrl::Sqlite(p) = &config.database_url
        && !p.exists()
    {
        return Err(format!(
            "no Steward database at {}. Run this command in the folder where Steward runs \
             (where `cargo run --release` created steward.db), or set STEWARD_DATABASE_URL \
             (and STEWARD_SECRET_KEY, if the server sets it) to what the \
             server uses.",
            database_place(config)
        )
        .into());
    }
    Ok(())
}

/// `serve`, `migrate` and `demo` may start a new database; they say where.
fn announce_new_database(config: &Config) {
    if let steward_db::DatabaseUrl::Sqlite(p) = &config.database_url
        && !p.exists()
    {
        eprintln!(
            "No database at {} yet: creating a new one there.",
            database_place(config)
        );
    }
}

async fn run_command(command: Command, config: Config) -> Result<(), AnyError> {
    match &command {
        // `serve` runs on actix's own system and says so itself.
        Command::Migrate | Command::Demo { .. } => announce_new_database(&config),
        // A restore needs the place empty, and says so itself.
        Command::Restore { .. } => {}
        _ => existing_database(&config)?,
    }
    match command {
        Command::Serve => unreachable!("serve runs on actix's own system"),
        Command::Migrate => {
            services(config)?;
            println!("Database is up to date.");
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    email,
                    name,
                    password_stdin,
                },
        } => {
            let svc = services(config)?;
            let email = EmailAddress::parse(&email).map_err(|e| format!("--email {e}"))?;
            let password = if password_stdin {
                let mut p = String::new();
                std::io::stdin().read_to_string(&mut p)?;
                Some(p.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            let mut conn = svc.db.get()?;
            let (user, setup) = auth::create_user(
                &mut conn,
                &email,
                &name,
                Role::Admin,
                password.as_deref(),
                &Actor::System,
            )?;
            let place = database_place(&svc.config);
            match setup {
                Some(token) => println!(
                    "Administrator {} created in {place}. Open this link within 72 hours to choose a password:\n{}/console/setup/{}",
                    user.email, svc.config.base_url, token
                ),
                None => println!("Administrator {} created in {place}.", user.email),
            }
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Create { email, name, days },
        } => {
            let svc = services(config)?;
            let mut conn = svc.db.get()?;
            let user = users::find_by_email(&mut conn, &email)?
                .ok_or_else(|| format!("--email: no staff user {email}"))?;
            let token = auth::create_token(&mut conn, &user, &name, days)?;
            println!("{token}");
            eprintln!(
                "This token is shown once and works for {days} days. It acts with the role of {} ({}).",
                user.email, user.role
            );
            Ok(())
        }
        Command::SiteKey {
            command: SiteKeyCommand::Create { name, origins },
        } => {
            let svc = services(config)?;
            let (row, key) = steward_core::workflow::consent::site_keys::create(
                &svc,
                name,
                origins,
                steward_core::audit::Actor::System,
            )
            .await
            .map_err(|e| match e {
                steward_core::workflow::WorkflowError::Invalid { field, message } => {
                    format!("--{}: {message}", field.trim_end_matches('s'))
                }
                e => e.to_string(),
            })?;
            println!("{key}");
            eprintln!(
                "This site key is shown once. It works from: {}.\nEmbed the banner with:\n  <script src=\"{}/static/consent.js\" data-site-key=\"{key}\" defer></script>",
                row.origin_list().collect::<Vec<_>>().join(", "),
                svc.config.base_url
            );
            Ok(())
        }
        Command::Purge { dry_run } => {
            let svc = services(config)?;
            let report = steward_core::workflow::retention::purge(
                &svc,
                dry_run,
                steward_core::audit::Actor::System,
            )
            .await?;
            println!("{report}");
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let svc = services(config)?;
            let mut conn = svc.db.get()?;
            let report = audit::verify(&mut conn)?;
            let (signer, file) = (svc.keys.audit_signer(), svc.config.checkpoint_file());
            let anchor = audit::checkpoint::check(&mut conn, &signer, &file)?;
            println!(
                "Checkpoint key (Ed25519, hex): {}\nCheckpoints: {}",
                anchor.public_key,
                file.display()
            );
            match report.first_break {
                None if anchor.problem.is_some() => Err(format!(
                    "Audit log BROKEN: {} ({} rows verified).",
                    anchor.problem.unwrap_or_default(),
                    report.rows
                )
                .into()),
                None => {
                    audit::checkpoint::write(&mut conn, &signer, &file)?;
                    println!("Audit log intact: {} rows verified.", report.rows);
                    Ok(())
                }
                Some(b) => Err(format!(
                    "Audit log BROKEN at row {}: {} ({} rows verified before it).",
                    b.seq, b.problem, report.rows
                )
                .into()),
            }
        }
        Command::Backup { to, include_key } => {
            let passphrase = include_key.then(read_passphrase).transpose()?;
            let db = Db::connect(&config.database_url)?;
            let created = steward_core::backup::create(
                &db,
                &own_key(&config)?,
                &config.checkpoint_file(),
                &to,
                passphrase,
            )?;
            let m = &created.manifest;
            println!(
                "Backup written to {} ({} requests, {} consent records, {} audit rows{}).",
                created.path.display(),
                m.counts.get("requests").unwrap_or(&0),
                m.counts.get("consent_records").unwrap_or(&0),
                m.audit.rows,
                if m.key_included {
                    ", the key inside, encrypted with the passphrase"
                } else {
                    "; the key is not inside: keep it apart"
                }
            );
            for p in &m.problems {
                eprintln!("warning: {p}");
            }
            Ok(())
        }
        Command::Restore {
            checkpoints: Some(saved),
            ..
        } => {
            existing_database(&config)?;
            let keys = Keys::from_master(&own_key(&config)?);
            let verified = steward_core::backup::restore_checkpoints(&config, &keys, &saved)?;
            println!(
                "Checkpoints: {}\n{verified}\nAudit log intact.",
                config.checkpoint_file().display()
            );
            Ok(())
        }
        Command::Restore { from, .. } => {
            let from = from.ok_or("--from or --checkpoints")?;
            let restored = steward_core::backup::restore(&config, &from, read_passphrase)?;
            println!(
                "Restored the backup of {} into {}.",
                restored.manifest.taken_at,
                restored.database.display()
            );
            if let Some(f) = &restored.checkpoint_file {
                println!("Checkpoints: {}", f.display());
            }
            if let Some(k) = &restored.key_file {
                println!("Key: {}", k.display());
            }
            println!("{}", restored.verified);
            println!("Audit log intact; every count matches the backup's manifest.");
            Ok(())
        }
        Command::Verify => {
            let db = Db::connect(&config.database_url)?;
            let keys = Keys::from_master(&own_key(&config)?);
            let verified = steward_core::backup::verify(&db, &keys, &config.checkpoint_file())?;
            println!("Database: {}\n{verified}", database_place(&config));
            match verified.problems() {
                p if p.is_empty() => {
                    println!("Verified: nothing is wrong.");
                    Ok(())
                }
                p => Err(format!("verification FAILED:\n  {}", p.join("\n  ")).into()),
            }
        }
        Command::Demo { force } => {
            let svc = services(config)?;
            svc.mailer.check(&svc.config).await?;
            crate::demo::load(&svc, force).await
        }
    }
}

/// The key the server uses, never a new one: a backup or check with a fresh key would be
/// worthless.
fn own_key(config: &Config) -> Result<[u8; 32], AnyError> {
    if let Some(k) = config.secret_key {
        return Ok(k);
    }
    let file = config.key_file();
    let text = std::fs::read_to_string(&file).map_err(|e| {
        format!(
            "no key at {} ({e}): run this command in the folder where Steward runs, with the \
             settings the server has (STEWARD_DATABASE_URL, STEWARD_SECRET_KEY)",
            file.display()
        )
    })?;
    Ok(Keys::parse_master(&text).map_err(|e| format!("{}: {e}", file.display()))?)
}

/// A backup passphrase: the first line of standard input.
fn read_passphrase() -> std::io::Result<steward_core::backup::Passphrase> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let line = line.trim_end_matches(['\r', '\n']).to_string();
    if line.chars().count() < steward_core::backup::MIN_PASSPHRASE {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "the passphrase (first line of standard input) must have at least {} characters",
                steward_core::backup::MIN_PASSPHRASE
            ),
        ));
    }
    Ok(line.into())
}

fn serve(config: Config) -> Result<(), AnyError> {
    let tls = config
        .tls
        .as_ref()
        .map(|(cert, key)| load_tls(cert, key))
        .transpose()?;
    let bind = config.bind;
    let system = actix_web::rt::System::new();
    system.block_on(async move {
        // Built on the runtime that serves, and checked before the port opens, so a wrong
        // STEWARD_SMTP_URL stops start-up with a line naming it rather than losing mail later.
        announce_new_database(&config);
        let svc = services(config)?;
        svc.mailer.check(&svc.config).await?;
        let indexed = steward_core::workflow::requests::index_old_names(&svc).await?;
        if indexed > 0 {
            tracing::info!("indexed the names of {indexed} earlier request(s) for search");
        }
        let listener = TcpListener::bind(bind)
            .map_err(|e| format!("STEWARD_BIND: cannot listen on {bind}: {e}"))?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        tracing::info!("Steward listening on {scheme}://{bind}");
        println!("Steward listening on {scheme}://{bind}  (portal: /privacy, console: /console)");
        let scheduler = steward_core::workflow::scheduler::spawn(svc.clone());
        // On SIGTERM or SIGINT the server stops accepting and lets requests under way
        // finish (within steward_web::SHUTDOWN); then the scheduler stops and its running
        // jobs get as long again, or hand their claims back.
        steward_web::start(svc.clone(), listener, tls)?.await?;
        scheduler.stop(&svc, steward_web::SHUTDOWN).await;
        tracing::info!("Steward stopped");
        Ok::<(), AnyError>(())
    })
}

pub fn load_tls(
    cert: &std::path::Path,
    key: &std::path::Path,
) -> Result<rustls::ServerConfig, AnyError> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = CertificateDer::pem_file_iter(cert)
        .and_then(|i| i.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("STEWARD_TLS_CERT: {e}"))?;
    let key = PrivateKeyDer::from_pem_file(key).map_err(|e| format!("STEWARD_TLS_KEY: {e}"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| format!("STEWARD_TLS_KEY: {e}"))?;
    Ok(cfg)
}
