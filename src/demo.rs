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
            requests::act(svc, staff.clone(), &filed.id, *step, input_for(*step)).await?;
        }
    }
    println!("Demo data loaded: {} requests.", PEOPLE.len());
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
