//! The shop's brand as customers see it: its accent colour, checked for contrast before it is
//! saved, and its logo, checked to be a picture of a bounded size.

use std::fmt;

/// The page background and the text on a button: the accent must stand out against both.
const BACKGROUND: [u8; 3] = [0xf6, 0xf7, 0xf8];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
/// WCAG 2.2 AA for normal text (success criterion 1.4.3).
pub const AA_CONTRAST: f64 = 4.5;

/// An accent colour (`#1d5aa6`) readable as link text on the page and behind a button's
/// white text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccentColour([u8; 3]);

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BrandError {
    #[error("must be a colour written as # and six hexadecimal digits, such as #1d5aa6")]
    NotAColour,
    #[error(
        "has a contrast of {0:.1}:1 against white; WCAG AA needs at least 4.5:1, so choose a darker colour"
    )]
    LowContrast(f64),
    #[error("must be a PNG, JPEG or WebP picture")]
    NotAPicture,
    #[error("is larger than {} KB", MAX_LOGO_BYTES / 1024)]
    TooLarge,
    #[error("is empty: choose a file")]
    Empty,
}

impl AccentColour {
    pub fn parse(s: &str) -> Result<AccentColour, BrandError> {
        let hex = s.trim().strip_prefix('#').ok_or(BrandError::NotAColour)?;
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(BrandError::NotAColour);
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("checked hex digits");
        let colour = AccentColour([byte(0), byte(2), byte(4)]);
        let worst = contrast(colour.0, BACKGROUND).min(contrast(colour.0, WHITE));
        if worst < AA_CONTRAST {
            return Err(BrandError::LowContrast(worst));
        }
        Ok(colour)
    }

    /// The same colour a fifth darker, for hover: darker only adds contrast.
    pub fn darker(&self) -> AccentColour {
        AccentColour(self.0.map(|c| (u16::from(c) * 4 / 5) as u8))
    }
}

impl fmt::Display for AccentColour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0[0], self.0[1], self.0[2])
    }
}

/// WCAG 2.x relative luminance of an sRGB colour.
fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// WCAG 2.x contrast ratio, from 1 (none) to 21 (black on white).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Most bytes a logo may have: a header picture, not a photograph.
pub const MAX_LOGO_BYTES: usize = 256 * 1024;

/// The picture types a logo may be, by their first bytes (never by name or declared type:
/// SVG, which can carry script, is not among them).
pub fn logo_type(bytes: &[u8]) -> Result<&'static str, BrandError> {
    if bytes.is_empty() {
        return Err(BrandError::Empty);
    }
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(BrandError::TooLarge);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Ok("image/jpeg")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok("image/webp")
    } else {
        Err(BrandError::NotAPicture)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_wcag_s() {
        assert!((contrast([0, 0, 0], WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 0.01);
        // #767676 on white is the well-known 4.54:1.
        assert!((contrast([0x76, 0x76, 0x76], WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn an_accent_must_pass_aa_against_the_page_and_white_text() {
        assert_eq!(
            AccentColour::parse("#1D5AA6").unwrap().to_string(),
            "#1d5aa6"
        );
        assert!(matches!(
            AccentColour::parse("#ffcc00"),
            Err(BrandError::LowContrast(r)) if r < 2.0
        ));
        // Passes on white but not on the slightly grey page background.
        assert!(AccentColour::parse("#767676").is_err());
        assert_eq!(AccentColour::parse("blue"), Err(BrandError::NotAColour));
        assert_eq!(AccentColour::parse("#12345"), Err(BrandError::NotAColour));
        let dark = AccentColour::parse("#1d5aa6").unwrap().darker();
        assert!(contrast(dark.0, WHITE) > contrast([0x1d, 0x5a, 0xa6], WHITE));
    }

    #[test]
    fn a_logo_is_a_small_picture() {
        assert_eq!(logo_type(b"\x89PNG\r\n\x1a\nrest"), Ok("image/png"));
        assert_eq!(logo_type(&[0xff, 0xd8, 0xff, 0xe0]), Ok("image/jpeg"));
        assert_eq!(logo_type(b"RIFF\0\0\0\0WEBPVP8 "), Ok("image/webp"));
        assert_eq!(
            logo_type(b"<svg onload=alert(1)>"),
            Err(BrandError::NotAPicture)
        );
        assert_eq!(logo_type(b""), Err(BrandError::Empty));
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_LOGO_BYTES + 1, 0);
        assert_eq!(logo_type(&big), Err(BrandError::TooLarge));
    }
}
