//! Connectors carry a task to the system that holds the data: a person's queue (`manual`), a
//! SQL database searched and erased automatically (`sql`), or a signed webhook (`webhook`).
//! All three sit behind [`Connector`]; a failure is an error for staff to see and retry,
//! never a task silently marked done.

pub mod connector;
pub mod pools;
pub mod reach;
pub mod sql;
pub mod upload;
pub mod webhook;

pub use connector::*;
pub use upload::*;

/// Where a store's data is and how to reach it, with its secrets decrypted: what
/// [`open`] needs, whatever kind the store is.
pub enum Target {
    Manual,
    Sql {
        url: sql::SqlUrl,
        dataset: steward_domain::dataset::Dataset,
        hash_key: Vec<u8>,
    },
    Webhook {
        url: String,
        secret: String,
    },
}

/// Any connector, chosen by [`open`]; the workflow runs it without knowing which it is.
pub enum AnyConnector {
    Manual(Manual),
    Sql(sql::SqlConnector),
    Webhook(webhook::WebhookConnector),
}

/// Opens the connector for a store (for SQL, its pool), where `reach` allows.
pub async fn open(target: Target, reach: &reach::Reach) -> Result<AnyConnector, ConnectorError> {
    Ok(match target {
        Target::Manual => AnyConnector::Manual(Manual),
        Target::Sql {
            url,
            dataset,
            hash_key,
        } => AnyConnector::Sql(sql::SqlConnector::connect(&url, dataset, hash_key, reach).await?),
        Target::Webhook { url, secret } => {
            let client = webhook::client_for(&url, reach).await?;
            AnyConnector::Webhook(webhook::WebhookConnector {
                url,
                secret,
                client,
            })
        }
    })
}

impl AnyConnector {
    /// Releases what the connector holds (a SQL store's connections).
    pub async fn close(self) {
        if let AnyConnector::Sql(c) = self {
            c.close().await;
        }
    }
}

impl Connector for AnyConnector {
    async fn run(
        &self,
        job: Job,
        subject: &Subject,
        task: &TaskInfo,
    ) -> Result<Outcome, ConnectorError> {
        match self {
            AnyConnector::Manual(c) => c.run(job, subject, task).await,
            AnyConnector::Sql(c) => c.run(job, subject, task).await,
            AnyConnector::Webhook(c) => c.run(job, subject, task).await,
        }
    }
}
