//! The national calendars: each member state's public holidays and California's state
//! holidays, generated for any year from the rules of the law cited in `Calendar::source`.

use chrono::{Datelike, Weekday};

use super::rules::{Day, date, easter_plus, last_weekday, nth_weekday, observed};

/// Gov. Code § 19853(a)–(b).
pub(super) fn california(y: i32) -> Vec<Day> {
    let thanksgiving = nth_weekday(y, 11, Weekday::Thu, 4);
    vec![
        (observed(date(y, 1, 1), false), "New Year's Day"),
        (
            nth_weekday(y, 1, Weekday::Mon, 3),
            "Martin Luther King Jr. Day",
        ),
        (nth_weekday(y, 2, Weekday::Mon, 3), "Presidents' Day"),
        (observed(date(y, 3, 31), false), "Cesar Chavez Day"),
        (last_weekday(y, 5, Weekday::Mon), "Memorial Day"),
        (observed(date(y, 7, 4), false), "Independence Day"),
        (nth_weekday(y, 9, Weekday::Mon, 1), "Labor Day"),
        (observed(date(y, 11, 11), true), "Veterans Day"),
        (thanksgiving, "Thanksgiving Day"),
        (
            thanksgiving + chrono::Duration::days(1),
            "Day after Thanksgiving",
        ),
        (observed(date(y, 12, 25), false), "Christmas Day"),
    ]
}

pub(super) fn germany(y: i32) -> Vec<Day> {
    vec![
        (date(y, 1, 1), "Neujahr"),
        (easter_plus(y, -2), "Karfreitag"),
        (easter_plus(y, 1), "Ostermontag"),
        (date(y, 5, 1), "Tag der Arbeit"),
        (easter_plus(y, 39), "Christi Himmelfahrt"),
        (easter_plus(y, 50), "Pfingstmontag"),
        (date(y, 10, 3), "Tag der Deutschen Einheit"),
        (date(y, 12, 25), "1. Weihnachtstag"),
        (date(y, 12, 26), "2. Weihnachtstag"),
    ]
}

pub(super) fn france(y: i32) -> Vec<Day> {
    vec![
        (date(y, 1, 1), "Jour de l'an"),
        (easter_plus(y, 1), "Lundi de Pâques"),
        (date(y, 5, 1), "Fête du Travail"),
        (date(y, 5, 8), "Victoire 1945"),
        (easter_plus(y, 39), "Ascension"),
        (easter_plus(y, 50), "Lundi de Pentecôte"),
        (date(y, 7, 14), "Fête nationale"),
        (date(y, 8, 15), "Assomption"),
        (date(y, 11, 1), "Toussaint"),
        (date(y, 11, 11), "Armistice 1918"),
        (date(y, 12, 25), "Noël"),
    ]
}

/// The public holidays of Sch. 2 on their own dates. A holiday on a weekend stays there: the
/// Act gives employees a compensating benefit (s. 21), it does not make the Monday a public
/// holiday, so it moves no time limit.
pub(super) fn ireland(y: i32) -> Vec<Day> {
    let mut out = vec![(date(y, 1, 1), "New Year's Day")];
    if y >= 2023 {
        // The first Monday of February, or 1 February itself when that is a Friday.
        let feb1 = date(y, 2, 1);
        let brigid = if feb1.weekday() == Weekday::Fri {
            feb1
        } else {
            nth_weekday(y, 2, Weekday::Mon, 1)
        };
        out.push((brigid, "St Brigid's Day"));
    }
    out.extend([
        (date(y, 3, 17), "St Patrick's Day"),
        (easter_plus(y, 1), "Easter Monday"),
        (nth_weekday(y, 5, Weekday::Mon, 1), "May bank holiday"),
        (nth_weekday(y, 6, Weekday::Mon, 1), "June bank holiday"),
        (nth_weekday(y, 8, Weekday::Mon, 1), "August bank holiday"),
        (last_weekday(y, 10, Weekday::Mon), "October bank holiday"),
        (date(y, 12, 25), "Christmas Day"),
        (date(y, 12, 26), "St Stephen's Day"),
    ]);
    out
}

pub(super) fn netherlands(y: i32) -> Vec<Day> {
    let kings_day = if date(y, 4, 27).weekday() == Weekday::Sun {
        date(y, 4, 26)
    } else {
        date(y, 4, 27)
    };
    vec![
        (date(y, 1, 1), "Nieuwjaarsdag"),
        // Art. 3(2): Good Friday counts as a public holiday for time limits.
        (easter_plus(y, -2), "Goede Vrijdag"),
        (easter_plus(y, 1), "Tweede Paasdag"),
        (kings_day, "Koningsdag"),
        (date(y, 5, 5), "Bevrijdingsdag"),
        (easter_plus(y, 39), "Hemelvaartsdag"),
        (easter_plus(y, 50), "Tweede Pinksterdag"),
        (date(y, 12, 25), "Eerste Kerstdag"),
        (date(y, 12, 26), "Tweede Kerstdag"),
    ]
}

pub(super) fn spain(y: i32) -> Vec<Day> {
    vec![
        (date(y, 1, 1), "Año Nuevo"),
        (date(y, 1, 6), "Epifanía del Señor"),
        (easter_plus(y, -2), "Viernes Santo"),
        (date(y, 5, 1), "Fiesta del Trabajo"),
        (date(y, 8, 15), "Asunción de la Virgen"),
        (date(y, 10, 12), "Fiesta Nacional de España"),
        (date(y, 11, 1), "Todos los Santos"),
        (date(y, 12, 6), "Día de la Constitución"),
        (date(y, 12, 8), "Inmaculada Concepción"),
        (date(y, 12, 25), "Natividad del Señor"),
    ]
}

pub(super) fn italy(y: i32) -> Vec<Day> {
    let mut days = vec![
        (date(y, 1, 1), "Capodanno"),
        (date(y, 1, 6), "Epifania"),
        (easter_plus(y, 1), "Lunedì dell'Angelo"),
        (date(y, 4, 25), "Festa della Liberazione"),
        (date(y, 5, 1), "Festa del Lavoro"),
        (date(y, 6, 2), "Festa della Repubblica"),
        (date(y, 8, 15), "Ferragosto"),
        (date(y, 11, 1), "Ognissanti"),
        (date(y, 12, 8), "Immacolata Concezione"),
        (date(y, 12, 25), "Natale"),
        (date(y, 12, 26), "Santo Stefano"),
    ];
    if y >= 2026 {
        // San Francesco d'Assisi: a national holiday again from 2026 (law of October 2025).
        days.push((date(y, 10, 4), "San Francesco d'Assisi"));
    }
    days
}

pub(super) fn austria(y: i32) -> Vec<Day> {
    vec![
        (date(y, 1, 1), "Neujahr"),
        (date(y, 1, 6), "Heilige Drei Könige"),
        (easter_plus(y, 1), "Ostermontag"),
        (date(y, 5, 1), "Staatsfeiertag"),
        (easter_plus(y, 39), "Christi Himmelfahrt"),
        (easter_plus(y, 50), "Pfingstmontag"),
        (easter_plus(y, 60), "Fronleichnam"),
        (date(y, 8, 15), "Mariä Himmelfahrt"),
        (date(y, 10, 26), "Nationalfeiertag"),
        (date(y, 11, 1), "Allerheiligen"),
        (date(y, 12, 8), "Mariä Empfängnis"),
        (date(y, 12, 25), "Christtag"),
        (date(y, 12, 26), "Stefanitag"),
    ]
}

pub(super) fn belgium(y: i32) -> Vec<Day> {
    vec![
        (date(y, 1, 1), "Nouvel An"),
        (easter_plus(y, 1), "Lundi de Pâques"),
        (date(y, 5, 1), "Fête du Travail"),
        (easter_plus(y, 39), "Ascension"),
        (easter_plus(y, 50), "Lundi de Pentecôte"),
        (date(y, 7, 21), "Fête nationale"),
        (date(y, 8, 15), "Assomption"),
        (date(y, 11, 1), "Toussaint"),
        (date(y, 11, 11), "Armistice"),
        (date(y, 12, 25), "Noël"),
    ]
}
