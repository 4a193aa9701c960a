# Le pagine pubbliche: il centro privacy, il modulo di richiesta, la conferma, lo stato e il
# centro preferenze. Registro formale ("Lei") in tutto il testo; chi legge è un cliente del negozio.

## Ogni pagina

skip-link = Vai al contenuto principale
brand-default = Centro privacy
nav-label = Principale
nav-rights = I suoi diritti
nav-request = Presenta una richiesta
nav-choices = Le sue scelte
language-label = Lingua
footer-law = Le richieste presentate qui sono gestite ai sensi della normativa in materia di protezione dei dati personali.
# Ciò che il negozio ha configurato su di sé, nel piè di pagina di ogni pagina ed email.
footer-controller = Titolare del trattamento: { $name }
footer-dpo = Responsabile della protezione dei dati: { $contact }
footer-policy = Informativa sulla privacy

## Pagine di errore

error-back = Torna al centro privacy
error-title-too-many = Troppi tentativi
error-title-not-found = Non trovato
error-title-forbidden = Accesso non consentito
error-title-gone = Link scaduto
error-title-server = Si è verificato un errore
error-title-other = Operazione non riuscita
error-server = Si è verificato un errore da parte nostra. La preghiamo di riprovare tra qualche istante.
error-too-many = Dalla sua rete sono stati effettuati troppi tentativi in poco tempo. Attenda qualche minuto e riprovi.
error-other = L'operazione non è riuscita. Verifichi i dati inseriti e riprovi.
error-page-missing = Questa pagina non esiste.
error-request-missing = Non abbiamo trovato questa richiesta. Apra il link contenuto nell'email che le abbiamo inviato.
error-link-unknown = Questo link di conferma non ci risulta. Se ha già confermato la sua richiesta, il link allo stato della richiesta contenuto nella nostra email le mostra a che punto si trova; in caso contrario, presenti nuovamente la richiesta.
error-link-expired = Questo link è scaduto.
error-link-used = Questo link è già stato utilizzato oppure non è valido.
error-form-expired = Questo modulo è scaduto. Ricarichi la pagina e riprovi.
error-page-expired = Questa pagina è scaduta. Apra di nuovo il link contenuto nella sua email.
error-file-unreadable = Non è stato possibile leggere il file. La preghiamo di riprovare.
error-server-reference = Si è verificato un errore da parte nostra. La preghiamo di riprovare tra qualche istante; se il problema si ripresenta, comunichi all'amministratore questo codice di riferimento: { $reference }.
error-upload-large = I dati inviati superano i { $max } MB.
error-upload-length = Per l'invio è necessario indicare la dimensione dei dati.
error-upload-fields = Il modulo ha inviato più di { $max } campi.
error-upload-field-long = Un campo del modulo è troppo lungo.

## I suoi diritti in materia di privacy (/privacy)

rights-title = I suoi diritti in materia di privacy
rights-lead = Può chiederci quali dati abbiamo su di lei, chiederne la rettifica o la cancellazione, riceverli per trasferirli altrove oppure chiederci di non venderli né condividerli. È gratuito e le risponderemo entro i termini previsti dalla legge.
rights-what = Che cosa può chiedere
rights-access-title = Consultare i suoi dati
rights-access-text = Ottenga una copia dei dati personali che la riguardano in nostro possesso, con l'indicazione della loro origine, delle finalità per cui li utilizziamo e dei destinatari a cui li comunichiamo.
rights-access-link = Richiedi una copia
rights-correction-title = Rettificare i suoi dati
rights-correction-text = Ci indichi che cosa è inesatto e provvederemo alla rettifica ovunque conserviamo i suoi dati.
rights-correction-link = Richiedi una rettifica
rights-deletion-title = Cancellare i suoi dati
rights-deletion-text = Ci chieda di cancellare i suoi dati. Alcuni documenti, come le fatture, devono essere conservati per legge; le indicheremo quali e perché.
rights-deletion-link = Richiedi la cancellazione
rights-portability-title = Trasferire i suoi dati altrove
rights-portability-text = Riceva i dati che ci ha fornito in un formato di uso comune (CSV), che potrà aprire o trasmettere ad altri.
rights-portability-link = Richiedi i dati
rights-optout-title = Opporsi alla vendita o alla condivisione
rights-optout-text = Residenti in California: può chiederci di non vendere né condividere le sue informazioni personali, oppure di limitare l'uso delle informazioni personali sensibili.
rights-optout-link = Richiedi l'opt-out
rights-objection-title = Limitare il trattamento o opporsi
rights-objection-text = Ci chieda di sospendere l'uso dei suoi dati finché una questione non sia stata chiarita (limitazione del trattamento), oppure si opponga a un trattamento che non condivide.
rights-objection-link = Presenta opposizione
rights-how = Come funziona
rights-step-form = Compili il breve modulo: richiede circa due minuti.
rights-step-email = Le inviamo un link via email. Lo apra per confermare che la richiesta proviene da lei: in questo modo nessun altro può ottenere i suoi dati.
rights-step-work = Ci occupiamo della richiesta e la informiamo quando è stata completata. Può seguire ogni passaggio tramite il link contenuto nell'email.
rights-deadlines = Nell'UE e nel Regno Unito rispondiamo entro un mese (per le richieste complesse possiamo prorogare il termine di altri due mesi e, in tal caso, le comunicheremo i motivi). In California rispondiamo entro 45 giorni.

## Il modulo di richiesta

form-title = Presenta una richiesta relativa alla privacy
form-lead = Le invieremo via email un link per confermare che la richiesta proviene da lei. I campi contrassegnati come facoltativi possono essere lasciati vuoti.
form-kind = Che cosa desidera fare?
form-jurisdiction = Dove risiede?
form-jurisdiction-hint = Da questo dipendono la legge applicabile e il termine entro cui dobbiamo rispondere.
form-email = Il suo indirizzo email
form-email-hint = Quello che utilizza con noi, così potremo trovare i suoi dati.
form-name = Il suo nome (facoltativo)
form-corrections = Solo per le rettifiche
form-corrections-hint = Compili solo i dati inesatti, indicando il valore corretto. Prima di apportare qualsiasi modifica, mostriamo a lei e al nostro personale esattamente che cosa cambierà.
form-correct-name = Nome corretto
form-correct-email = Indirizzo email corretto
form-correct-phone = Numero di telefono corretto
form-correct-address = Indirizzo postale corretto
form-correction-what = C'è qualcos'altro di inesatto?
form-correction-value = Qual è il dato corretto?
form-details = C'è altro che dovremmo sapere? (facoltativo)
form-details-hint = Ad esempio altri indirizzi email o numeri cliente che ha utilizzato con noi.
form-agent = Presenta la richiesta per conto di un'altra persona? (solo California)
form-agent-check = Sono un agente autorizzato che agisce per conto della persona indicata sopra
form-agent-name = Nome dell'agente
form-agent-email = Indirizzo email dell'agente
form-agent-hint = Chiederemo alla persona che lei rappresenta di confermare la richiesta e potremo chiederle una prova dei suoi poteri di rappresentanza.
form-send = Invia richiesta

# Il riepilogo sopra un modulo che contiene errori.
errors-title = { $count ->
    [one] Corregga il seguente errore
   *[other] Corregga i seguenti { $count } errori
}

## Dopo l'invio

sent-title = Controlli la sua casella di posta
sent-received = Abbiamo ricevuto la sua richiesta.
sent-received-ref = Abbiamo ricevuto la sua richiesta { $reference }.
sent-lead = Le abbiamo inviato un'email con un link. Lo apra entro 24 ore per confermare che la richiesta proviene da lei; inizieremo a occuparcene non appena lo avrà fatto.
sent-no-email = Dopo qualche minuto non ha ancora ricevuto l'email? Controlli la cartella della posta indesiderata (spam).
sent-again = Invia di nuovo la richiesta

## Conferma tramite il link inviato via email

confirm-title = Confermi la sua richiesta
confirm-lead = Richiesta { $reference }: { $kind }.
confirm-text = La preghiamo di confermare di aver presentato questa richiesta. In caso contrario, chiuda questa pagina: non succederà nulla.
confirm-button = Sì, questa è la mia richiesta

## La pagina di stato della richiesta

status-title = Richiesta { $reference }
status-heading = La sua richiesta { $reference }
status-confirmed-now = Grazie: la sua richiesta è confermata. Abbiamo iniziato a occuparcene.
status-confirmed-before = Ha già confermato questa richiesta; ecco a che punto si trova.
status-proof-received = Grazie: abbiamo ricevuto il suo file.
status-received = Data di ricezione
status-acknowledge-by = Confermeremo la ricezione entro il
status-closed = Data di chiusura
status-answer-by = Risponderemo entro il
status-extended-from = (prorogato; termine originario: { $date })
status-extension-reason = Perché ci serve più tempo
status-denial = Motivo del rifiuto
status-verify-first = Apra il link di conferma contenuto nell'email che le abbiamo inviato. Non possiamo iniziare finché non lo avrà fatto.
status-ready = I suoi dati sono pronti.
status-download = Scarica i dati (CSV)
status-download-hint = Disponibile per 30 giorni dal completamento della sua richiesta. Può aprire il file con qualsiasi programma di fogli di calcolo. Ogni riga corrisponde a un valore in nostro possesso: dove era conservato (archivio, tabella, record), di che cosa si tratta (campo, categoria di dati) e il valore stesso. Quando la colonna «valore_nullo» indica «sì», il campo non contiene alcun valore; un valore vuoto con «no» è un testo vuoto.
status-proof-title = Prova dei poteri di rappresentanza
status-proof-text = Questa richiesta è stata presentata da un agente autorizzato. Ci invii una prova del fatto che può agire per conto di questa persona, ad esempio un'autorizzazione firmata o una procura.
status-proof-have = File ricevuti: { $files }. Se le abbiamo chiesto ulteriori documenti, può inviare un altro file.
status-proof-file = File (PDF, PNG o JPEG, max 5 MB)
status-proof-send = Invia il documento
status-corrected-title = Che cosa abbiamo rettificato
status-corrected-yes = { $store } – { $category }: rettificato
status-corrected-no = { $store } – { $category }: non rettificato
status-corrected-no-because = { $store } – { $category }: non rettificato perché { $reason }
status-stores-title = Dove conserviamo i suoi dati e perché
status-stores-lead = Le informazioni a cui ha diritto per legge (art. 15, par. 1, del GDPR), per ciascuno dei nostri sistemi interessati dalla sua richiesta.
status-store-what = Di che cosa si tratta
status-store-why = Perché utilizziamo i suoi dati
status-store-basis = Base giuridica
status-store-categories = Categorie di dati
status-store-recipients = Destinatari
status-store-transfers = Trasferimenti al di fuori del suo paese
status-store-retention = Periodo di conservazione
status-store-source = Origine dei dati
status-store-source-text = Forniti da lei quando ha utilizzato i nostri servizi, salvo diversa indicazione sopra.
status-consent-title = Le registrazioni dei suoi consensi
status-consent-text = Quando completiamo la sua richiesta di cancellazione, rimuoviamo il suo indirizzo email e ogni altro identificativo dalle registrazioni di ciò a cui ha acconsentito sui nostri siti web. Conserviamo, senza alcun elemento che la identifichi, quale informativa è stata mostrata, quale scelta è stata effettuata e quando: la legge ci impone di essere in grado di dimostrare il consenso (art. 7, par. 1, del GDPR) e questa registrazione può essere necessaria per l'accertamento, l'esercizio o la difesa di un diritto in sede giudiziaria (art. 17, par. 3, lett. e), del GDPR).
status-timeline = Che cosa è successo finora

## Il centro preferenze

prefs-title = Le sue scelte sulla privacy
prefs-check-email = Controlli la sua casella di posta.
prefs-sent = Se { $email } è il suo indirizzo, le stiamo inviando un link alle sue scelte. Il link funziona una sola volta ed è valido per 24 ore.
prefs-ask-lead = Veda a che cosa ha acconsentito e modifichi le sue scelte in qualsiasi momento. Le inviamo un link via email, in modo che solo lei possa accedere alle sue scelte.
prefs-email = Il suo indirizzo email
prefs-email-me = Inviami un link via email
prefs-new-link = Richiedi un nuovo link
prefs-open-lead = Acceda alle sue scelte per vedere e modificare ciò a cui ha acconsentito.
prefs-open = Apri le mie scelte
prefs-saved = Le sue scelte sono state salvate.
prefs-changed = Un'informativa è stata modificata mentre effettuava le sue scelte. La legga e scelga di nuovo; per questa informativa non è stato salvato nulla.
prefs-lead = Per { $email }. Può modificare ogni scelta in qualsiasi momento; la revoca del consenso non pregiudica la liceità del trattamento effettuato in precedenza.
prefs-sale = (vendita o condivisione di informazioni personali)
prefs-notice = Leggi l'informativa (versione { $version })
prefs-notice-recipients = Leggi l'informativa (versione { $version }) e i destinatari dei dati
prefs-set-by = impostato da { $provider }
prefs-always-on = Sempre attivo: necessario per il funzionamento del servizio.
prefs-outdated = L'informativa è cambiata dopo la sua ultima scelta; la preghiamo di scegliere di nuovo.
prefs-yes = Sì, acconsento
prefs-no = No
prefs-save = Salva le mie scelte
prefs-history = Cronologia
prefs-history-hint = Ogni scelta ha una ricevuta: la indichi se ci contatta in merito a quella scelta.
prefs-history-label = Cronologia dei suoi consensi
prefs-col-when = Quando
prefs-col-purpose = Finalità
prefs-col-choice = Scelta
prefs-col-how = Modalità
prefs-col-receipt = Ricevuta
prefs-notice-version = (versione dell'informativa { $version })
