//! The closed vocabularies of the product. The same lowercase words are used as form
//! values, JSON values, CSV cells and database text, so each enum parses and prints them.

/// A word that is not one of an enum's values. Carries the allowed words so the
/// message shown to the user can list them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be one of: {}", allowed.join(", "))]
pub struct UnknownWord {
    pub allowed: &'static [&'static str],
}

macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $word:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            /// The stable machine word (form value, JSON, CSV, database).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// Words for people, as shown in pages and emails.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::kinds::UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s { $($word => Ok($name::$variant),)+ _ => Err($crate::kinds::UnknownWord { allowed: Self::WORDS }) }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { f.write_str(self.as_str()) }
        }
    };
}
pub(crate) use word_enum;

word_enum!(
    /// What the data subject asks for.
    RequestKind {
        Access => "access", "See my data (access)";
        Correction => "correction", "Correct my data";
        Deletion => "deletion", "Delete my data";
        Portability => "portability", "Get my data to take elsewhere (portability)";
        OptOut => "opt_out", "Do not sell or share my data (opt-out)";
        LimitUse => "limit_use", "Limit use of my sensitive data";
        Restriction => "restriction", "Restrict processing of my data";
        Objection => "objection", "Object to processing of my data";
    }
);

impl RequestKind {
    /// The short name staff work with all day ("Opt-out of sale or sharing"); the subject
    /// sees [`RequestKind::label`], written as what they ask for.
    pub fn staff_label(self) -> &'static str {
        match self {
            RequestKind::Access => "Access",
            RequestKind::Correction => "Correction",
            RequestKind::Deletion => "Deletion",
            RequestKind::Portability => "Portability",
            RequestKind::OptOut => "Opt-out of sale or sharing",
            RequestKind::LimitUse => "Limit use of sensitive data",
            RequestKind::Restriction => "Restriction of processing",
            RequestKind::Objection => "Objection to processing",
        }
    }
}

word_enum!(
    /// The law whose clock and rights apply to a request.
    Jurisdiction {
        Gdpr => "gdpr", "EU GDPR";
        UkGdpr => "uk_gdpr", "UK GDPR";
        Ccpa => "ccpa", "California (CCPA/CPRA)";
        Other => "other", "Other";
    }
);

word_enum!(
    /// How a request reached the controller.
    Channel {
        Web => "web", "Web form";
        Email => "email", "Email";
        Post => "post", "Post";
        Phone => "phone", "Phone";
        Agent => "agent", "Authorized agent";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for k in RequestKind::ALL {
            assert_eq!(k.as_str().parse::<RequestKind>().unwrap(), *k);
        }
        for j in Jurisdiction::ALL {
            assert_eq!(j.as_str().parse::<Jurisdiction>().unwrap(), *j);
        }
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>().unwrap(), *c);
        }
    }

    #[test]
    fn unknown_word_lists_allowed() {
        let err = "erase".parse::<RequestKind>().unwrap_err();
        assert!(err.to_string().contains("access, correction, deletion"));
        assert!("GDPR".parse::<Jurisdiction>().is_err(), "words are exact");
    }

    #[test]
    fn serde_uses_the_same_words() {
        assert_eq!(
            serde_json::to_string(&RequestKind::OptOut).unwrap(),
            "\"opt_out\""
        );
        assert_eq!(
            serde_json::from_str::<Jurisdiction>("\"uk_gdpr\"").unwrap(),
            Jurisdiction::UkGdpr
        );
    }
}

word_enum!(
    /// How a request's requester was verified.
    VerificationMethod {
        EmailLink => "email_link", "Confirmed through the emailed link";
        Manual => "manual", "Checked by staff";
    }
);

word_enum!(
    /// What a file attached to a request is.
    AttachmentKind {
        ProofOfAuthority => "proof_of_authority", "Proof of the agent's authority";
    }
);
