//! The shipped calendars: one per national law, and one per region whose own law adds days
//! (a German Land, a Spanish autonomous community, Alsace-Moselle, South Tyrol, Scotland,
//! Northern Ireland). A regional calendar is its country's days plus its own.

use chrono::NaiveDate;

use super::business::HolidayCalendar;
use super::rules::Day;
use super::{countries, germany, regions, spain, uk};
use crate::kinds::Jurisdiction;

/// The years a shipped calendar covers when built whole: every deadline Steward computes
/// falls in them (requests from GDPR's start to well past the next decade).
pub const FIRST_YEAR: i32 = 2018;
pub const LAST_YEAR: i32 = 2040;

macro_rules! calendars {
    ($($variant:ident $(in $parent:ident)? => $key:literal, $name:literal, $source:literal;)+) => {
        /// A shipped holiday calendar, generated from the law that defines it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
        pub enum Calendar { $($variant),+ }

        impl Calendar {
            pub const ALL: &'static [Calendar] = &[$(Calendar::$variant),+];

            /// The stable key (settings, URLs, API, the database): ISO 3166 country or
            /// subdivision code, lower case (`de`, `de-by`, `es-ct`, `gb-sct`).
            pub fn key(self) -> &'static str {
                match self { $(Calendar::$variant => $key),+ }
            }

            /// The calendar's own name; see [`Calendar::title`] for the name with its country.
            pub fn name(self) -> &'static str {
                match self { $(Calendar::$variant => $name),+ }
            }

            /// The statute or official list this calendar's own days come from.
            pub fn source(self) -> &'static str {
                match self { $(Calendar::$variant => $source),+ }
            }

            /// The national calendar a regional one adds its days to.
            pub fn parent(self) -> Option<Calendar> {
                match self { $(Calendar::$variant => None$(.or(Some(Calendar::$parent)))?),+ }
            }
        }

        impl std::str::FromStr for Calendar {
            type Err = crate::kinds::UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($key => Ok(Calendar::$variant),)+
                    _ => Err(crate::kinds::UnknownWord { allowed: &[$($key),+] }),
                }
            }
        }
    };
}

calendars! {
    California => "us-ca", "California state holidays",
        "Cal. Gov. Code § 19853(a)–(b): a holiday on a Sunday is observed on the Monday; on a Saturday it is not moved, except 11 November, observed on the Friday. Native American Day (§ 19853(e)) is a holiday credit, not a closure. The CCPA regulations count business days for confirming receipt (11 CCR § 7021(a)) and for opt-out and limit-use requests (§§ 7026(f)(1), 7027(g)(1)).";
    EnglandAndWales => "gb-eng", "England and Wales bank holidays",
        "Banking and Financial Dealings Act 1971, Sch. 1, para. 1, and the annual royal proclamations (gov.uk/bank-holidays): weekend holidays move to the next free weekday; one-off days are listed as published.";
    Scotland => "gb-sct", "Scotland bank holidays",
        "Banking and Financial Dealings Act 1971, Sch. 1, para. 2, the St Andrew's Day Bank Holiday (Scotland) Act 2007 and the royal proclamations (gov.uk/bank-holidays): 2 January and St Andrew's Day, no Easter Monday, the summer holiday on the first Monday of August; weekend holidays move to the next free weekday.";
    NorthernIreland => "gb-nir", "Northern Ireland bank holidays",
        "Banking and Financial Dealings Act 1971, Sch. 1, para. 3 (St Patrick's Day), the royal proclamation of 12 July (Battle of the Boyne) and gov.uk/bank-holidays: the days of England and Wales and these two; weekend holidays move to the next free weekday.";
    Germany => "de", "Germany (national public holidays)",
        "Federal law (Einigungsvertrag Art. 2(2): 3 October) and the holidays common to every Land's Feiertagsgesetz; § 193 BGB moves a period's end off them.";
    BadenWuerttemberg in Germany => "de-bw", "Baden-Württemberg",
        "Feiertagsgesetz (FTG) Baden-Württemberg, § 1: Heilige Drei Könige, Fronleichnam, Allerheiligen.";
    Bayern in Germany => "de-by", "Bayern (Bavaria)",
        "Feiertagsgesetz (FTG) Bayern, Art. 1 Abs. 1: Heilige Drei Könige, Fronleichnam, Allerheiligen. Mariä Himmelfahrt (15 August) is a holiday only in municipalities with a predominantly Catholic population, and the Augsburger Friedensfest (8 August) only in Augsburg (Art. 1 Abs. 1 Nr. 2, Abs. 2): add them if your establishment is there.";
    Berlin in Germany => "de-be", "Berlin",
        "Gesetz über die Sonn- und Feiertage (Berlin), § 1: Internationaler Frauentag (8 March) from 2019; 8 May 2020 and 8 May 2025 (Tag der Befreiung) once each.";
    Brandenburg in Germany => "de-bb", "Brandenburg",
        "Feiertagsgesetz (FTG) Brandenburg, § 2: Ostersonntag, Pfingstsonntag, Reformationstag.";
    Bremen in Germany => "de-hb", "Bremen",
        "Gesetz über die Sonn- und Feiertage (Bremen), § 1: Reformationstag from 2018.";
    Hamburg in Germany => "de-hh", "Hamburg",
        "Feiertagsgesetz Hamburg, § 1: Reformationstag from 2018.";
    Hessen in Germany => "de-he", "Hessen (Hesse)",
        "Hessisches Feiertagsgesetz (HFeiertagsG), § 1: Fronleichnam.";
    MecklenburgVorpommern in Germany => "de-mv", "Mecklenburg-Vorpommern",
        "Feiertagsgesetz Mecklenburg-Vorpommern (FTG M-V), § 2: Reformationstag; Internationaler Frauentag from 2023.";
    Niedersachsen in Germany => "de-ni", "Niedersachsen (Lower Saxony)",
        "Niedersächsisches Gesetz über die Feiertage (NFeiertagsG), § 2: Reformationstag from 2018.";
    NordrheinWestfalen in Germany => "de-nw", "Nordrhein-Westfalen (North Rhine-Westphalia)",
        "Feiertagsgesetz NW, § 2: Fronleichnam, Allerheiligen.";
    RheinlandPfalz in Germany => "de-rp", "Rheinland-Pfalz (Rhineland-Palatinate)",
        "Landesfeiertagsgesetz (LFtG) Rheinland-Pfalz, § 2: Fronleichnam, Allerheiligen.";
    Saarland in Germany => "de-sl", "Saarland",
        "Saarländisches Feiertagsgesetz (SFG), § 2: Fronleichnam, Mariä Himmelfahrt, Allerheiligen.";
    Sachsen in Germany => "de-sn", "Sachsen (Saxony)",
        "Sächsisches Sonn- und Feiertagsgesetz (SächsSFG), § 1: Reformationstag, Buß- und Bettag (the Wednesday before 23 November). Fronleichnam only in the Sorbian municipalities the Land lists: add it if your establishment is there.";
    SachsenAnhalt in Germany => "de-st", "Sachsen-Anhalt (Saxony-Anhalt)",
        "Gesetz über die Sonn- und Feiertage (FeiertG LSA), § 2: Heilige Drei Könige, Reformationstag.";
    SchleswigHolstein in Germany => "de-sh", "Schleswig-Holstein",
        "Sonn- und Feiertagsgesetz (SFTG) Schleswig-Holstein, § 2: Reformationstag from 2018.";
    Thueringen in Germany => "de-th", "Thüringen (Thuringia)",
        "Thüringer Feiertagsgesetz (ThürFtG), § 2: Reformationstag; Weltkindertag (20 September) from 2019. Fronleichnam only in the Eichsfeld municipalities the Act lists: add it if your establishment is there.";
    France => "fr", "France (jours fériés)",
        "Code du travail, art. L3133-1.";
    Moselle in France => "fr-57", "Moselle (Alsace-Moselle)",
        "Code du travail, art. L3134-13 (local law of Alsace-Moselle): the second day of Christmas (26 December) and Good Friday.";
    BasRhin in France => "fr-67", "Bas-Rhin (Alsace-Moselle)",
        "Code du travail, art. L3134-13 (local law of Alsace-Moselle): the second day of Christmas (26 December) and Good Friday.";
    HautRhin in France => "fr-68", "Haut-Rhin (Alsace-Moselle)",
        "Code du travail, art. L3134-13 (local law of Alsace-Moselle): the second day of Christmas (26 December) and Good Friday.";
    Ireland => "ie", "Ireland (public holidays)",
        "Organisation of Working Time Act 1997, Sch. 2, as amended (St Brigid's Day from 2023). A holiday on a weekend stays on its date: s. 21 gives employees another benefit, not another public holiday.";
    Netherlands => "nl", "Netherlands (algemeen erkende feestdagen)",
        "Algemene termijnenwet, art. 3(1): New Year, Easter Monday, King's Day (26 April when 27 April is a Sunday), Ascension, Whit Monday, Christmas Day and Boxing Day; art. 3(2): Good Friday and 5 May.";
    Spain => "es", "Spain (national public holidays)",
        "Real Decreto 2001/1983, art. 45, and the Dirección General de Trabajo's yearly list of fiestas laborales in the BOE (BOE-A-2024-21316 for 2025, BOE-A-2025-21667 for 2026): the days common to all of Spain. A community's calendar adds the days it chose for the year; a year whose list this release does not carry counts the national days only (a deadline may come a day early, never late): add the community's days when the BOE publishes them. Each municipality's two local days are yours to add.";
    Andalucia in Spain => "es-an", "Andalucía",
        "The community's days in the BOE lists for 2025 and 2026: 28 February (Día de Andalucía), Jueves Santo, and the Monday after a national day on a Sunday.";
    Aragon in Spain => "es-ar", "Aragón",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 23 April (San Jorge, Día de Aragón), and the Monday after a national day on a Sunday.";
    Asturias in Spain => "es-as", "Asturias",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 8 September (Día de Asturias), and the Monday after a national day on a Sunday.";
    IllesBalears in Spain => "es-ib", "Illes Balears",
        "The community's days in the BOE lists for 2025 and 2026: 1 March (Día de las Illes Balears, or the Monday after), Jueves Santo, Easter Monday (2026) and 26 December.";
    Canarias in Spain => "es-cn", "Canarias",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 30 May (Día de Canarias) and the Monday after All Saints (2026). Each island keeps one day of its own (Tenerife 2 February 2026, Gran Canaria 8 September…): add your island's.";
    Cantabria in Spain => "es-cb", "Cantabria",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 28 July (Día de las Instituciones), 15 September (La Bien Aparecida) and the Monday after a national day on a Sunday.";
    CastillaYLeon in Spain => "es-cl", "Castilla y León",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 23 April (Fiesta de Castilla y León) and the Monday after a national day on a Sunday.";
    CastillaLaMancha in Spain => "es-cm", "Castilla-La Mancha",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 31 May (Día de Castilla-La Mancha), Corpus Christi, Easter Monday (2026) and the Monday after a national day on a Sunday.";
    Catalunya in Spain => "es-ct", "Catalunya (Cataluña)",
        "The community's days in the BOE lists for 2025 and 2026: Easter Monday, 24 June (Sant Joan), 11 September (Diada, Llei 1/1980) and 26 December (Sant Esteve). In Aran, 17 June replaces 26 December: change the day if you are established there.";
    ComunitatValenciana in Spain => "es-vc", "Comunitat Valenciana",
        "The community's days in the BOE lists for 2025 and 2026: 19 March (San José), Easter Monday, 24 June (San Juan) and 9 October (Día de la Comunitat Valenciana).";
    Extremadura in Spain => "es-ex", "Extremadura",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 8 September (Día de Extremadura) and the Monday after a national day on a Sunday.";
    Galicia in Spain => "es-ga", "Galicia",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 17 May (Letras Gallegas, 2025), 19 March and 24 June (2026), and 25 July (Día Nacional de Galicia).";
    Madrid in Spain => "es-md", "Comunidad de Madrid",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, 2 May (Fiesta de la Comunidad de Madrid), 25 July (2025) and the Monday after a national day on a Sunday (2026).";
    Murcia in Spain => "es-mc", "Región de Murcia",
        "The community's days in the BOE lists for 2025 and 2026: 19 March (San José), Jueves Santo, 9 June (Día de la Región de Murcia) and the Monday after a national day on a Sunday (2026).";
    Navarra in Spain => "es-nc", "Navarra",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, Easter Monday, 25 July (2025), 19 March and the Monday after All Saints (2026), and 3 December (San Francisco Javier).";
    PaisVasco in Spain => "es-pv", "País Vasco / Euskadi",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, Easter Monday, 25 July (2025) and 19 March (2026).";
    LaRioja in Spain => "es-ri", "La Rioja",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, Easter Monday, 9 June (Día de La Rioja) and the Monday after a national day on a Sunday (2026).";
    Ceuta in Spain => "es-ce", "Ceuta",
        "The community's days in the BOE lists for 2025 and 2026: Jueves Santo, the Feast of Sacrifice (Eid al-Adha), 5 August (Nuestra Señora de África) and 2 September (Día de Ceuta, 2026). The city's two local days are not listed.";
    Melilla in Spain => "es-ml", "Melilla",
        "The community's days in the BOE lists for 2025 and 2026: Eid al-Fitr, Jueves Santo, the Feast of Sacrifice (Eid al-Adha) and the Monday after a national day on a Sunday (2026). The city's two local days are not listed.";
    Italy => "it", "Italy (festività nazionali)",
        "Legge 260/1949 as amended (2 June restored by Legge 336/2000; 4 October restored from 2026).";
    SouthTyrol in Italy => "it-bz", "Alto Adige / Südtirol (Bolzano)",
        "Provincial Law of Bolzano no. 36 of 16 October 1992: Whit Monday (Lunedì di Pentecoste, Pfingstmontag) is a holiday in South Tyrol, in place of a patron saint's day.";
    Austria => "at", "Austria (gesetzliche Feiertage)",
        "Feiertagsruhegesetz 1957, § 1, and Arbeitsruhegesetz § 7.";
    Belgium => "be", "Belgium (jours fériés légaux)",
        "Arrêté royal du 18 avril 1974, art. 1.";
}

/// The calendars this deployment's clocks follow where the law leaves a choice: the member
/// state (or region) where the controller is established for GDPR, and the part of the
/// United Kingdom for UK GDPR. CCPA always counts California's days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarChoice {
    /// `None`: GDPR deadlines skip weekends only.
    pub gdpr: Option<Calendar>,
    pub uk: Calendar,
}

impl Default for CalendarChoice {
    fn default() -> Self {
        Self {
            gdpr: None,
            uk: Calendar::EnglandAndWales,
        }
    }
}

/// Why a calendar cannot be the one a jurisdiction's clock follows.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum ChoiceError {
    #[error("must be the calendar of an EU member state or one of its regions")]
    NotEu,
    #[error("must be gb-eng, gb-sct or gb-nir")]
    NotUk,
    #[error("only GDPR and UK GDPR deadlines have a calendar to choose")]
    NoChoice,
}

impl CalendarChoice {
    /// The calendar a jurisdiction's clock uses; `None` is weekends only.
    pub fn for_jurisdiction(&self, j: Jurisdiction) -> Option<Calendar> {
        match j {
            Jurisdiction::Ccpa => Some(Calendar::California),
            Jurisdiction::UkGdpr => Some(self.uk),
            Jurisdiction::Gdpr => self.gdpr,
            Jurisdiction::Other => None,
        }
    }

    /// This choice with `j`'s calendar changed, if `cal` can serve `j`.
    pub fn with(self, j: Jurisdiction, cal: Option<Calendar>) -> Result<Self, ChoiceError> {
        match (j, cal) {
            (Jurisdiction::Gdpr, None) => Ok(Self { gdpr: None, ..self }),
            (Jurisdiction::Gdpr, Some(c)) if c.is_eu() => Ok(Self {
                gdpr: Some(c),
                ..self
            }),
            (Jurisdiction::Gdpr, Some(_)) => Err(ChoiceError::NotEu),
            (Jurisdiction::UkGdpr, Some(c)) if c.is_uk() => Ok(Self { uk: c, ..self }),
            (Jurisdiction::UkGdpr, _) => Err(ChoiceError::NotUk),
            _ => Err(ChoiceError::NoChoice),
        }
    }

    /// The jurisdictions whose clocks use `cal` under this choice.
    pub fn used_by(&self, cal: Calendar) -> Vec<Jurisdiction> {
        Jurisdiction::ALL
            .iter()
            .copied()
            .filter(|j| self.for_jurisdiction(*j) == Some(cal))
            .collect()
    }
}

impl Calendar {
    /// A calendar of an EU member state or of one of its regions.
    pub fn is_eu(self) -> bool {
        !matches!(self, Calendar::California) && !self.is_uk()
    }

    /// A calendar of a part of the United Kingdom.
    pub fn is_uk(self) -> bool {
        matches!(
            self,
            Calendar::EnglandAndWales | Calendar::Scotland | Calendar::NorthernIreland
        )
    }

    /// The name with its country for a regional calendar ("Germany: Bayern (Bavaria)").
    pub fn title(self) -> String {
        match self.parent() {
            Some(_) => format!("{}: {}", self.country(), self.name()),
            None => self.name().to_string(),
        }
    }

    /// The country a calendar belongs to, for grouping ("Germany", "United Kingdom"): its
    /// national calendar's name without the kind of days.
    pub fn country(self) -> &'static str {
        if self.is_uk() {
            return "United Kingdom";
        }
        let name = self.parent().unwrap_or(self).name();
        name.split(" (").next().unwrap_or(name)
    }

    /// The observed holidays of one year, sorted, as (date, name, calendar whose law gives
    /// the day): a regional calendar's days are its country's and its own.
    pub fn days(self, year: i32) -> Vec<(NaiveDate, &'static str, Calendar)> {
        let mut days: Vec<(NaiveDate, &'static str, Calendar)> = match self.parent() {
            Some(parent) => {
                let not_kept = spain::not_kept(self.key(), year);
                parent
                    .days(year)
                    .into_iter()
                    .filter(|(d, ..)| !not_kept.contains(d))
                    .collect()
            }
            None => Vec::new(),
        };
        days.extend(self.own(year).into_iter().map(|(d, n)| (d, n, self)));
        days.sort_by_key(|(d, ..)| *d);
        days.dedup_by_key(|(d, ..)| *d);
        days
    }

    /// The observed holidays of one year, sorted, as (date, name).
    pub fn holidays(self, year: i32) -> Vec<Day> {
        self.days(year)
            .into_iter()
            .map(|(d, n, _)| (d, n))
            .collect()
    }

    /// The days this calendar's own law gives (a region's: only those it adds).
    fn own(self, y: i32) -> Vec<Day> {
        use Calendar::*;
        match self {
            California => countries::california(y),
            EnglandAndWales => uk::england_and_wales(y),
            Scotland => uk::scotland(y),
            NorthernIreland => uk::northern_ireland(y),
            Germany => countries::germany(y),
            BadenWuerttemberg => germany::baden_wuerttemberg(y),
            Bayern => germany::bayern(y),
            Berlin => germany::berlin(y),
            Brandenburg => germany::brandenburg(y),
            Bremen => germany::bremen(y),
            Hamburg => germany::hamburg(y),
            Hessen => germany::hessen(y),
            MecklenburgVorpommern => germany::mecklenburg_vorpommern(y),
            Niedersachsen => germany::niedersachsen(y),
            NordrheinWestfalen => germany::nordrhein_westfalen(y),
            RheinlandPfalz => germany::rheinland_pfalz(y),
            Saarland => germany::saarland(y),
            Sachsen => germany::sachsen(y),
            SachsenAnhalt => germany::sachsen_anhalt(y),
            SchleswigHolstein => germany::schleswig_holstein(y),
            Thueringen => germany::thueringen(y),
            France => countries::france(y),
            Moselle | BasRhin | HautRhin => regions::alsace_moselle(y),
            Ireland => countries::ireland(y),
            Netherlands => countries::netherlands(y),
            Spain => countries::spain(y),
            Andalucia | Aragon | Asturias | IllesBalears | Canarias | Cantabria | CastillaYLeon
            | CastillaLaMancha | Catalunya | ComunitatValenciana | Extremadura | Galicia
            | Madrid | Murcia | Navarra | PaisVasco | LaRioja | Ceuta | Melilla => {
                spain::regional(self.key(), y)
            }
            Italy => countries::italy(y),
            SouthTyrol => regions::south_tyrol(y),
            Austria => countries::austria(y),
            Belgium => countries::belgium(y),
        }
    }

    /// Every shipped day of [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub fn shipped(self) -> HolidayCalendar {
        HolidayCalendar::new(
            (FIRST_YEAR..=LAST_YEAR).flat_map(|y| self.holidays(y).into_iter().map(|(d, _)| d)),
        )
    }
}

impl HolidayCalendar {
    /// The shipped calendar a jurisdiction's clock uses by default, without admin changes.
    pub fn default_for(j: Jurisdiction) -> Self {
        CalendarChoice::default()
            .for_jurisdiction(j)
            .map_or_else(Self::empty, |c| c.shipped())
    }
}
