//! `steward demo`: a populated console for a first look.

use chrono::{Duration, NaiveTime, TimeZone};

use steward_core::audit::Actor;
use steward_core::auth;
use steward_core::workflow::Services;
use steward_core::workflow::requests::{self, ActionInput, Intake, SubjectText};
use steward_db::crypto::new_token;
use steward_db::{settings, users};
use steward_domain::{
    Action, Channel, DenialReason, EmailAddress, Jurisdiction, RequestKind, Role,
};

type AnyError = Box<dyn std::error::Error + Send + Sync>;

struct Person {
    email: &'static str,
    name: &'static str,
    kind: RequestKind,
    jurisdiction: Jurisdiction,
    channel: Channel,
    days_ago: i64,
    steps: &'static [Action],
    /// Sent the confirmation email (false: logged by staff, identity not checked yet).
    emailed: bool,
    /// Filed and verified before the stores exist: it stays "verified", with no tasks.
    before_stores: bool,
}

const PEOPLE: &[Person] = &[
    Person {
        email: "kenji.sato@example.jp",
        name: "Kenji Sato",
        kind: RequestKind::Portability,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Email,
        days_ago: 3,
        steps: &[Action::Verify],
        emailed: false,
        before_stores: true,
    },
    Person {
        email: "olivia.brown@example.com",
        name: "Olivia Brown",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Post,
        days_ago: 5,
        steps: &[],
        emailed: false,
        before_stores: false,
    },
    Person {
        email: "lukas.weber@example.de",
        name: "Lukas Weber",
        kind: RequestKind::Deletion,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Web,
        days_ago: 35,
        steps: &[Action::Verify, Action::Complete],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "maria.schmidt@example.de",
        name: "Maria Schmidt",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Web,
        days_ago: 0,
        steps: &[],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "j.okafor@example.co.uk",
        name: "James Okafor",
        kind: RequestKind::Deletion,
        jurisdiction: Jurisdiction::UkGdpr,
        channel: Channel::Web,
        days_ago: 2,
        steps: &[Action::Verify],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "lena.fischer@example.at",
        name: "Lena Fischer",
        kind: RequestKind::Correction,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Email,
        days_ago: 6,
        steps: &[Action::Verify, Action::Pause],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "carlos.m@example.com",
        name: "Carlos Mendoza",
        kind: RequestKind::OptOut,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Web,
        days_ago: 9,
        steps: &[Action::Verify],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "priya.n@example.com",
        name: "Priya Natarajan",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Agent,
        days_ago: 20,
        steps: &[Action::Verify, Action::Extend],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "tom.b@example.ie",
        name: "Tom Byrne",
        kind: RequestKind::Portability,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Post,
        days_ago: 27,
        steps: &[Action::Verify],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "sofia.r@example.it",
        name: "Sofia Romano",
        kind: RequestKind::Deletion,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Web,
        days_ago: 40,
        steps: &[],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "ahmed.k@example.fr",
        name: "Ahmed Karim",
        kind: RequestKind::Objection,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Email,
        days_ago: 15,
        steps: &[Action::Deny],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "emma.w@example.com",
        name: "Emma Wilson",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Web,
        days_ago: 30,
        steps: &[Action::Verify, Action::Complete],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "noah.j@example.com",
        name: "Noah Johnson",
        kind: RequestKind::LimitUse,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Phone,
        days_ago: 4,
        steps: &[Action::Withdraw],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "ines.d@example.pt",
        name: "Inês Duarte",
        kind: RequestKind::Restriction,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Web,
        days_ago: 12,
        steps: &[],
        emailed: true,
        before_stores: false,
    },
    Person {
        email: "maria.schmidt@example.de",
        name: "Maria Schmidt",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Email,
        days_ago: 0,
        steps: &[],
        emailed: true,
        before_stores: false,
    },
];

fn input_for(a: Action) -> ActionInput {
    let reason = match a {
        Action::Verify => "Matched name and last order number against the customer record",
        Action::Pause => "Please tell us which of your two accounts the correction concerns",
        Action::Extend => "The request covers six years of order history across several systems",
        Action::Deny => "Processing is necessary for a contract the requester is party to",
        Action::Withdraw => "Requester withdrew by phone",
        _ => "",
    };
    ActionInput {
        reason: (!reason.is_empty()).then(|| reason.to_string()),
        denial: (a == Action::Deny).then_some(DenialReason::Other),
        // The demo's officer has looked at every store's answer.
        confirm_nothing_found: true,
    }
}

/// Marks a database the demo was loaded into, so a second run changes nothing.
const LOADED: &str = "demo_loaded_at";

/// The demo's staff: one account per role, signed in with a printed password and
/// authenticator secret.
const ACCOUNTS: &[(Role, &str, &str)] = &[
    (Role::Admin, "admin@demo.example", "Alex Admin (demo)"),
    (
        Role::PrivacyOfficer,
        "officer@demo.example",
        "Dana Privacy (demo)",
    ),
    (
        Role::StoreOwner,
        "owner@demo.example",
        "Sam Store-Owner (demo)",
    ),
    (
        Role::Auditor,
        "auditor@demo.example",
        "Avery Auditor (demo)",
    ),
];

struct Credentials {
    id: steward_domain::UserId,
    role: Role,
    email: &'static str,
    password: String,
    secret: String,
}

pub async fn load(svc: &Services, force: bool) -> Result<(), AnyError> {
    let db = svc.db.clone();
    let loaded = db
        .run(|c| {
            Ok::<_, AnyError>(
                settings::get(c, LOADED)?
                    .or(users::find_by_email(c, "officer@demo.example")?.map(|_| String::new())),
            )
        })
        .await?;
    if let Some(at) = loaded {
        let when = if at.is_empty() {
            String::new()
        } else {
            format!(" (on {at})")
        };
        println!(
            "The demo data is already loaded{when}; nothing changed. The demo accounts keep the passwords printed then."
        );
        return Ok(());
    }
    // Demo accounts sign in with printed passwords: not on a database in real use.
    let (staff_count, request_count) = db
        .run(|c| Ok::<_, AnyError>(steward_db::users::counts(c)?))
        .await?;
    if (staff_count > 0 || request_count > 0) && !force {
        return Err(format!(
            "this database already holds {staff_count} staff account(s) and {request_count} request(s); \
             the demo adds accounts that anyone with its printout can sign in with. Load it into an \
             empty database (a new folder), or pass --force if this one is only for trying Steward."
        )
        .into());
    }
    let keys = svc.keys.clone();
    let credentials = db
        .run(move |c| {
            let mut out = Vec::new();
            for (role, email, name) in ACCOUNTS {
                let password = new_token();
                let address = EmailAddress::parse(email).expect("valid");
                let (u, _) =
                    auth::create_user(c, &address, name, *role, Some(&password), &Actor::System)?;
                let secret = auth::preset_authenticator(c, &keys, &u.id)?;
                out.push(Credentials {
                    id: u.id,
                    role: *role,
                    email,
                    password,
                    secret,
                });
            }
            Ok::<_, AnyError>(out)
        })
        .await?;
    print_credentials(svc, &credentials);
    let officer = credentials
        .iter()
        .find(|c| c.role == Role::PrivacyOfficer)
        .expect("the demo has a privacy officer");
    let staff = Actor::Staff {
        id: officer.id.clone(),
    };
    for p in PEOPLE.iter().filter(|p| p.before_stores) {
        file_person(svc, p, &staff).await?;
    }
    let stores = register_stores(svc, &staff).await?;
    for p in PEOPLE.iter().filter(|p| !p.before_stores) {
        file_person(svc, p, &staff).await?;
    }
    let breaches = load_breaches(svc, &staff).await?;
    let consents = crate::demo_consent::load(svc, &staff).await?;
    let today = svc.today().to_string();
    db.run(move |c| settings::put(c, LOADED, &today, None))
        .await?;
    println!(
        "Demo data loaded: {stores}, {} requests in every state, {breaches} breaches, 3 consent purposes, {consents} consent records.",
        PEOPLE.len()
    );
    Ok(())
}

/// Shown as soon as the accounts exist, so a run that fails later still tells how to sign in.
fn print_credentials(svc: &Services, credentials: &[Credentials]) {
    println!();
    println!(
        "DEMO CREDENTIALS: for trying Steward only, shown this once. Do not keep demo accounts on a server others can reach."
    );
    println!(
        "Sign in at {}/console/login with an email and password below; for the second step, add the account's authenticator secret to an authenticator app (or run: oathtool --totp -b SECRET) and type its 6-digit code.",
        svc.config.base_url
    );
    for c in credentials {
        println!(
            "  {:<16} {:<22} password: {}  authenticator secret: {}",
            c.role.label(),
            c.email,
            c.password,
            c.secret
        );
    }
}

/// Files one demo person's request, takes its steps, then dates its timeline over the days
/// since it was received (as if staff had worked on it then, not in the second of loading).
async fn file_person(svc: &Services, p: &Person, staff: &Actor) -> Result<(), AnyError> {
    let tz = svc.config.timezone;
    let day = svc.today() - Duration::days(p.days_ago);
    let local = day.and_time(NaiveTime::from_hms_opt(10, 30, 0).expect("valid"));
    let received_at = tz
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc());
    let intake = Intake {
        kind: p.kind,
        jurisdiction: p.jurisdiction,
        channel: p.channel,
        email: EmailAddress::parse(p.email).expect("valid demo email"),
        name: Some(p.name.to_string()),
        text: SubjectText {
            details: Some("Demo request loaded by the demo command.".into()),
            correction_what: (p.kind == RequestKind::Correction)
                .then(|| "My surname is misspelled".into()),
            correction_value: (p.kind == RequestKind::Correction).then(|| "Fischer".into()),
            corrections: Vec::new(),
        },
        agent: None,
        received_at: if p.days_ago == 0 { None } else { received_at },
        send_verification: p.emailed,
        language: svc.config.languages.default,
    };
    let filed = requests::file(
        svc,
        intake,
        if p.channel == Channel::Web {
            Actor::Subject
        } else {
            staff.clone()
        },
    )
    .await?;
    for step in p.steps {
        if *step == Action::Complete {
            settle_manual_tasks(svc, &filed.id).await?;
        }
        requests::act(svc, staff.clone(), &filed.id, *step, input_for(*step)).await?;
        // What the scheduler would do next: search the SQL store.
        while steward_core::workflow::tasks::run_due_jobs(svc).await? > 0 {}
    }
    let Some(start) = received_at.filter(|_| p.days_ago > 0) else {
        return Ok(());
    };
    let id = filed.id.to_string();
    let now = steward_db::now();
    svc.db
        .run(move |c| {
            let n = steward_db::requests::events(c, &id)?.len().max(1) as i32;
            // The first event when it arrived, the others spread over the days since.
            let times: Vec<_> = (0..n).map(|k| start + (now - start) * k / n).collect();
            steward_db::requests::restamp(c, &id, &times, |t| tz.from_utc_datetime(&t).date_naive())
        })
        .await?;
    Ok(())
}

/// One breach still inside its 72 hours, one reported to the regulator in time.
async fn load_breaches(svc: &Services, staff: &Actor) -> Result<usize, AnyError> {
    use steward_core::workflow::breaches::{self, Breach};
    let now = steward_db::now();
    let breach = |title: &str, hours_ago: i64| Breach {
        title: title.into(),
        description: "Demo incident loaded by the demo command.".into(),
        discovered_at: now - Duration::hours(hours_ago + 2),
        aware_at: now - Duration::hours(hours_ago),
        data_categories: "Names, email addresses".into(),
        subjects_approx: 240,
        records_approx: 310,
        consequences: "Risk of phishing emails".into(),
        measures: "Access closed, passwords rotated".into(),
        dpo_contact: "dpo@demo.example".into(),
    };
    breaches::create(
        svc,
        breach("Support inbox forwarded to a wrong address", 20),
        staff.clone(),
    )
    .await?;
    let reported = breaches::create(
        svc,
        breach("Lost laptop with an order export", 6 * 24),
        staff.clone(),
    )
    .await?;
    breaches::regulator_notified(
        svc,
        &reported,
        now - Duration::hours(6 * 24 - 30),
        staff.clone(),
    )
    .await?;
    Ok(2)
}

/// A small shop database beside Steward's own, holding the demo people, registered as a SQL
/// store; and a manual store whose owner gets tasks.
async fn register_stores(svc: &Services, staff: &Actor) -> Result<String, AnyError> {
    use steward_connectors::sql::SqlUrl;
    use steward_core::workflow::stores::{self, Access, Art30, StoreSpec};
    use steward_domain::dataset::Dataset;

    let art30 = |purposes: &str, categories: &str| Art30 {
        description: String::new(),
        purposes: purposes.into(),
        legal_basis: "Contract (Art. 6(1)(b)); legal obligation for invoices (Art. 6(1)(c))".into(),
        data_categories: categories.into(),
        subject_categories: "Customers".into(),
        recipients: "Parcel carriers; payment provider".into(),
        transfers: "None".into(),
        retention: "Orders 10 years (tax law); account data until closure + 1 year".into(),
        security_measures: "Encryption at rest, role-based access, audit log".into(),
    };
    let support = StoreSpec {
        name: "Customer support desk".into(),
        owner_email: "owner@demo.example".into(),
        art30: art30(
            "Answering customer questions",
            "Contact details, message history",
        ),
        access: Access::Manual,
        active: true,
    };
    stores::save(svc, support, None, staff.clone(), true).await?;
    // A webhook store, switched off: its address is an example no one answers.
    let hook = StoreSpec {
        name: "Newsletter service (webhook, paused)".into(),
        owner_email: "owner@demo.example".into(),
        art30: art30("Sending the newsletter", "Email address, preferences"),
        access: Access::Webhook {
            url: "https://example.com/steward-webhook".into(),
            secret: Some(new_token()),
        },
        active: false,
    };
    let webhook = match stores::save(svc, hook, None, staff.clone(), true).await {
        Ok(_) => ", 1 webhook (paused)",
        Err(e) => {
            println!("Demo webhook store skipped: {e}");
            ""
        }
    };
    // SQLite stores live only where an administrator allows them.
    let Some(dir) = svc.config.sqlite_stores_dir.clone() else {
        println!(
            "Demo SQL store skipped: set STEWARD_SQLITE_STORES_DIR to a folder for SQLite stores to get one."
        );
        return Ok(format!("data stores: 1 manual{webhook}"));
    };
    let path = std::path::absolute(dir.join("demo-shop.db"))?;
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true);
    let pool = sqlx::SqlitePool::connect_with(opts).await?;
    let mut script = String::from(
        "CREATE TABLE IF NOT EXISTS customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, newsletter INTEGER);\n\
         CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), total REAL NOT NULL, shipping_address TEXT);\n\
         DELETE FROM orders; DELETE FROM customers;\n",
    );
    // Fixed demo data written by us, not user input: pasted as literals into a seed script.
    for (i, p) in PEOPLE.iter().enumerate() {
        let id = i + 1;
        script.push_str(&format!(
            "INSERT INTO customers VALUES ({id}, '{}', '{}', {});\nINSERT INTO orders VALUES ({}, {id}, {}.50, '{} High Street');\n",
            p.email,
            p.name.replace('\'', "''"),
            id % 2,
            100 + id,
            10 + id * 3,
            id * 7
        ));
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(script))
        .execute(&pool)
        .await?;
    pool.close().await;

    let dataset = Dataset::parse(
        r#"{"tables": [
        {"name": "customers", "primary_key": "id", "identities": {"email": "email"},
         "fields": {"email": {"category": "user.contact.email", "erasure": "hash"},
                    "name": {"category": "user.name", "erasure": "redact"},
                    "newsletter": {"category": "user.preferences", "erasure": "null"}}},
        {"name": "orders", "primary_key": "id", "references": {"customer_id": "customers.id"},
         "fields": {"total": {"category": "user.financial", "erasure": "retain", "basis": "Tax records, 10 years"},
                    "shipping_address": {"category": "user.contact.address", "erasure": "null"}}}]}"#,
    )?;
    let url = SqlUrl::parse(&format!("sqlite://{}", path.display()))
        .map_err(|e| format!("demo shop: {e}"))?;
    let shop = StoreSpec {
        name: "Web shop database".into(),
        owner_email: "owner@demo.example".into(),
        art30: art30(
            "Selling and delivering orders",
            "Contact details, order history, preferences",
        ),
        access: Access::Sql {
            connection: Some(url),
            dataset,
        },
        active: true,
    };
    stores::save(svc, shop, None, staff.clone(), true).await?;
    Ok(format!("data stores: 1 manual, 1 SQL{webhook}"))
}

/// The support desk's owner answers the tasks a completed demo request needed.
async fn settle_manual_tasks(svc: &Services, request_id: &str) -> Result<(), AnyError> {
    use steward_core::workflow::tasks::{self, Settle};
    use steward_domain::stores::{StoreKind, TaskStatus};
    for t in tasks::of_request(svc, request_id).await? {
        if t.store_kind == StoreKind::Manual && t.status == TaskStatus::Open {
            let note =
                "Searched the support desk: two tickets, exported to the requester".to_string();
            tasks::settle(
                svc,
                Actor::System,
                None,
                &t.id,
                Settle::Done { note, counts: None },
            )
            .await?;
        }
    }
    Ok(())
}
