# E-mails aan de persoon die een verzoek heeft ingediend. Platte tekst; een lege regel
# scheidt alinea's. Links en referenties worden ingevoegd op de plaats van de placeholders.

email-greeting = Geachte heer/mevrouw,
email-follow = U kunt uw verzoek hier op elk moment volgen:
email-details = De details vindt u hier:
email-complain = Bent u het niet eens met de manier waarop we uw verzoek hebben behandeld, dan hebt u het recht om een klacht in te dienen bij een toezichthoudende autoriteit voor gegevensbescherming.

## Graag bevestigen (verstuurd wanneer een verzoek wordt ingediend)

email-verify-subject = Bevestig uw privacyverzoek { $reference }
email-verify-body =
    We hebben uw privacyverzoek { $reference } ({ $kind }) ontvangen.

    Om uw gegevens te beschermen, vragen we u te bevestigen dat dit verzoek van u afkomstig is door binnen 24 uur deze link te openen:

    { $link }

    Hebt u dit verzoek niet ingediend, dan kunt u deze e-mail negeren; er gebeurt dan niets.
email-verify-due = We antwoorden uiterlijk op { $due }.

## Meer tijd nodig

email-extended-subject = Meer tijd nodig voor uw privacyverzoek { $reference }
email-extended-body =
    We hebben meer tijd nodig om uw privacyverzoek { $reference } te beantwoorden.

    Reden: { $reason }

    Eerder verwachtten we uiterlijk op { $old } te antwoorden. We antwoorden nu uiterlijk op { $new }.

## Er is iets nodig van de persoon

email-paused-subject = We hebben iets van u nodig: verzoek { $reference }
email-paused-body =
    Om uw privacyverzoek { $reference } verder te kunnen behandelen, hebben we het volgende van u nodig:

    { $reason }

    Wilt u hierop reageren door deze e-mail te beantwoorden?

## Het verzoek is afgesloten

email-completed-subject = Uw privacyverzoek { $reference } is afgehandeld
email-completed-body = We hebben uw privacyverzoek { $reference } afgehandeld.
email-package-ready = Uw gegevens staan klaar. U kunt ze 30 dagen lang downloaden via de pagina hieronder; het is een CSV-bestand dat u met elk spreadsheetprogramma kunt openen.
email-withdrawn-subject = Uw privacyverzoek { $reference } is ingetrokken
email-withdrawn-body = Uw privacyverzoek { $reference } is ingetrokken. We ondernemen hierin verder geen actie.
email-denied-subject = Uw privacyverzoek { $reference } is geweigerd
email-denied-body =
    We kunnen geen gevolg geven aan uw privacyverzoek { $reference }.

    Reden: { $reason }
email-denied-remedies = U hebt het recht om een klacht in te dienen bij een toezichthoudende autoriteit voor gegevensbescherming en om beroep in te stellen bij de rechter.

## Correcties

email-corrected-subject = Uw correctieverzoek { $reference }
email-corrected-body = We hebben uw correctieverzoek { $reference } behandeld. Per systeem en soort gegevens:
email-corrected-yes = - { $store } – { $category }: gecorrigeerd
email-corrected-no = - { $store } – { $category }: niet gecorrigeerd
email-corrected-no-because = - { $store } – { $category }: niet gecorrigeerd ({ $reason })
email-corrected-none = Geen van onze systemen bevatte de gegevens die u ons hebt gevraagd te corrigeren.

## De link naar het voorkeurencentrum

email-prefs-subject = Uw privacykeuzes
email-prefs-body =
    Iemand, waarschijnlijk u, heeft een link naar uw privacykeuzes aangevraagd.

    Open deze link binnen 24 uur om te bekijken en te wijzigen waarvoor u toestemming hebt gegeven:

    { $link }

    De link werkt één keer. Hebt u deze link niet aangevraagd, dan kunt u deze e-mail negeren; er verandert dan niets.

## Een inbreuk in verband met persoonsgegevens (art. 34 AVG), aan de personen voor wie die gevolgen kan hebben

email-breach-subject = Belangrijk: inbreuk in verband met persoonsgegevens ({ $title })
email-breach-intro = Met dit bericht informeren we u over een inbreuk in verband met persoonsgegevens die gevolgen voor u kan hebben.
email-breach-what = Wat er is gebeurd
email-breach-data = Om welke gegevens het gaat
email-breach-consequences = Wat dit voor u kan betekenen
email-breach-measures = Wat we eraan hebben gedaan en nog doen
email-breach-contact = Met wie u contact kunt opnemen
email-breach-closing = Het spijt ons dat dit is gebeurd. Deze mededeling wordt u gestuurd op grond van artikel 34 AVG.

## Het gegevenspakket (kolomkoppen van het CSV-bestand)

package-store = opslaglocatie
package-table = tabel
package-record = record
package-field = veld
package-category = gegevenscategorie
package-value = waarde
package-is-null = geen_waarde
package-true = ja
package-false = nee
# De naam van dit privacycentrum als opslaglocatie van gegevens van de persoon (diens verzoeken en toestemmingsregistraties).
package-portal = Privacycentrum
