//! `steward demo`: a populated console for a first look.

use chrono::{Duration, NaiveTime, TimeZone};

use crate::audit::Actor;
use crate::auth;
use crate::crypto::new_token;
use crate::db::users;
use crate::domain::{Action, Channel, DenialReason, EmailAddress, Jurisdiction, RequestKind, Role};
use crate::workflow::Services;
use crate::workflow::requests::{self, ActionInput, Intake, SubjectText};

type AnyError = Box<dyn std::error::Error + Send + Sync>;

struct Person {
    email: &'static str,
    name: &'static str,
    kind: RequestKind,
    jurisdiction: Jurisdiction,
    channel: Channel,
    days_ago: i64,
    steps: &'static [Action],
}

const PEOPLE: &[Person] = &[
    Person {
        email: "maria.schmidt@example.de",
        name: "Maria Schmidt",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Web,
        days_ago: 0,
        steps: &[],
    },
    Person {
        email: "j.okafor@example.co.uk",
        name: "James Okafor",
        kind: RequestKind::Deletion,
        jurisdiction: Jurisdiction::UkGdpr,
        channel: Channel::Web,
        days_ago: 2,
        steps: &[Action::Verify],
    },
    Person {
        email: "lena.fischer@example.at",
        name: "Lena Fischer",
        kind: RequestKind::Correction,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Email,
        days_ago: 6,
        steps: &[Action::Verify, Action::Pause],
    },
    Person {
        email: "carlos.m@example.com",
        name: "Carlos Mendoza",
        kind: RequestKind::OptOut,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Web,
        days_ago: 9,
        steps: &[Action::Verify],
    },
    Person {
        email: "priya.n@example.com",
        name: "Priya Natarajan",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Agent,
        days_ago: 20,
        steps: &[Action::Verify, Action::Extend],
    },
    Person {
        email: "tom.b@example.ie",
        name: "Tom Byrne",
        kind: RequestKind::Portability,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Post,
        days_ago: 27,
        steps: &[Action::Verify],
    },
    Person {
        email: "sofia.r@example.it",
        name: "Sofia Romano",
        kind: RequestKind::Deletion,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Web,
        days_ago: 40,
        steps: &[],
    },
    Person {
        email: "ahmed.k@example.fr",
        name: "Ahmed Karim",
        kind: RequestKind::Objection,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Email,
        days_ago: 15,
        steps: &[Action::Deny],
    },
    Person {
        email: "emma.w@example.com",
        name: "Emma Wilson",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Web,
        days_ago: 30,
        steps: &[Action::Verify, Action::Complete],
    },
    Person {
        email: "noah.j@example.com",
        name: "Noah Johnson",
        kind: RequestKind::LimitUse,
        jurisdiction: Jurisdiction::Ccpa,
        channel: Channel::Phone,
        days_ago: 4,
        steps: &[Action::Withdraw],
    },
    Person {
        email: "ines.d@example.pt",
        name: "Inês Duarte",
        kind: RequestKind::Restriction,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Web,
        days_ago: 12,
        steps: &[],
    },
    Person {
        email: "maria.schmidt@example.de",
        name: "Maria Schmidt",
        kind: RequestKind::Access,
        jurisdiction: Jurisdiction::Gdpr,
        channel: Channel::Email,
        days_ago: 0,
        steps: &[],
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

pub async fn load(svc: &Services) -> Result<(), AnyError> {
    let db = svc.db.clone();
    let (officer, password) = db
        .run(|c| {
            if let Some(u) = users::find_by_email(c, "officer@demo.example")? {
                return Ok::<_, AnyError>((u, None));
            }
            let password = new_token();
            let email = EmailAddress::parse("officer@demo.example").expect("valid");
            let (u, _) = auth::create_user(
                c,
                &email,
                "Dana Privacy (demo)",
                Role::PrivacyOfficer,
                Some(&password),
                &Actor::System,
            )?;
            Ok((u, Some(password)))
        })
        .await?;
    let staff = Actor::Staff {
        id: officer.id.clone(),
    };
    register_stores(svc, &staff).await?;
    let tz = svc.config.timezone;
    let today = svc.today();
    for p in PEOPLE {
        let day = today - Duration::days(p.days_ago);
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
                details: Some("Demo request created by `steward demo`.".into()),
                correction_what: (p.kind == RequestKind::Correction)
                    .then(|| "My surname is misspelled".into()),
                correction_value: (p.kind == RequestKind::Correction).then(|| "Fischer".into()),
                corrections: Vec::new(),
            },
            agent: None,
            received_at: if p.days_ago == 0 { None } else { received_at },
            send_verification: true,
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
            while crate::workflow::tasks::run_due_jobs(svc).await? > 0 {}
        }
    }
    let consents = crate::demo_consent::load(svc, &staff).await?;
    println!(
        "Demo data loaded: 2 data stores, {} requests, 3 consent purposes, {consents} consent records.",
        PEOPLE.len()
    );
    match password {
        Some(p) => println!(
            "Sign in at {}/console/login as officer@demo.example with password: {p}",
            svc.config.base_url
        ),
        None => println!(
            "The demo officer officer@demo.example already existed; its password is unchanged."
        ),
    }
    Ok(())
}

/// A small shop database beside Steward's own, holding the demo people, registered as a SQL
/// store; and a manual store whose owner gets tasks.
async fn register_stores(svc: &Services, staff: &Actor) -> Result<(), AnyError> {
    use crate::connectors::sql::SqlUrl;
    use crate::domain::dataset::Dataset;
    use crate::workflow::stores::{self, Access, Art30, StoreSpec};

    if !stores::list(svc).await?.is_empty() {
        return Ok(());
    }
    svc.db
        .run(|c| {
            if users::find_by_email(c, "owner@demo.example")?.is_none() {
                let email = EmailAddress::parse("owner@demo.example").expect("valid");
                auth::create_user(
                    c,
                    &email,
                    "Sam Store-Owner (demo)",
                    Role::StoreOwner,
                    None,
                    &Actor::System,
                )?;
            }
            Ok::<_, AnyError>(())
        })
        .await?;

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
    // SQLite stores live only where an administrator allows them.
    let Some(dir) = svc.config.sqlite_stores_dir.clone() else {
        println!(
            "Demo SQL store skipped: set STEWARD_SQLITE_STORES_DIR to a folder for SQLite stores to get one."
        );
        return Ok(());
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
    Ok(())
}

/// The support desk's owner answers the tasks a completed demo request needed.
async fn settle_manual_tasks(svc: &Services, request_id: &str) -> Result<(), AnyError> {
    use crate::domain::stores::{StoreKind, TaskStatus};
    use crate::workflow::tasks::{self, Settle};
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
