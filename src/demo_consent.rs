//! Demo consent data: three purposes (one with a second notice version), and a year of
//! visitors' choices so the console's charts show something.

use chrono::{Duration, NaiveDateTime};

use steward_core::audit::Actor;
use steward_core::workflow::Services;
use steward_core::workflow::consent::{self, NewPurpose};
use steward_db as db;
use steward_db::consent as store;
use steward_db::models::ConsentRow;
use steward_domain::consent::{ConsentMethod, ConsentStatus, PurposeKey, Subject};

type AnyError = Box<dyn std::error::Error + Send + Sync>;

/// Visitors in the demo ledger.
const VISITORS: u32 = 1500;

fn key(s: &str) -> PurposeKey {
    PurposeKey::parse(s).expect("valid demo key")
}

/// A small deterministic generator, so every demo looks alike.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Loads the demo purposes and records once; returns how many records were written.
pub async fn load(svc: &Services, staff: &Actor) -> Result<usize, AnyError> {
    if !consent::purposes(svc).await?.is_empty() {
        return Ok(0);
    }
    let purposes = [
        (
            "essential",
            "Essential cookies",
            "Keep the basket and sign-in working.",
            false,
            true,
            "These cookies keep your basket and sign-in working. They cannot be switched off.",
        ),
        (
            "analytics",
            "Analytics",
            "Count visits to improve the shop.",
            false,
            false,
            "We count visits and clicks to learn which pages help you.\nData is kept for 13 months.",
        ),
        (
            "ads",
            "Personalised advertising",
            "Share data with advertising partners.",
            true,
            false,
            "We share your browsing on this site with advertising partners to show you relevant ads.",
        ),
    ];
    for (k, name, description, sale, necessary, text) in purposes {
        let p = NewPurpose {
            key: key(k),
            name: name.into(),
            description: description.into(),
            sale_or_sharing: sale,
            necessary,
            notice_text: text.into(),
        };
        consent::create_purpose(svc, p, staff.clone()).await?;
    }
    consent::publish_notice(
        svc,
        key("analytics"),
        "We count visits and clicks to learn which pages help you.\nData is kept for 6 months."
            .into(),
        staff.clone(),
    )
    .await?;

    let keys = svc.keys.clone();
    let now = db::now();
    let written = svc
        .db
        .run(move |c| {
            db::write_tx(c, |c| {
                let mut rng = Lcg(42);
                let mut n = 0;
                for v in 0..VISITORS {
                    let subject = Subject::opaque(&format!("demo-visitor-{v:05}")).expect("valid");
                    let index = keys.blind_index(subject.index_kind(), &subject.normalised());
                    let first: NaiveDateTime =
                        now - Duration::minutes(rng.next(360 * 24 * 60) as i64 + 60);
                    // Opt-in grows over the year: later visitors accept more often.
                    let accept_pct =
                        35 + 40 * (first - (now - Duration::days(365))).num_days() / 365;
                    for (purpose, version) in [("analytics", 2), ("ads", 1)] {
                        let granted = (rng.next(100) as i64)
                            < accept_pct - if purpose == "ads" { 20 } else { 0 };
                        let mut at = first;
                        let mut choices = vec![granted];
                        if granted && rng.next(10) == 0 {
                            choices.push(false);
                        }
                        for g in choices {
                            let id = uuid::Uuid::now_v7().to_string();
                            let row = ConsentRow {
                                subject_enc: Some(keys.seal(
                                    &subject.as_text(),
                                    steward_db::slots::consent_subject(&id),
                                )),
                                id,
                                subject_index: index.clone(),
                                subject_kind: subject.kind(),
                                purpose_key: key(purpose),
                                notice_version: if purpose == "analytics"
                                    && at < now - Duration::days(60)
                                {
                                    1
                                } else {
                                    version
                                },
                                status: if g {
                                    ConsentStatus::Granted
                                } else {
                                    ConsentStatus::Withdrawn
                                },
                                method: ConsentMethod::Banner,
                                jurisdiction: None,
                                recorded_at: at,
                                ip_hmac: None,
                                user_agent: Some("Mozilla/5.0 (demo)".into()),
                                page_url: Some("https://shop.example/".into()),
                                gpc: false,
                                banner_version: Some("1".into()),
                                note: None,
                                recorded_by: None,
                                site_key_id: None,
                                pseudonymised_at: None,
                                language: Some(steward_domain::Language::En),
                                notice_language: None,
                            };
                            store::append(c, std::slice::from_ref(&row))?;
                            n += 1;
                            at += Duration::days(rng.next(30) as i64 + 1);
                            if at > now {
                                break;
                            }
                        }
                    }
                }
                Ok::<_, AnyError>(n)
            })
        })
        .await?;
    Ok(written)
}
