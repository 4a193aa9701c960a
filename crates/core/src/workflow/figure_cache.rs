//! The overview's slow figures, kept between requests (held by `Services`).

use chrono::NaiveDate;

use steward_domain::overview::{Month, Responding, Week};

/// The weekly and monthly figures, kept a few minutes: over a long history they take about a
/// second to read (a million requests on SQLite), and they move slowly. The tiles are live.
#[derive(Default)]
pub struct FigureCache(pub(crate) std::sync::Mutex<Option<(std::time::Instant, Figures)>>);

/// How long the figures are reused.
pub(crate) const FIGURES_FOR: std::time::Duration = std::time::Duration::from_secs(300);

#[derive(Clone)]
pub struct Figures {
    pub(crate) today: NaiveDate,
    pub(crate) as_of: String,
    pub(crate) received_per_week: Vec<Week>,
    pub(crate) on_time_per_month: Vec<Month>,
    pub(crate) median_days_to_respond: Vec<Responding>,
}
