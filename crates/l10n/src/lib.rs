//! What customers read, in their language: the message files under `locales/` (Project
//! Fluent, one folder per language, compiled into the binary), the choice of language, and
//! the words for the product's vocabularies. The console stays English and does not use this.
//!
//! A pseudo-language marks every message it returns (`⟦…⟧`), so a test can find text on a
//! page or in an email that did not come from the message files.

mod banner;
mod negotiate;
mod tr;
mod words;

pub use banner::{BANNER_MESSAGES, banner_words};
pub use negotiate::{LANGUAGE_COOKIE, PSEUDO_TAG, negotiate};
pub use steward_domain::Language;
pub use tr::{Arg, Locale, PSEUDO_CLOSE, PSEUDO_OPEN, Tr};
