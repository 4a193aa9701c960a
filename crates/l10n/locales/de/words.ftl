# Bezeichnungen für die Vokabulare des Produkts, wie die Kundschaft sie liest. Der Teil nach
# dem Bindestrich ist das feste Maschinenwort und darf nicht übersetzt werden.

## What a person asks for

kind-access = Meine Daten einsehen (Auskunft)
kind-correction = Meine Daten berichtigen (Berichtigung)
kind-deletion = Meine Daten löschen (Löschung)
kind-portability = Meine Daten zur Mitnahme erhalten (Datenübertragbarkeit)
kind-opt_out = Verkauf oder Weitergabe meiner Daten untersagen (Opt-out)
kind-limit_use = Verwendung meiner sensiblen Daten einschränken
kind-restriction = Verarbeitung meiner Daten einschränken (Einschränkung der Verarbeitung)
kind-objection = Der Verarbeitung meiner Daten widersprechen (Widerspruch)

## Where the person lives (the request form)

jurisdiction-gdpr = Europäische Union oder EWR
jurisdiction-uk_gdpr = Vereinigtes Königreich
jurisdiction-ccpa = Kalifornien, USA
jurisdiction-other = Anderes Land

## Where a request stands

status-word-received = Eingegangen
status-word-verifying = Bestätigung Ihrer Identität ausstehend
status-word-verified = Identität bestätigt
status-word-in_progress = In Bearbeitung
status-word-paused = Wir warten auf Angaben von Ihnen
status-word-completed = Abgeschlossen
status-word-denied = Abgelehnt
status-word-withdrawn = Zurückgezogen

## Why a request was refused

denial-identity_not_verified = Ihre Identität konnte nicht überprüft werden
denial-not_consumer_or_agent = Nicht von der Verbraucherin bzw. dem Verbraucher oder einer bevollmächtigten Vertretung gestellt (CCPA)
denial-manifestly_unfounded = Offenkundig unbegründet oder exzessiv (Art. 12 Abs. 5 DSGVO)
denial-legal_exemption = Gesetzliche Ausnahme (Art. 17 Abs. 3 lit. a–e DSGVO)
denial-ccpa_exception = Es greift eine Ausnahme nach dem CCPA
denial-other = Anderer Grund (siehe Erläuterung unten)

## The request's timeline

event-received = Antrag eingegangen
event-verification_sent = Bestätigungs-E-Mail versandt
event-send_verification = Bestätigungs-E-Mail erneut versandt
event-verified = Identität bestätigt
event-verify = Identität durch unsere Mitarbeitenden überprüft
event-start = An unsere Systeme übermittelt, in denen Daten gespeichert sind
event-pause = Wir warten auf Angaben von Ihnen
event-resume = Bearbeitung fortgesetzt
event-extend = Frist verlängert
event-deny = Antrag abgelehnt
event-complete = Antrag abgeschlossen
event-withdraw = Antrag zurückgezogen
event-email_failed = Eine E-Mail konnte nicht versandt werden
event-proof_received = Nachweis der Vollmacht der bevollmächtigten Vertretung eingegangen
event-deadline_recalculated = Frist neu berechnet
event-task_open = Bearbeitung in einem unserer Systeme wieder aufgenommen
event-task_running = Bearbeitung in einem unserer Systeme läuft
event-task_done = Eines unserer Systeme hat die Bearbeitung abgeschlossen
event-task_exempt = Eines unserer Systeme hat eine Ausnahme erfasst
event-task_failed = Eines unserer Systeme hat ein Problem gemeldet
event-task_sent = An eines unserer Systeme übermittelt
event-task_handed = Wir warten auf das zuständige Team für eines unserer Systeme
event-task_preview = Eines unserer Systeme hat die Berichtigung vorbereitet
event-correction_applied = Berichtigung in einem unserer Systeme durchgeführt
event-correction_failed = Eine Berichtigung konnte nicht durchgeführt werden

## Kinds of data that can be corrected

category-name = Name
category-email = E-Mail-Adresse
category-phone = Telefonnummer
category-address = Postanschrift

## Consent

consent-granted = Erteilt
consent-withdrawn = Widerrufen
method-banner = Einwilligungsbanner
method-preference_centre = Datenschutzeinstellungen
method-web_form = Webformular
method-api = Über unsere Systeme
method-staff = Durch unsere Mitarbeitenden, auf Ihren Wunsch
method-gpc = Signal „Global Privacy Control“
storage-cookie = Cookie
storage-local_storage = Lokaler Speicher (Local Storage)
storage-session_storage = Sitzungsspeicher (Session Storage)

## Dates

# Ein vollständiges Kalenderdatum, etwa 6. Dezember 2026.
date-long = { $day }. { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }
# Ein Zeitpunkt: das Datum wie oben und die Uhrzeit im 24-Stunden-Format.
date-time = { $date }, { $time } Uhr
