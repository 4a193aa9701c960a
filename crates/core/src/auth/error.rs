//! The one error type of staff authentication and accounts; `web/error.rs` maps it to HTTP.

use super::{mfa, password};
use steward_db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// One message for unknown account, wrong password, inactive or locked account.
    #[error("email or password is not right, or the account is locked for a while")]
    BadCredentials,
    /// One message for a wrong, reused or expired code and a locked account.
    #[error("the code is not right or was already used, or the account is locked for a while")]
    BadCode,
    /// The half-signed-in session is gone (expired, locked out, or used).
    #[error("your sign-in has expired; please sign in again")]
    SignInAgain,
    /// The current password, asked again before a change.
    #[error("is not right")]
    WrongPassword,
    /// A TOTP or recovery code asked again before a change.
    #[error("is not right or was already used")]
    WrongCode,
    #[error("password {0}")]
    Password(#[from] password::PasswordError),
    #[error("no such staff user")]
    NoSuchUser,
    #[error("no such API token, or it is already revoked")]
    NoSuchToken,
    #[error("a user with this email already exists")]
    UserExists,
    /// Refused so the portal always keeps someone who can manage users.
    #[error("this is the last active administrator; make someone else an administrator first")]
    LastAdmin,
    #[error("this setup link is not valid or has expired; ask an administrator for a new one")]
    InvalidSetupLink,
    #[error(transparent)]
    Totp(#[from] mfa::TotpError),
    #[error(transparent)]
    Crypto(#[from] steward_db::crypto::CryptoError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for AuthError {
    fn from(e: diesel::result::Error) -> Self {
        AuthError::Db(e.into())
    }
}
