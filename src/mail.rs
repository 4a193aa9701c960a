//! Outgoing email: SMTP when `STEWARD_SMTP_URL` is set, otherwise `.eml` files under `mail/`
//! so a first run needs no mail server. Logs never name recipients.

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Config;
use crate::domain::EmailAddress;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("SMTP URL: {0}")]
    Url(String),
    #[error("mail directory {0}: {1}")]
    Dir(String, std::io::Error),
    #[error("could not build the message: {0}")]
    Build(String),
    #[error("could not send: {0}")]
    Send(String),
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, String),
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

/// One plain-text email.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub to: EmailAddress,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    pub fn from_config(config: &Config) -> Result<Self, MailError> {
        let transport = match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailError::Url(e.to_string()))?
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(&config.mail_dir)
                    .map_err(|e| MailError::Dir(config.mail_dir.display().to_string(), e))?;
                Transport::Files(
                    AsyncFileTransport::new(&config.mail_dir),
                    config.mail_dir.display().to_string(),
                )
            }
        };
        Ok(Mailer {
            transport,
            from: config.mail_from.clone(),
        })
    }

    pub async fn send(&self, mail: Outgoing) -> Result<(), MailError> {
        let to: Mailbox = mail
            .to
            .as_str()
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Build(e.to_string()))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body)
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(t) => {
                t.send(message)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
            }
            Transport::Files(t, dir) => {
                let id = t
                    .send(message)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                tracing::info!("mail written to {dir}/{id}.eml");
            }
        }
        Ok(())
    }
}
