//! Outgoing email: SMTP when `STEWARD_SMTP_URL` is set, otherwise `.eml` files under `mail/`
//! so a first run needs no mail server. Logs never name recipients.

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Config;
use steward_domain::EmailAddress;

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
    /// lettre's SMTP pool spawns its housekeeping on the current Tokio runtime; built outside
    /// one it would panic, so the caller is told instead.
    #[error("STEWARD_SMTP_URL: the mailer must be built inside the async runtime")]
    NoRuntime,
    #[error("STEWARD_SMTP_URL: the SMTP server {0} does not answer: {1}")]
    Unreachable(String, String),
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
    /// Must run inside a Tokio runtime when SMTP is configured (the pool lives on it).
    pub fn from_config(config: &Config) -> Result<Self, MailError> {
        let transport = match &config.smtp_url {
            Some(url) => {
                if tokio::runtime::Handle::try_current().is_err() {
                    return Err(MailError::NoRuntime);
                }
                Transport::Smtp(
                    AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                        .map_err(|e| MailError::Url(e.to_string()))?
                        .build(),
                )
            }
            None => {
                std::fs::create_dir_all(&config.mail_dir)
                    .and_then(|()| private(&config.mail_dir, 0o700))
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

    /// Start-up check: the SMTP server answers (connects and says hello). File mail always
    /// passes. The error names the server by host and port only, never its credentials.
    pub async fn check(&self, config: &Config) -> Result<(), MailError> {
        let Transport::Smtp(t) = &self.transport else {
            return Ok(());
        };
        let server = config
            .smtp_url
            .as_deref()
            .map(server_of)
            .unwrap_or_default();
        match t.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err(MailError::Unreachable(server, "no answer".into())),
            Err(e) => Err(MailError::Unreachable(server, e.to_string())),
        }
    }

    pub async fn send(&self, mail: Outgoing) -> Result<(), MailError> {
        let to: Mailbox =
            mail.to
                .as_str()
                .parse()
                .map_err(|e: lettre::address::AddressError| {
                    MailError::Build(without_addresses(&e.to_string()))
                })?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body)
            .map_err(|e| MailError::Build(without_addresses(&e.to_string())))?;
        match &self.transport {
            Transport::Smtp(t) => {
                t.send(message)
                    .await
                    .map_err(|e| MailError::Send(without_addresses(&e.to_string())))?;
            }
            Transport::Files(t, dir) => {
                let id = t
                    .send(message)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                // Mails hold status, preference and set-up links: for Steward's user only.
                let file = std::path::Path::new(dir).join(format!("{id}.eml"));
                private(&file, 0o600).map_err(|e| MailError::Send(e.to_string()))?;
                tracing::info!("mail written to {dir}/{id}.eml");
            }
        }
        Ok(())
    }
}

/// A mail server's answer without the addresses it quotes ("550 5.1.1 <jane@example.org>
/// unknown"): the error goes into logs and the request's timeline, which never name a person.
fn without_addresses(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            if word.contains('@') {
                "[address]"
            } else {
                word
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Only Steward's own user may read (and, for the folder, enter) it.
fn private(path: &std::path::Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// `host:port` of an SMTP URL, without user or password.
fn server_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    rest.split(['/', '?']).next().unwrap_or(rest).to_string()
}

#[cfg(test)]
mod tests {
    use super::{server_of, without_addresses};

    #[test]
    fn a_server_answer_loses_its_addresses() {
        let said = without_addresses(
            "permanent error (550): 5.1.1 <jane.private@example.org>: Recipient address rejected",
        );
        assert!(!said.contains("jane") && !said.contains('@'), "{said}");
        assert!(
            said.contains("550") && said.contains("Recipient address rejected"),
            "{said}"
        );
    }

    #[test]
    fn the_server_is_named_without_credentials() {
        assert_eq!(
            server_of("smtps://user:p@ss@mail.example:465"),
            "mail.example:465"
        );
        assert_eq!(
            server_of("smtp://127.0.0.1:2525?tls=none"),
            "127.0.0.1:2525"
        );
    }
}
