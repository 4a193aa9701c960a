# Termini dei vocabolari del prodotto, così come li legge un cliente. La parte dopo il
# trattino è la parola tecnica stabile e non va tradotta.

## Che cosa chiede la persona

kind-access = Consultare i miei dati (accesso)
kind-correction = Rettificare i miei dati
kind-deletion = Cancellare i miei dati
kind-portability = Ricevere i miei dati per trasferirli altrove (portabilità)
kind-opt_out = Oppormi alla vendita o alla condivisione dei miei dati (opt-out)
kind-limit_use = Limitare l'uso dei miei dati sensibili
kind-restriction = Limitare il trattamento dei miei dati
kind-objection = Oppormi al trattamento dei miei dati

## Dove risiede la persona (il modulo di richiesta)

jurisdiction-gdpr = Unione europea o SEE
jurisdiction-uk_gdpr = Regno Unito
jurisdiction-ccpa = California, Stati Uniti
jurisdiction-other = Altrove

## A che punto è una richiesta

status-word-received = Ricevuta
status-word-verifying = In attesa di conferma della sua identità
status-word-verified = Identità confermata
status-word-in_progress = In lavorazione
status-word-paused = In attesa di informazioni da parte sua
status-word-completed = Completata
status-word-denied = Respinta
status-word-withdrawn = Ritirata

## Perché una richiesta è stata respinta

denial-identity_not_verified = Non è stato possibile verificare la sua identità
denial-not_consumer_or_agent = Non presentata dal consumatore o da un agente autorizzato (CCPA)
denial-manifestly_unfounded = Manifestamente infondata o eccessiva (art. 12, par. 5, del GDPR)
denial-legal_exemption = Esenzione prevista dalla legge (art. 17, par. 3, lett. da a) a e), del GDPR)
denial-ccpa_exception = Si applica un'eccezione prevista dal CCPA
denial-other = Altro motivo (illustrato di seguito)

## La cronologia della richiesta

event-received = Richiesta ricevuta
event-verification_sent = Email di conferma inviata
event-send_verification = Email di conferma inviata di nuovo
event-verified = Identità confermata
event-verify = Identità verificata dal nostro personale
event-start = Inoltrata ai nostri sistemi che contengono dati
event-pause = In attesa di informazioni da parte sua
event-resume = Lavorazione ripresa
event-extend = Termine prorogato
event-deny = Richiesta respinta
event-complete = Richiesta completata
event-withdraw = Richiesta ritirata
event-email_failed = Non è stato possibile inviare un'email
event-proof_received = Ricevuta la prova dei poteri dell'agente
event-deadline_recalculated = Scadenza ricalcolata
event-task_open = Lavorazione riaperta in uno dei nostri sistemi
event-task_running = Lavorazione in corso in uno dei nostri sistemi
event-task_done = Uno dei nostri sistemi ha completato la lavorazione
event-task_exempt = Uno dei nostri sistemi ha registrato un'esenzione
event-task_failed = Uno dei nostri sistemi ha segnalato un problema
event-task_sent = Inoltrata a uno dei nostri sistemi
event-task_handed = In attesa del team responsabile di uno dei nostri sistemi
event-task_preview = Uno dei nostri sistemi ha preparato la rettifica
event-correction_applied = Rettifica applicata in uno dei nostri sistemi
event-correction_failed = Non è stato possibile applicare una rettifica

## Categorie di dati che possono essere rettificate

category-name = Nome
category-email = Indirizzo email
category-phone = Numero di telefono
category-address = Indirizzo postale

## Consenso

consent-granted = Prestato
consent-withdrawn = Revocato
method-banner = Banner per il consenso
method-preference_centre = Centro preferenze
method-web_form = Modulo web
method-api = Tramite i nostri sistemi
method-staff = Dal nostro personale, su sua richiesta
method-gpc = Segnale Global Privacy Control
storage-cookie = Cookie
storage-local_storage = Archiviazione locale (local storage)
storage-session_storage = Archiviazione di sessione (session storage)

## Date

# Una data di calendario per esteso, ad esempio 6 dicembre 2026.
date-long = { $day } { $month ->
    [1] gennaio
    [2] febbraio
    [3] marzo
    [4] aprile
    [5] maggio
    [6] giugno
    [7] luglio
    [8] agosto
    [9] settembre
    [10] ottobre
    [11] novembre
   *[12] dicembre
} { $year }
# Un momento: la data come sopra e l'ora nel formato a 24 ore.
date-time = { $date }, ore { $time }
