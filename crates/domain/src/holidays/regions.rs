//! Regional days of France and Italy that a whole region keeps by law, on top of the
//! national calendar.

use super::rules::{Day, date, easter_plus};

/// Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle): Code du travail, art. L3134-13 adds the
/// second day of Christmas and Good Friday to the national list of art. L3133-1.
pub(super) fn alsace_moselle(y: i32) -> Vec<Day> {
    vec![
        (easter_plus(y, -2), "Vendredi saint"),
        (date(y, 12, 26), "Saint-Étienne"),
    ]
}

/// South Tyrol (Autonomous Province of Bolzano): Whit Monday.
pub(super) fn south_tyrol(y: i32) -> Vec<Day> {
    vec![(easter_plus(y, 50), "Lunedì di Pentecoste / Pfingstmontag")]
}
