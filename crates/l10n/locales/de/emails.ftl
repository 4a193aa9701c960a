# E-Mails an die Person, die einen Antrag gestellt hat. Reiner Text; eine Leerzeile trennt Absätze.
# Links und Referenzen werden an den Stellen der Platzhalter eingesetzt.

email-greeting = Guten Tag,
email-follow = Sie können Ihren Antrag hier jederzeit verfolgen:
email-details = Die Einzelheiten finden Sie hier:
email-complain = Wenn Sie mit der Bearbeitung Ihres Antrags nicht einverstanden sind, haben Sie das Recht, Beschwerde bei einer Datenschutz-Aufsichtsbehörde einzulegen.

## Please confirm (sent when a request is made)

email-verify-subject = Bitte bestätigen Sie Ihren Datenschutzantrag { $reference }
email-verify-body =
    wir haben Ihren Datenschutzantrag { $reference } ({ $kind }) erhalten.

    Zum Schutz Ihrer Daten bestätigen Sie bitte, dass dieser Antrag von Ihnen stammt, indem Sie innerhalb von 24 Stunden diesen Link öffnen:

    { $link }

    Wenn Sie diesen Antrag nicht gestellt haben, können Sie diese E-Mail ignorieren; es geschieht dann nichts.
email-verify-due = Wir antworten Ihnen bis spätestens { $due }.

## More time needed

email-extended-subject = Für Ihren Datenschutzantrag { $reference } benötigen wir mehr Zeit
email-extended-body =
    wir benötigen mehr Zeit, um Ihren Datenschutzantrag { $reference } zu beantworten.

    Grund: { $reason }

    Bisher sind wir davon ausgegangen, Ihnen bis { $old } zu antworten. Wir werden Ihnen nun bis spätestens { $new } antworten.

## Something is needed from the person

email-paused-subject = Wir benötigen Angaben von Ihnen: Antrag { $reference }
email-paused-body =
    um Ihren Datenschutzantrag { $reference } weiter bearbeiten zu können, benötigen wir Folgendes von Ihnen:

    { $reason }

    Bitte antworten Sie auf diese E-Mail.

## The request is closed

email-completed-subject = Ihr Datenschutzantrag { $reference } wurde abgeschlossen
email-completed-body = wir haben Ihren Datenschutzantrag { $reference } abgeschlossen.
email-package-ready = Ihre Daten stehen bereit. Sie können sie 30 Tage lang über die unten genannte Seite herunterladen; es handelt sich um eine CSV-Datei, die sich mit jedem Tabellenkalkulationsprogramm öffnen lässt.
email-withdrawn-subject = Ihr Datenschutzantrag { $reference } wurde zurückgezogen
email-withdrawn-body = Ihr Datenschutzantrag { $reference } wurde zurückgezogen. Wir werden ihn nicht weiter bearbeiten.
email-denied-subject = Ihr Datenschutzantrag { $reference } wurde abgelehnt
email-denied-body =
    wir können Ihrem Datenschutzantrag { $reference } nicht nachkommen.

    Grund: { $reason }
email-denied-remedies = Sie haben das Recht, Beschwerde bei einer Datenschutz-Aufsichtsbehörde einzulegen sowie einen gerichtlichen Rechtsbehelf in Anspruch zu nehmen.

## Corrections

email-corrected-subject = Ihr Antrag auf Berichtigung { $reference }
email-corrected-body = wir haben Ihren Antrag auf Berichtigung { $reference } bearbeitet. Das Ergebnis für jedes System und jede Datenkategorie:
email-corrected-yes = - { $store } – { $category }: berichtigt
email-corrected-no = - { $store } – { $category }: nicht berichtigt
email-corrected-no-because = - { $store } – { $category }: nicht berichtigt ({ $reason })
email-corrected-none = Keines unserer Systeme hatte die Daten gespeichert, deren Berichtigung Sie beantragt haben.

## The preference centre link

email-prefs-subject = Ihre Datenschutzeinstellungen
email-prefs-body =
    jemand, vermutlich Sie selbst, hat einen Link zu Ihren Datenschutzeinstellungen angefordert.

    Öffnen Sie diesen Link innerhalb von 24 Stunden, um zu sehen und zu ändern, worin Sie eingewilligt haben:

    { $link }

    Der Link kann nur einmal verwendet werden. Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren; es ändert sich nichts.

## A personal data breach (GDPR Art. 34), to the people it may affect

email-breach-subject = Wichtig: Verletzung des Schutzes personenbezogener Daten ({ $title })
email-breach-intro = wir informieren Sie hiermit über eine Verletzung des Schutzes personenbezogener Daten, die Sie betreffen kann.
email-breach-what = Was geschehen ist
email-breach-data = Welche Daten betroffen sind
email-breach-consequences = Welche Folgen dies für Sie haben kann
email-breach-measures = Was wir unternommen haben und weiter unternehmen
email-breach-contact = An wen Sie sich wenden können
email-breach-closing = Wir bedauern diesen Vorfall sehr. Diese Benachrichtigung erfolgt nach Art. 34 DSGVO.

## The data package (CSV column headings)

package-store = speicherort
package-table = tabelle
package-record = datensatz
package-field = feld
package-category = datenkategorie
package-value = wert
package-is-null = ist_leer
package-true = ja
package-false = nein
# Der Name dieses Datenschutzcenters als Speicherort der Daten der Person (ihre Anträge und Einwilligungsnachweise).
package-portal = Datenschutzcenter
