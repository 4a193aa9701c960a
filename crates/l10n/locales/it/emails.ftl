# Email alla persona che ha presentato una richiesta. Testo semplice; una riga vuota separa i paragrafi.
# Link e riferimenti vengono inseriti al posto dei segnaposto.

email-greeting = Gentile cliente,
email-follow = Può seguire la sua richiesta in qualsiasi momento qui:
email-details = I dettagli sono disponibili qui:
email-complain = Se non è d'accordo con il modo in cui abbiamo gestito la sua richiesta, ha il diritto di proporre reclamo a un'autorità di controllo per la protezione dei dati personali.

## Richiesta di conferma (inviata quando viene presentata una richiesta)

email-verify-subject = Confermi la sua richiesta relativa alla privacy { $reference }
email-verify-body =
    Abbiamo ricevuto la sua richiesta relativa alla privacy { $reference } ({ $kind }).

    Per proteggere i suoi dati, la preghiamo di confermare che la richiesta proviene da lei aprendo questo link entro 24 ore:

    { $link }

    Se non ha presentato questa richiesta, può ignorare questa email: non succederà nulla.
email-verify-due = Le risponderemo entro e non oltre il { $due }.

## Serve più tempo

email-extended-subject = Proroga del termine per la sua richiesta relativa alla privacy { $reference }
email-extended-body =
    Abbiamo bisogno di più tempo per rispondere alla sua richiesta relativa alla privacy { $reference }.

    Motivo: { $reason }

    In precedenza prevedevamo di rispondere entro il { $old }. Le risponderemo ora entro e non oltre il { $new }.

## Serve qualcosa dalla persona

email-paused-subject = Abbiamo bisogno di informazioni da parte sua: richiesta { $reference }
email-paused-body =
    Per proseguire con la sua richiesta relativa alla privacy { $reference } abbiamo bisogno di quanto segue:

    { $reason }

    La preghiamo di rispondere a questa email.

## La richiesta è chiusa

email-completed-subject = La sua richiesta relativa alla privacy { $reference } è stata completata
email-completed-body = Abbiamo completato la gestione della sua richiesta relativa alla privacy { $reference }.
email-package-ready = I suoi dati sono pronti. Può scaricarli dalla pagina indicata di seguito per 30 giorni; si tratta di un file CSV che può essere aperto con qualsiasi programma di fogli di calcolo.
email-withdrawn-subject = La sua richiesta relativa alla privacy { $reference } è stata ritirata
email-withdrawn-body = La sua richiesta relativa alla privacy { $reference } è stata ritirata. Non daremo alcun ulteriore seguito alla richiesta.
email-denied-subject = La sua richiesta relativa alla privacy { $reference } è stata respinta
email-denied-body =
    Non possiamo dare seguito alla sua richiesta relativa alla privacy { $reference }.

    Motivo: { $reason }
email-denied-remedies = Ha il diritto di proporre reclamo a un'autorità di controllo per la protezione dei dati personali e di proporre ricorso giurisdizionale.

## Rettifiche

email-corrected-subject = La sua richiesta di rettifica { $reference }
email-corrected-body = Abbiamo gestito la sua richiesta di rettifica { $reference }. Per ciascun sistema e categoria di dati:
email-corrected-yes = - { $store } – { $category }: rettificato
email-corrected-no = - { $store } – { $category }: non rettificato
email-corrected-no-because = - { $store } – { $category }: non rettificato ({ $reason })
email-corrected-none = Nessuno dei nostri sistemi conteneva i dati di cui ha chiesto la rettifica.

## Il link al centro preferenze

email-prefs-subject = Le sue scelte sulla privacy
email-prefs-body =
    Qualcuno, probabilmente lei, ha richiesto un link alle sue scelte sulla privacy.

    Apra questo link entro 24 ore per vedere e modificare ciò a cui ha acconsentito:

    { $link }

    Il link funziona una sola volta. Se non lo ha richiesto, può ignorare questa email: non cambierà nulla.

## Violazione dei dati personali (art. 34 del GDPR), alle persone che potrebbero esserne interessate

email-breach-subject = Importante: violazione dei dati personali ({ $title })
email-breach-intro = Le scriviamo per informarla di una violazione dei dati personali che potrebbe riguardarla.
email-breach-what = Che cosa è successo
email-breach-data = Quali informazioni sono coinvolte
email-breach-consequences = Che cosa può significare per lei
email-breach-measures = Che cosa abbiamo fatto e stiamo facendo al riguardo
email-breach-contact = A chi rivolgersi
email-breach-closing = Ci scusiamo per l'accaduto. La presente comunicazione le è inviata ai sensi dell'art. 34 del GDPR.

## Il pacchetto di dati (intestazioni delle colonne del file CSV)

package-store = archivio
package-table = tabella
package-record = record
package-field = campo
package-category = categoria_dati
package-value = valore
package-is-null = valore_nullo
package-true = sì
package-false = no
# Il nome di questo centro privacy come archivio dei dati della persona (le sue richieste e le registrazioni dei suoi consensi).
package-portal = Centro privacy
