//! Everything the workflow needs from the outside world, built once at start-up and handed
//! to every workflow function.

use crate::config::Config;
use crate::mail::Mailer;
use steward_db::Db;
use steward_db::crypto::Keys;

/// Everything the workflow needs from the outside world, built once at start-up.
#[derive(Clone)]
pub struct Services {
    pub db: Db,
    pub keys: Keys,
    pub mailer: Mailer,
    pub config: Config,
    /// Where stores may be reached (`Config::reach`), worked out once at start-up.
    pub reach: steward_connectors::reach::Reach,
    /// Wakes the scheduler when new connector work exists.
    pub jobs: std::sync::Arc<tokio::sync::Notify>,
    /// Each SQL store's long-lived connection pool and cached schema.
    pub pools: std::sync::Arc<steward_connectors::pools::StorePools>,
    /// This process's counters and histograms for `/metrics`.
    pub metrics: std::sync::Arc<crate::metrics::Metrics>,
    /// The overview's weekly and monthly figures, reused for a few minutes.
    pub figures: std::sync::Arc<super::figure_cache::FigureCache>,
    /// The shop's brand, as every public page and email shows it.
    pub brand: std::sync::Arc<super::brand::cache::BrandCache>,
    /// The purposes' texts in other languages, as the banner shows them.
    pub translations: std::sync::Arc<super::consent::translation_cache::TranslationCache>,
    /// Connector jobs' results, saved in shared transactions when they end together.
    pub commits: std::sync::Arc<super::group_commit::GroupCommit>,
}

impl Services {
    /// Sends one email, timed as the request step `mail`.
    pub async fn send_mail(
        &self,
        mail: crate::mail::Outgoing,
    ) -> Result<(), crate::mail::MailError> {
        self.metrics
            .time(crate::metrics::Step::Mail, self.mailer.send(mail))
            .await
    }

    pub fn today(&self) -> chrono::NaiveDate {
        chrono::Utc::now()
            .with_timezone(&self.config.timezone)
            .date_naive()
    }

    pub fn status_url(&self, request_id: &str, public_id: &str) -> String {
        format!(
            "{}/privacy/requests/{}?token={}",
            self.config.base_url,
            public_id,
            self.keys.status_token(request_id)
        )
    }
}
