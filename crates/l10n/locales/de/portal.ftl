# Die öffentlichen Seiten: Datenschutzcenter, Antragsformular, Bestätigung, Status und
# Datenschutzeinstellungen. Durchgehend förmliche Anrede („Sie“); Leser ist die Kundschaft eines Shops.

## Every page

skip-link = Zum Hauptinhalt springen
brand-default = Datenschutzcenter
nav-label = Hauptnavigation
nav-rights = Ihre Rechte
nav-request = Antrag stellen
nav-choices = Ihre Einstellungen
language-label = Sprache
footer-law = Anträge, die Sie hier stellen, werden nach dem geltenden Datenschutzrecht bearbeitet.
# Was der Shop über sich selbst hinterlegt hat, in der Fußzeile jeder Seite und jeder E-Mail.
footer-controller = Verantwortlicher: { $name }
footer-dpo = Datenschutzbeauftragter: { $contact }
footer-policy = Datenschutzerklärung

## Error pages

error-back = Zum Datenschutzcenter
error-title-too-many = Zu viele Versuche
error-title-not-found = Nicht gefunden
error-title-forbidden = Nicht zulässig
error-title-gone = Link abgelaufen
error-title-server = Es ist ein Fehler aufgetreten
error-title-other = Das hat nicht funktioniert
error-server = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es in einem Moment erneut.
error-too-many = Aus Ihrem Netzwerk gab es in kurzer Zeit zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.
error-other = Das hat nicht funktioniert. Bitte überprüfen Sie Ihre Eingaben und versuchen Sie es erneut.
error-page-missing = Diese Seite existiert nicht.
error-request-missing = Wir konnten diesen Antrag nicht finden. Bitte öffnen Sie den Link aus der E-Mail, die wir Ihnen gesendet haben.
error-link-unknown = Dieser Bestätigungslink ist uns nicht bekannt. Wenn Sie Ihren Antrag bereits bestätigt haben, sehen Sie über den Statuslink in unserer E-Mail, wie der Stand ist; andernfalls stellen Sie den Antrag bitte erneut.
error-link-expired = Dieser Link ist abgelaufen.
error-link-used = Dieser Link wurde bereits verwendet oder ist ungültig.
error-form-expired = Dieses Formular ist abgelaufen. Laden Sie die Seite neu und versuchen Sie es erneut.
error-page-expired = Diese Seite ist abgelaufen. Öffnen Sie den Link aus Ihrer E-Mail bitte erneut.
error-file-unreadable = Die Datei konnte nicht gelesen werden. Bitte versuchen Sie es erneut.
error-server-reference = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es in einem Moment erneut. Tritt der Fehler wieder auf, nennen Sie der Administration bitte diese Referenz: { $reference }.
error-upload-large = Die hochgeladenen Daten sind größer als { $max } MB.
error-upload-length = Beim Hochladen muss die Größe der Daten angegeben werden.
error-upload-fields = Das Formular hat mehr als { $max } Felder übermittelt.
error-upload-field-long = Ein Formularfeld ist zu lang.

## Your privacy rights (/privacy)

rights-title = Ihre Datenschutzrechte
rights-lead = Sie können von uns Auskunft darüber verlangen, welche Daten wir über Sie gespeichert haben, diese berichtigen oder löschen lassen, sie mitnehmen oder uns untersagen, sie zu verkaufen oder weiterzugeben. Das ist für Sie kostenlos, und wir antworten innerhalb der gesetzlichen Frist.
rights-what = Was Sie beantragen können
rights-access-title = Auskunft über Ihre Daten
rights-access-text = Erhalten Sie eine Kopie der personenbezogenen Daten, die wir über Sie gespeichert haben, und erfahren Sie, woher sie stammen, wofür wir sie verwenden und an wen wir sie weitergeben.
rights-access-link = Auskunft beantragen
rights-correction-title = Berichtigung Ihrer Daten
rights-correction-text = Teilen Sie uns mit, was unrichtig ist, und wir berichtigen es überall, wo wir die Daten gespeichert haben.
rights-correction-link = Berichtigung beantragen
rights-deletion-title = Löschung Ihrer Daten
rights-deletion-text = Verlangen Sie von uns die Löschung Ihrer Daten. Manche Unterlagen, etwa Rechnungen, müssen wir aufgrund gesetzlicher Aufbewahrungspflichten behalten; wir teilen Ihnen mit, welche und warum.
rights-deletion-link = Löschung beantragen
rights-portability-title = Ihre Daten mitnehmen (Datenübertragbarkeit)
rights-portability-text = Erhalten Sie die Daten, die Sie uns bereitgestellt haben, in einem gängigen Dateiformat (CSV), das Sie öffnen oder weitergeben können.
rights-portability-link = Ihre Daten anfordern
rights-optout-title = Verkauf oder Weitergabe untersagen
rights-optout-text = Für Personen mit Wohnsitz in Kalifornien: Untersagen Sie uns, Ihre personenbezogenen Daten zu verkaufen oder weiterzugeben, oder verlangen Sie, dass wir die Verwendung sensibler Daten einschränken.
rights-optout-link = Opt-out erklären
rights-objection-title = Einschränkung der Verarbeitung oder Widerspruch
rights-objection-text = Verlangen Sie, dass wir die Verarbeitung Ihrer Daten einschränken, solange eine offene Frage geklärt wird, oder widersprechen Sie einer Verarbeitung, mit der Sie nicht einverstanden sind.
rights-objection-link = Widerspruch einlegen
rights-how = So funktioniert es
rights-step-form = Füllen Sie das kurze Formular aus. Das dauert etwa zwei Minuten.
rights-step-email = Wir senden Ihnen per E-Mail einen Link. Öffnen Sie ihn, um zu bestätigen, dass der Antrag von Ihnen stammt; so verhindern wir, dass jemand anderes Ihre Daten erhält.
rights-step-work = Wir bearbeiten Ihren Antrag und informieren Sie, sobald er erledigt ist. Über den Link in der E-Mail können Sie jeden Schritt verfolgen.
rights-deadlines = In der EU und im Vereinigten Königreich antworten wir innerhalb eines Monats (bei komplexen Anträgen können wir diese Frist um weitere zwei Monate verlängern; die Gründe dafür teilen wir Ihnen mit). In Kalifornien antworten wir innerhalb von 45 Tagen.

## The request form

form-title = Datenschutzantrag stellen
form-lead = Wir senden Ihnen per E-Mail einen Link, mit dem Sie bestätigen, dass der Antrag von Ihnen stammt. Als optional gekennzeichnete Felder können Sie leer lassen.
form-kind = Was möchten Sie tun?
form-jurisdiction = Wo wohnen Sie?
form-jurisdiction-hint = Davon hängt ab, welches Recht gilt und wie schnell wir antworten müssen.
form-email = Ihre E-Mail-Adresse
form-email-hint = Die Adresse, die Sie bei uns verwenden, damit wir Ihre Daten finden können.
form-name = Ihr Name (optional)
form-corrections = Nur für Berichtigungen
form-corrections-hint = Füllen Sie nur aus, was unrichtig ist, und geben Sie jeweils den richtigen Wert an. Bevor etwas geändert wird, zeigen wir Ihnen und unseren Mitarbeitenden genau, was sich ändern wird.
form-correct-name = Richtiger Name
form-correct-email = Richtige E-Mail-Adresse
form-correct-phone = Richtige Telefonnummer
form-correct-address = Richtige Postanschrift
form-correction-what = Ist noch etwas anderes unrichtig?
form-correction-value = Wie soll es stattdessen lauten?
form-details = Gibt es noch etwas, das wir wissen sollten? (optional)
form-details-hint = Zum Beispiel andere E-Mail-Adressen oder Kundennummern, die Sie bei uns verwendet haben.
form-agent = Stellen Sie den Antrag für eine andere Person? (nur Kalifornien)
form-agent-check = Ich handle als bevollmächtigte Vertretung (Authorized Agent) für die oben genannte Person
form-agent-name = Name der bevollmächtigten Person
form-agent-email = E-Mail-Adresse der bevollmächtigten Person
form-agent-hint = Wir bitten die Person, die Sie vertreten, den Antrag zu bestätigen, und können Sie um einen Nachweis Ihrer Vollmacht bitten.
form-send = Antrag absenden

# Die Zusammenfassung über einem Formular mit Fehlern.
errors-title = { $count ->
    [one] Bitte korrigieren Sie diese Angabe
   *[other] Bitte korrigieren Sie diese { $count } Angaben
}

## After sending

sent-title = Bitte prüfen Sie Ihr E-Mail-Postfach
sent-received = Wir haben Ihren Antrag erhalten.
sent-received-ref = Wir haben Ihren Antrag { $reference } erhalten.
sent-lead = Wir haben Ihnen eine E-Mail mit einem Link gesendet. Öffnen Sie ihn innerhalb von 24 Stunden, um zu bestätigen, dass der Antrag von Ihnen stammt; sobald Sie das getan haben, beginnen wir mit der Bearbeitung.
sent-no-email = Auch nach einigen Minuten keine E-Mail erhalten? Bitte sehen Sie in Ihrem Spam-Ordner nach.
sent-again = Antrag erneut senden

## Confirming by the emailed link

confirm-title = Antrag bestätigen
confirm-lead = Antrag { $reference }: { $kind }.
confirm-text = Bitte bestätigen Sie, dass Sie diesen Antrag gestellt haben. Falls nicht, schließen Sie diese Seite einfach; es geschieht dann nichts.
confirm-button = Ja, das ist mein Antrag

## The request's status page

status-title = Antrag { $reference }
status-heading = Ihr Antrag { $reference }
status-confirmed-now = Vielen Dank: Ihr Antrag ist bestätigt. Wir haben mit der Bearbeitung begonnen.
status-confirmed-before = Sie haben diesen Antrag bereits bestätigt; hier sehen Sie den aktuellen Stand.
status-proof-received = Vielen Dank: Wir haben Ihre Datei erhalten.
status-received = Eingegangen
status-acknowledge-by = Eingangsbestätigung bis spätestens
status-closed = Abgeschlossen
status-answer-by = Unsere Antwort bis spätestens
status-extended-from = (verlängert; ursprünglich { $date })
status-extension-reason = Warum wir mehr Zeit benötigen
status-denial = Grund der Ablehnung
status-verify-first = Bitte öffnen Sie den Bestätigungslink in der E-Mail, die wir Ihnen gesendet haben. Erst danach können wir mit der Bearbeitung beginnen.
status-ready = Ihre Daten stehen bereit.
status-download = Ihre Daten herunterladen (CSV)
status-download-hint = Verfügbar für 30 Tage nach Abschluss Ihres Antrags. Sie können die Datei mit jedem Tabellenkalkulationsprogramm öffnen. Jede Zeile enthält einen Wert, den wir gespeichert haben: wo er gespeichert war (Speicherort, Tabelle, Datensatz), worum es sich handelt (Feld, Datenkategorie) und den Wert selbst. Steht in der Spalte „ist_leer“ der Eintrag „ja“, enthält das Feld überhaupt keinen Wert; ein leerer Wert mit „nein“ ist ein leerer Text.
status-proof-title = Nachweis der Vollmacht
status-proof-text = Dieser Antrag wurde von einer bevollmächtigten Vertretung gestellt. Bitte senden Sie uns einen Nachweis, dass Sie für diese Person handeln dürfen, etwa eine unterschriebene Ermächtigung oder eine Vollmacht.
status-proof-have = Erhalten: { $files }. Sie können eine weitere Datei senden, falls wir weitere Nachweise angefordert haben.
status-proof-file = Datei (PDF, PNG oder JPEG, höchstens 5 MB)
status-proof-send = Nachweis senden
status-corrected-title = Was wir berichtigt haben
status-corrected-yes = { $store } – { $category }: berichtigt
status-corrected-no = { $store } – { $category }: nicht berichtigt
status-corrected-no-because = { $store } – { $category }: nicht berichtigt (Grund: { $reason })
status-stores-title = Wo wir Ihre Daten speichern und warum
status-stores-lead = Die Informationen, die Ihnen nach Art. 15 Abs. 1 DSGVO zustehen, für jedes unserer Systeme, das an Ihrem Antrag beteiligt ist.
status-store-what = Worum es sich handelt
status-store-why = Wofür wir Ihre Daten verwenden
status-store-basis = Rechtsgrundlage
status-store-categories = Kategorien personenbezogener Daten
status-store-recipients = Empfänger
status-store-transfers = Übermittlungen ins Ausland
status-store-retention = Speicherdauer
status-store-source = Herkunft der Daten
status-store-source-text = Von Ihnen selbst, bei der Nutzung unserer Dienste, sofern oben nicht anders angegeben.
status-consent-title = Ihre Einwilligungsnachweise
status-consent-text = Wenn wir Ihren Löschantrag abschließen, entfernen wir Ihre E-Mail-Adresse und alle anderen Kennungen aus den Aufzeichnungen darüber, worin Sie auf unseren Websites eingewilligt haben. Ohne Angaben, die Sie identifizieren, bewahren wir auf, welcher Hinweis angezeigt wurde, welche Auswahl getroffen wurde und wann: Wir sind gesetzlich verpflichtet, Einwilligungen nachweisen zu können (Art. 7 Abs. 1 DSGVO), und diese Aufzeichnungen können zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen erforderlich sein (Art. 17 Abs. 3 lit. e DSGVO).
status-timeline = Bisheriger Verlauf

## The preference centre

prefs-title = Ihre Datenschutzeinstellungen
prefs-check-email = Bitte prüfen Sie Ihr E-Mail-Postfach.
prefs-sent = Wenn { $email } Ihre Adresse ist, ist ein Link zu Ihren Einstellungen unterwegs. Er kann einmal verwendet werden und ist 24 Stunden gültig.
prefs-ask-lead = Sehen Sie, worin Sie eingewilligt haben, und ändern Sie es jederzeit. Wir senden Ihnen einen Link per E-Mail, damit nur Sie Ihre Einstellungen öffnen können.
prefs-email = Ihre E-Mail-Adresse
prefs-email-me = Link per E-Mail senden
prefs-new-link = Neuen Link anfordern
prefs-open-lead = Öffnen Sie Ihre Einstellungen, um zu sehen und zu ändern, worin Sie eingewilligt haben.
prefs-open = Meine Einstellungen öffnen
prefs-saved = Ihre Einstellungen wurden gespeichert.
prefs-changed = Ein Hinweis hat sich geändert, während Sie Ihre Auswahl getroffen haben. Bitte lesen Sie ihn und treffen Sie Ihre Auswahl erneut; für diesen Hinweis wurde nichts gespeichert.
prefs-lead = Für { $email }. Sie können jede Auswahl jederzeit ändern; ein Widerruf berührt nicht die Rechtmäßigkeit der bis zum Widerruf erfolgten Verarbeitung.
prefs-sale = (Verkauf oder Weitergabe personenbezogener Daten)
prefs-notice = Hinweis lesen (Version { $version })
prefs-notice-recipients = Hinweis (Version { $version }) und Empfänger der Daten ansehen
prefs-set-by = gesetzt von { $provider }
prefs-always-on = Immer aktiv: für die Funktion des Dienstes erforderlich.
prefs-outdated = Der Hinweis hat sich seit Ihrer letzten Auswahl geändert; bitte treffen Sie Ihre Auswahl erneut.
prefs-yes = Ja, ich willige ein
prefs-no = Nein
prefs-save = Meine Auswahl speichern
prefs-history = Verlauf
prefs-history-hint = Zu jeder Auswahl gibt es einen Beleg: Geben Sie ihn an, wenn Sie uns zu dieser Auswahl kontaktieren.
prefs-history-label = Ihr Einwilligungsverlauf
prefs-col-when = Zeitpunkt
prefs-col-purpose = Zweck
prefs-col-choice = Auswahl
prefs-col-how = Art
prefs-col-receipt = Beleg
prefs-notice-version = (Version des Hinweises: { $version })
