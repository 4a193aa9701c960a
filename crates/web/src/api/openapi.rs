//! `GET /api/v1/openapi.json`: the API described as OpenAPI 3.1, built from the route table.
//! Paths, verbs, path parameters and who may call each come from `routes::RULES`; what each
//! call takes and answers is described once here, beside the table (a unit test fails when a
//! route has no description, or a description no route). Every error answers
//! `{"error": "...", "field": ...}`, documented as each operation's default response.

use actix_web::HttpResponse;
use serde_json::{Map, Value, json};

use crate::access::{Access, Rule, Verb};
use steward_domain::Action;
use steward_domain::consent::PurposeKey;
use steward_domain::holidays::Calendar;
use steward_domain::openapi::words;
use utoipa::PartialSchema;

/// A schema derived from a Rust type, with the named schemas it refers to.
pub(crate) struct Described {
    schema: Value,
    components: Vec<(String, Value)>,
}

/// The description of the type a handler reads a body into, or builds an answer from.
fn of<T: utoipa::ToSchema>() -> Described {
    let mut refs = Vec::new();
    T::schemas(&mut refs);
    let json = |s| serde_json::to_value(s).expect("a schema is JSON");
    Described {
        schema: json(T::schema()),
        components: refs.into_iter().map(|(n, s)| (n, json(s))).collect(),
    }
}

/// What one call takes and answers.
pub(crate) struct Op {
    summary: &'static str,
    /// Query parameters: name and JSON Schema type.
    query: &'static [(&'static str, &'static str)],
    body: Option<Described>,
    /// Success status and its body: a JSON type, or `None` for CSV (or nothing, for 204).
    ok: (u16, Option<Described>),
}

/// This description itself: an OpenAPI document.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // only described: the document is built as JSON
struct OpenApiDocument {
    openapi: String,
    #[schema(value_type = Object)]
    paths: (),
}

pub(crate) fn doc(verb: Verb, path: &str) -> Option<Op> {
    use super::{
        banner, brand, calendars, consent, consent_services, corrections, overview, requests,
        stores, tasks,
    };
    use Verb::*;
    use steward_core::workflow::{corrections as fixes, stores as registry, tasks as queue};
    let csv = |summary, query| Op {
        summary,
        query,
        body: None,
        ok: (200, None),
    };
    let get = |summary, query, answer: Described| Op {
        summary,
        query,
        body: None,
        ok: (200, Some(answer)),
    };
    let post = |summary, body: Described, status, answer: Described| Op {
        summary,
        query: &[],
        body: Some(body),
        ok: (status, Some(answer)),
    };
    // An action on what the path names; nothing is read from the body.
    let act = |summary, answer: Described| Op {
        summary,
        query: &[],
        body: None,
        ok: (200, Some(answer)),
    };
    Some(match (verb, path) {
        (Post, "/api/v1/requests") => post(
            "File a request received by email, post or phone",
            of::<requests::NewRequest>(),
            201,
            of::<requests::RequestJson>(),
        ),
        (Get, "/api/v1/requests") => get(
            "Search and list requests, soonest deadline first",
            &[
                ("q", "string"),
                ("status", "string"),
                ("kind", "string"),
                ("jurisdiction", "string"),
                ("overdue", "boolean"),
                ("limit", "integer"),
                ("offset", "integer"),
            ],
            of::<requests::RequestPage>(),
        ),
        (Get, "/api/v1/overview") => get(
            "The overview's figures: the team's, or a store owner's own tasks'",
            &[],
            of::<overview::OverviewAnswer>(),
        ),
        (Get, "/api/v1/openapi.json") => get("This description", &[], of::<OpenApiDocument>()),
        (Get, "/api/v1/requests/{id}") => get(
            "One request with its tasks",
            &[],
            of::<requests::RequestJson>(),
        ),
        (Get, "/api/v1/requests/{id}/package.csv") => {
            csv("The requester's data package as CSV (audited)", &[])
        }
        (Get, "/api/v1/requests/{id}/corrections") => get(
            "A correction's previews per SQL store",
            &[],
            of::<corrections::Review>(),
        ),
        (Post, "/api/v1/requests/{id}/corrections") => post(
            "Approve or reject each previewed field, then apply",
            of::<corrections::Approval>(),
            200,
            of::<fixes::Approval>(),
        ),
        (Post, "/api/v1/requests/{id}/{action}") => post(
            "Take an action: verify, pause, resume, extend, deny, complete, withdraw",
            of::<requests::ActionBody>(),
            200,
            of::<requests::RequestJson>(),
        ),
        (Post, "/api/v1/stores") => post(
            "Register a data store",
            of::<stores::NewStore>(),
            201,
            of::<registry::StoreView>(),
        ),
        (Get, "/api/v1/stores") => get("Every data store", &[], of::<stores::StoreList>()),
        (Get, "/api/v1/stores/{id}") => get("One data store", &[], of::<registry::StoreView>()),
        (Patch, "/api/v1/stores/{id}") => Op {
            summary: "Change a data store (fields given)",
            query: &[],
            body: Some(of::<stores::StoreChange>()),
            ok: (200, Some(of::<registry::StoreView>())),
        },
        (Post, "/api/v1/stores/{id}/deactivate") => act(
            "Stop sending new tasks to a store",
            of::<registry::StoreView>(),
        ),
        (Get, "/api/v1/tasks") => get(
            "Store tasks: one's own stores', or all for privacy staff",
            &[
                ("mine", "boolean"),
                ("open", "boolean"),
                ("limit", "integer"),
                ("offset", "integer"),
            ],
            of::<queue::TaskPage>(),
        ),
        (Get, "/api/v1/tasks/{id}") => get("One store task", &[], of::<queue::TaskView>()),
        (Post, "/api/v1/tasks/{id}/result") => post(
            "A store's answer to its task (signed by the store, or a staff token)",
            of::<tasks::TaskResult>(),
            200,
            of::<tasks::Accepted>(),
        ),
        (Post, "/api/v1/tasks/{id}/retry") => {
            act("Run a failed connector task again", of::<queue::TaskView>())
        }
        (Get, "/api/v1/exports/breaches.csv") => csv("The breach register", &[]),
        (Get, "/api/v1/exports/requests.csv") => csv(
            "One row per request received in the range (11 CCR 7101(b))",
            &[("from", "string"), ("to", "string"), ("include", "string")],
        ),
        (Get, "/api/v1/exports/ccpa-metrics.csv") => csv(
            "CCPA metrics of a year (11 CCR 7102(a))",
            &[("year", "integer")],
        ),
        (Get, "/api/v1/exports/ropa.csv") => csv("The record of processing activities", &[]),
        (Get, "/api/v1/exports/audit.csv") => csv(
            "Audit rows with their hashes",
            &[
                ("from", "string"),
                ("to", "string"),
                ("actor", "string"),
                ("action", "string"),
            ],
        ),
        (Get, "/api/v1/exports/consent.csv") => csv(
            "Every consent record with its proof",
            &[("from", "string"), ("to", "string"), ("purpose", "string")],
        ),
        (Get, "/api/v1/exports/consent-services.csv") => csv(
            "Every purpose's services with their cookies and storage keys",
            &[],
        ),
        (Get, "/api/v1/settings/brand") => get(
            "The shop's brand as customers see it",
            &[],
            of::<brand::BrandJson>(),
        ),
        (Patch, "/api/v1/settings/brand") => Op {
            summary: "Change the shop's brand (fields given; the accent's contrast is checked)",
            query: &[],
            body: Some(of::<brand::BrandChange>()),
            ok: (200, Some(of::<brand::BrandJson>())),
        },
        (Get, "/api/v1/calendars") => get(
            "Holiday calendars of a year",
            &[("year", "integer")],
            of::<calendars::CalendarList>(),
        ),
        (Post, "/api/v1/calendars/{key}/days") => post(
            "Add or remove a day of a holiday calendar",
            of::<calendars::DayChange>(),
            200,
            of::<calendars::DayChanged>(),
        ),
        (Post, "/api/v1/purposes") => post(
            "Create a consent purpose with its first notice",
            of::<consent::NewPurposeBody>(),
            201,
            of::<consent::PurposeJson>(),
        ),
        (Get, "/api/v1/purposes") => get("Consent purposes", &[], of::<consent::PurposeList>()),
        (Post, "/api/v1/purposes/{key}/notices") => post(
            "Publish a new version of a purpose's notice",
            of::<consent::NoticeBody>(),
            201,
            of::<consent::PurposeJson>(),
        ),
        (Post, "/api/v1/purposes/{key}/translations") => post(
            "Publish a purpose's name, description and notice in another language (that language's next version)",
            of::<consent::TranslationBody>(),
            201,
            of::<consent::PurposeJson>(),
        ),
        (Post, "/api/v1/site-keys") => post(
            "Create a site key for the consent banner",
            of::<consent::SiteKeyBody>(),
            201,
            of::<consent::SiteKeyCreated>(),
        ),
        (Options, "/api/v1/consent") | (Options, "/api/v1/consent/banner") => Op {
            summary: "CORS pre-flight of the consent API",
            query: &[],
            body: None,
            ok: (204, None),
        },
        (Post, "/api/v1/consent") => post(
            "Record consent choices for a subject",
            of::<consent::ConsentBody>(),
            201,
            of::<consent::RecordAnswer>(),
        ),
        (Get, "/api/v1/consent") => get(
            "A subject's current consent and history",
            &[("subject", "string")],
            of::<consent::SubjectConsent>(),
        ),
        (Get, "/api/v1/consent/banner") => get(
            "The banner's purposes, services, notices, rules and the visitor's choices (site key)",
            &[
                ("visitor", "string"),
                ("region", "string"),
                ("key", "string"),
            ],
            of::<banner::BannerJson>(),
        ),
        (Post, "/api/v1/consent/banner") => post(
            "A visitor's choices from the banner (site key)",
            of::<banner::BannerBody>(),
            201,
            of::<banner::BannerJson>(),
        ),
        (Get, "/api/v1/consent/{id}") => get(
            "One consent record with its proof and the notice shown",
            &[],
            of::<consent::RecordProof>(),
        ),
        (Post, "/api/v1/purposes/{key}/services") => post(
            "Add a service (recipient) with its cookies to a purpose",
            of::<consent_services::ServiceBody>(),
            201,
            of::<consent_services::ServiceJson>(),
        ),
        (Delete, "/api/v1/purposes/{key}/services/{id}") => Op {
            summary: "Remove a service from a purpose",
            query: &[],
            body: None,
            ok: (204, None),
        },
        _ => return None,
    })
}

fn operation_id(verb: Verb, path: &str) -> String {
    format!(
        "{}{}",
        verb.as_str().to_lowercase(),
        path.replace(['/', '{', '}', '.', '-'], "_")
    )
}

/// What a created object's id leads to (OpenAPI links), so generated tests go on to act on
/// the objects they created.
fn links_from(verb: Verb, path: &str) -> Option<Value> {
    let to = |targets: &[(Verb, &str)], param: &str, from: &str| -> Value {
        let mut m = Map::new();
        for (v, p) in targets {
            m.insert(
                operation_id(*v, p),
                json!({"operationId": operation_id(*v, p), "parameters": {param: from}}),
            );
        }
        Value::Object(m)
    };
    use Verb::*;
    match (verb, path) {
        (Post, "/api/v1/requests") => Some(to(
            &[
                (Get, "/api/v1/requests/{id}"),
                (Get, "/api/v1/requests/{id}/corrections"),
                (Get, "/api/v1/requests/{id}/package.csv"),
                (Post, "/api/v1/requests/{id}/corrections"),
                (Post, "/api/v1/requests/{id}/{action}"),
            ],
            "id",
            "$response.body#/id",
        )),
        (Post, "/api/v1/stores") => Some(to(
            &[
                (Get, "/api/v1/stores/{id}"),
                (Patch, "/api/v1/stores/{id}"),
                (Post, "/api/v1/stores/{id}/deactivate"),
            ],
            "id",
            "$response.body#/id",
        )),
        (Post, "/api/v1/purposes") => Some(to(
            &[
                (Post, "/api/v1/purposes/{key}/notices"),
                (Post, "/api/v1/purposes/{key}/translations"),
            ],
            "key",
            "$response.body#/key",
        )),
        _ => None,
    }
}

/// A path parameter's schema: the vocabulary where the domain has one.
fn path_parameter(path: &str, name: &str) -> Value {
    let schema = match name {
        "action" => words(Action::STAFF_WORDS.iter().copied()),
        "key" if path.starts_with("/api/v1/calendars/") => {
            words(Calendar::ALL.iter().map(|c| c.key()))
        }
        "key" => PurposeKey::schema(),
        _ => return json!({"type": "string"}),
    };
    serde_json::to_value(schema).expect("a schema is JSON")
}

fn path_parameters(path: &str) -> Vec<Value> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(|name| {
            let mut p = json!({"name": name, "in": "path", "required": true,
                               "schema": path_parameter(path, name)});
            // The action the body's example is written for.
            if name == "action" {
                p["example"] = "verify".into();
            }
            p
        })
        .collect()
}

fn operation(verb: Verb, path: &str, access: Access, op: &Op) -> Value {
    let mut o = Map::new();
    o.insert("summary".into(), op.summary.into());
    o.insert("operationId".into(), operation_id(verb, path).into());
    let mut params = path_parameters(path);
    params.extend(op.query.iter().map(|(name, ty)| {
        json!({"name": name, "in": "query", "required": false, "schema": {"type": ty}})
    }));
    if !params.is_empty() {
        o.insert("parameters".into(), params.into());
    }
    if let Some(body) = &op.body {
        // The type's example goes beside its schema, once (a client sending every example it
        // finds would otherwise send it twice).
        let mut schema = body.schema.clone();
        let example = schema.as_object_mut().and_then(|o| {
            o.remove("example")
                .or_else(|| o.remove("examples").and_then(|e| e.get(0).cloned()))
        });
        let mut media = json!({ "schema": schema });
        if let Some(example) = example {
            media["example"] = example;
        }
        o.insert(
            "requestBody".into(),
            json!({"required": true, "content": {"application/json": media}}),
        );
    }
    let (status, answer) = &op.ok;
    let ok = match answer {
        Some(answer) => {
            let mut ok = json!({"description": "Done",
                                "content": {"application/json": {"schema": answer.schema}}});
            if let Some(links) = links_from(verb, path) {
                ok["links"] = links;
            }
            ok
        }
        None if *status == 204 => json!({"description": "No content"}),
        None => {
            json!({"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}})
        }
    };
    o.insert(
        "responses".into(),
        json!({
            status.to_string(): ok,
            "default": {"description": "An error, naming the field when one is at fault",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }),
    );
    let security = match access {
        Access::SiteKey(None) => json!([{"siteKey": []}]),
        Access::SiteKey(Some(_)) => json!([{"siteKey": []}, {"bearer": []}]),
        Access::Public => json!([]),
        _ => json!([{"bearer": []}]),
    };
    o.insert("security".into(), security);
    o.insert("x-steward-access".into(), format!("{access:?}").into());
    Value::Object(o)
}

/// The whole description of the routes of this table under `/api/v1/`.
pub fn document(rules: &[Rule]) -> Value {
    let mut paths = Map::new();
    let mut schemas = Map::new();
    schemas.insert(
        "Error".into(),
        json!({"type": "object", "required": ["error"],
               "properties": {"error": {"type": "string"}, "field": {"type": ["string", "null"]}}}),
    );
    for r in rules.iter().filter(|r| r.path.starts_with("/api/v1/")) {
        let Some(op) = doc(r.verb, r.path) else {
            continue;
        };
        let item = paths.entry(r.path.to_string()).or_insert_with(|| json!({}));
        item[r.verb.as_str().to_lowercase()] = operation(r.verb, r.path, r.access, &op);
        // The named types the bodies and answers refer to (`#/components/schemas/…`).
        for described in op.body.iter().chain(op.ok.1.iter()) {
            for (name, schema) in &described.components {
                schemas.insert(name.clone(), schema.clone());
            }
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Steward API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Privacy requests, data stores and their tasks, consent, exports. Staff calls take `Authorization: Bearer <token>` (steward token create); the consent banner's calls take a site key."},
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "siteKey": {"type": "apiKey", "in": "header", "name": "X-Steward-Site-Key"}
            },
            "schemas": schemas
        }
    })
}

/// The description, built once from the route table when the app is configured.
pub struct Description(pub Value);

pub async fn get(description: actix_web::web::Data<Description>) -> HttpResponse {
    HttpResponse::Ok().json(&description.0)
}
