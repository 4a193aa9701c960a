//! Prometheus metrics at `GET /metrics`: HTTP requests and latency by route, connector job
//! time and failures by connector kind (counted as they happen), and requests by status and
//! jurisdiction, overdue requests and tasks by status (read from the database at each scrape,
//! so every process reports the same truth).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
pub use steward_db::reports::Snapshot;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HttpLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabel {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ConnectorLabel {
    connector: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StepLabel {
    step: &'static str,
}

/// The steps a data-subject request goes through, each timed on its own (a tracing span and
/// `steward_step_duration_seconds`), so a slow request shows which step it was slow in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// An HTTP request, start to end of its answer (every route).
    Http,
    /// Filing a request: its transaction (the request, its timeline, its audit row).
    FileCommit,
    /// Verifying a request: its transaction, which also creates its store tasks.
    VerifyCommit,
    /// Any other staff action on a request (extend, deny, complete…): its transaction.
    ActionCommit,
    /// Claiming due connector jobs, so that no other process runs them.
    Claim,
    /// Before an erasure: every SQL store of the request checked reachable and its map
    /// against the live schema.
    Preflight,
    /// A connector job's work in the store: connection, queries, webhook call.
    ConnectorQuery,
    /// Saving what a connector job found or did (its task, records, timeline, audit).
    TaskSave,
    /// Sending one email.
    Mail,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Http => "http",
            Step::FileCommit => "file_commit",
            Step::VerifyCommit => "verify_commit",
            Step::ActionCommit => "action_commit",
            Step::Claim => "claim",
            Step::Preflight => "preflight",
            Step::ConnectorQuery => "connector_query",
            Step::TaskSave => "task_save",
            Step::Mail => "mail",
        }
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    status: String,
    jurisdiction: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabel {
    status: String,
}

fn latency() -> Histogram {
    // 0.5 ms … ~16 s.
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

/// The counters and histograms kept in this process.
pub struct Metrics {
    http_requests: Family<HttpLabels, Counter>,
    http_seconds: Family<RouteLabel, Histogram, fn() -> Histogram>,
    job_seconds: Family<ConnectorLabel, Histogram, fn() -> Histogram>,
    connector_failures: Family<ConnectorLabel, Counter>,
    step_seconds: Family<StepLabel, Histogram, fn() -> Histogram>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            http_requests: Family::default(),
            http_seconds: Family::new_with_constructor(latency),
            job_seconds: Family::new_with_constructor(latency),
            connector_failures: Family::default(),
            step_seconds: Family::new_with_constructor(latency),
        }
    }
}

impl Metrics {
    /// One HTTP request, by the route's pattern (never the raw path: ids would explode the
    /// series, and paths can carry tokens).
    pub fn observe_http(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.http_requests
            .get_or_create(&HttpLabels {
                method: method.to_string(),
                route: route.to_string(),
                status,
            })
            .inc();
        self.http_seconds
            .get_or_create(&RouteLabel {
                route: route.to_string(),
            })
            .observe(seconds);
        self.observe_step(Step::Http, seconds);
    }

    /// One step of a request's work, timed.
    pub fn observe_step(&self, step: Step, seconds: f64) {
        self.step_seconds
            .get_or_create(&StepLabel {
                step: step.as_str(),
            })
            .observe(seconds);
    }

    /// Runs `work` as one step: inside a tracing span named for it, its time kept in the
    /// step's histogram.
    pub async fn time<T>(&self, step: Step, work: impl std::future::Future<Output = T>) -> T {
        use tracing::Instrument;
        let started = std::time::Instant::now();
        let out = work
            .instrument(tracing::info_span!("step", step = step.as_str()))
            .await;
        self.observe_step(step, started.elapsed().as_secs_f64());
        out
    }

    /// One connector job: its run time, and whether it failed.
    pub fn observe_job(&self, connector: &str, seconds: f64, failed: bool) {
        let label = ConnectorLabel {
            connector: connector.to_string(),
        };
        self.job_seconds.get_or_create(&label).observe(seconds);
        if failed {
            self.connector_failures.get_or_create(&label).inc();
        }
    }

    /// The text exposition format, with the snapshot's gauges.
    pub fn render(&self, snapshot: &Snapshot) -> String {
        let mut registry = Registry::with_prefix("steward");
        registry.register(
            "http_requests",
            "HTTP requests by method, route and status",
            self.http_requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "HTTP request latency by route",
            self.http_seconds.clone(),
        );
        registry.register(
            "job_duration_seconds",
            "Connector job run time by connector kind",
            self.job_seconds.clone(),
        );
        registry.register(
            "step_duration_seconds",
            "Time spent in each step of a request's work (http, file_commit, verify_commit, action_commit, claim, preflight, connector_query, task_save, mail)",
            self.step_seconds.clone(),
        );
        registry.register(
            "connector_failures",
            "Connector jobs that failed, by connector kind",
            self.connector_failures.clone(),
        );
        let requests = Family::<RequestLabels, Gauge>::default();
        for (status, jurisdiction, n) in &snapshot.requests {
            requests
                .get_or_create(&RequestLabels {
                    status: status.clone(),
                    jurisdiction: jurisdiction.clone(),
                })
                .set(*n);
        }
        registry.register(
            "requests",
            "Data-subject requests by status and jurisdiction",
            requests,
        );
        let overdue = Gauge::<i64>::default();
        overdue.set(snapshot.overdue);
        registry.register(
            "requests_overdue",
            "Open requests past their statutory due date",
            overdue,
        );
        let tasks = Family::<StatusLabel, Gauge>::default();
        for (status, n) in &snapshot.tasks {
            tasks
                .get_or_create(&StatusLabel {
                    status: status.clone(),
                })
                .set(*n);
        }
        registry.register("tasks", "Data-store tasks by status", tasks);
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &registry)
            .expect("writing to a String cannot fail");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_series() {
        let m = Metrics::default();
        m.observe_http("GET", "/api/v1/requests/{id}", 200, 0.004);
        m.observe_job("sql", 0.02, true);
        let text = m.render(&Snapshot {
            requests: vec![("in_progress".into(), "gdpr".into(), 3)],
            overdue: 1,
            tasks: vec![("done".into(), 5)],
        });
        for line in [
            r#"steward_http_requests_total{method="GET",route="/api/v1/requests/{id}",status="200"} 1"#,
            r#"steward_http_request_duration_seconds_count{route="/api/v1/requests/{id}"} 1"#,
            r#"steward_job_duration_seconds_count{connector="sql"} 1"#,
            r#"steward_connector_failures_total{connector="sql"} 1"#,
            r#"steward_requests{status="in_progress",jurisdiction="gdpr"} 3"#,
            "steward_requests_overdue 1",
            r#"steward_tasks{status="done"} 5"#,
        ] {
            assert!(text.contains(line), "{line}\n{text}");
        }
    }
}
