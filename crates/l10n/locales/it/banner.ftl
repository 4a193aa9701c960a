# Il banner per il consenso sulle pagine del negozio, il suo pannello «Scegli», i segnaposto
# dei contenuti bloccati e la ricevuta dopo il salvataggio. I valori tra parentesi graffe
# sono inseriti dal banner.

banner-title = Le sue scelte sulla privacy
banner-notice-title = Informativa al momento della raccolta
banner-text = Prima di utilizzare i suoi dati per qualsiasi finalità non necessaria al funzionamento di questo sito, le chiediamo il consenso. Può modificare la sua decisione in qualsiasi momento con il pulsante «Scelte sulla privacy».
banner-text-optout = Questo sito raccoglie informazioni personali per le finalità elencate in «Scegli per finalità»; l'informativa di ciascuna finalità indica quali informazioni sono raccolte, perché e chi le riceve. Alcune di esse possono costituire una vendita o condivisione di informazioni personali: può opporsi (opt-out) in qualsiasi momento.
banner-accept = Accetta tutto
banner-reject = Rifiuta tutto
banner-choose = Scegli
banner-choose-purpose = Scegli per finalità
banner-save = Salva le mie scelte
banner-close = Chiudi
banner-reopen = Scelte sulla privacy
# Testo del link previsto dalla legge della California (Cal. Civ. Code § 1798.135).
banner-dns = Non vendere né condividere le mie informazioni personali
banner-sale = (vendita o condivisione di informazioni personali)
banner-always-on = Sempre attivo: necessario per il funzionamento del servizio.
banner-gpc = Disattivato: è stato rispettato il segnale Global Privacy Control del suo browser
banner-notice = Leggi l'informativa e i destinatari dei dati
banner-notice-for = (finalità: { $purpose })
banner-policy = Informativa sulla privacy
banner-manage = Gestisci le scelte via email
banner-your-choices-of = Le sue scelte in data { $date }, ricevuta { $receipt }
banner-failed-one = Non è stato possibile salvare la sua scelta. La preghiamo di riprovare.
banner-failed = Non è stato possibile salvare le sue scelte. La preghiamo di riprovare.
banner-saved = Le sue scelte sono state salvate.
banner-saved-on = Le sue scelte sono state salvate in data { $date }. Ricevuta: { $receipt }.
banner-cannot-remove = I cookie impostati da altre società sui propri siti possono essere rimossi solo dalle impostazioni del browser: { $names }.
banner-saved-title = Scelte salvate
banner-embed = Questo contenuto è fornito da { $service }. Caricandolo, alcuni dati vengono condivisi con { $service }.
banner-embed-purpose = Questo contenuto è fornito da { $service }. Caricandolo, alcuni dati vengono condivisi con { $service } ({ $purpose }).
banner-load = Carica il contenuto
banner-another-company = un'altra società
