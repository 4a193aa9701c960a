# Woorden voor de vocabulaires van het product, zoals een klant ze leest. Het deel na het
# streepje is het vaste machinewoord en mag niet worden vertaald.

## Wat iemand vraagt

kind-access = Mijn gegevens inzien (inzage)
kind-correction = Mijn gegevens laten corrigeren
kind-deletion = Mijn gegevens laten verwijderen
kind-portability = Mijn gegevens ontvangen om mee te nemen (dataportabiliteit)
kind-opt_out = Mijn gegevens niet verkopen of delen (opt-out)
kind-limit_use = Gebruik van mijn gevoelige gegevens beperken
kind-restriction = Verwerking van mijn gegevens beperken
kind-objection = Bezwaar maken tegen verwerking van mijn gegevens

## Waar de persoon woont (het verzoekformulier)

jurisdiction-gdpr = Europese Unie of EER
jurisdiction-uk_gdpr = Verenigd Koninkrijk
jurisdiction-ccpa = Californië, VS
jurisdiction-other = Elders

## Hoe een verzoek ervoor staat

status-word-received = Ontvangen
status-word-verifying = Wacht op bevestiging van uw identiteit
status-word-verified = Identiteit bevestigd
status-word-in_progress = In behandeling
status-word-paused = Wacht op informatie van u
status-word-completed = Afgerond
status-word-denied = Geweigerd
status-word-withdrawn = Ingetrokken

## Waarom een verzoek is geweigerd

denial-identity_not_verified = Uw identiteit kon niet worden geverifieerd
denial-not_consumer_or_agent = Niet ingediend door de consument of een gemachtigde (CCPA)
denial-manifestly_unfounded = Kennelijk ongegrond of buitensporig (art. 12, lid 5, AVG)
denial-legal_exemption = Wettelijke uitzondering (art. 17, lid 3, onder a–e, AVG)
denial-ccpa_exception = Er is een uitzondering op grond van de CCPA van toepassing
denial-other = Andere reden (hieronder toegelicht)

## Het verloop van het verzoek

event-received = Verzoek ontvangen
event-verification_sent = Bevestigingsmail verstuurd
event-send_verification = Bevestigingsmail opnieuw verstuurd
event-verified = Identiteit bevestigd
event-verify = Identiteit geverifieerd door onze medewerkers
event-start = Doorgestuurd naar onze systemen waarin gegevens zijn opgeslagen
event-pause = Wacht op informatie van u
event-resume = Behandeling hervat
event-extend = Termijn verlengd
event-deny = Verzoek geweigerd
event-complete = Verzoek afgerond
event-withdraw = Verzoek ingetrokken
event-email_failed = Een e-mail kon niet worden verstuurd
event-proof_received = Bewijs van machtiging van de gemachtigde ontvangen
event-deadline_recalculated = Uiterste datum opnieuw berekend
event-task_open = Behandeling in een van onze systemen heropend
event-task_running = Behandeling in een van onze systemen loopt
event-task_done = Een van onze systemen is klaar
event-task_exempt = Een van onze systemen heeft een uitzondering geregistreerd
event-task_failed = Een van onze systemen heeft een probleem gemeld
event-task_sent = Doorgestuurd naar een van onze systemen
event-task_handed = Wacht op het team dat verantwoordelijk is voor een van onze systemen
event-task_preview = Een van onze systemen heeft de correctie voorbereid
event-correction_applied = Correctie doorgevoerd in een van onze systemen
event-correction_failed = Een correctie kon niet worden doorgevoerd

## Soorten gegevens die kunnen worden gecorrigeerd

category-name = Naam
category-email = E-mailadres
category-phone = Telefoonnummer
category-address = Postadres

## Toestemming

consent-granted = Gegeven
consent-withdrawn = Ingetrokken
method-banner = Toestemmingsbanner
method-preference_centre = Voorkeurencentrum
method-web_form = Webformulier
method-api = Via onze systemen
method-staff = Door onze medewerkers, op uw verzoek
method-gpc = Global Privacy Control-signaal
storage-cookie = Cookie
storage-local_storage = Lokale opslag (local storage)
storage-session_storage = Sessieopslag (session storage)

## Datums

# Een volledige kalenderdatum, zoals 6 december 2026.
date-long = { $day } { $month ->
    [1] januari
    [2] februari
    [3] maart
    [4] april
    [5] mei
    [6] juni
    [7] juli
    [8] augustus
    [9] september
    [10] oktober
    [11] november
   *[12] december
} { $year }
# Een tijdstip: de datum zoals hierboven en de tijd volgens de 24-uursklok.
date-time = { $date } om { $time } uur
