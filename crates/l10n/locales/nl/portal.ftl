# De openbare pagina's: het privacycentrum, het verzoekformulier, de bevestiging, de
# statuspagina en het voorkeurencentrum. Overal formeel (u); de lezer is klant van een winkel.

## Elke pagina

skip-link = Direct naar de hoofdinhoud
brand-default = Privacycentrum
nav-label = Hoofdmenu
nav-rights = Uw rechten
nav-request = Verzoek indienen
nav-choices = Uw keuzes
language-label = Taal
footer-law = Verzoeken die u hier indient, worden behandeld volgens de wetgeving inzake de bescherming van persoonsgegevens.
# Wat de winkel over zichzelf heeft ingesteld, in de voettekst van elke pagina en e-mail.
footer-controller = Verwerkingsverantwoordelijke: { $name }
footer-dpo = Functionaris voor gegevensbescherming: { $contact }
footer-policy = Privacyverklaring

## Foutpagina's

error-back = Naar het privacycentrum
error-title-too-many = Te veel pogingen
error-title-not-found = Niet gevonden
error-title-forbidden = Niet toegestaan
error-title-gone = Link verlopen
error-title-server = Er is iets misgegaan
error-title-other = Dit is niet gelukt
error-server = Er is bij ons iets misgegaan. Probeer het over enkele ogenblikken opnieuw.
error-too-many = Vanaf uw netwerk zijn in korte tijd te veel pogingen gedaan. Wacht enkele minuten en probeer het dan opnieuw.
error-other = Dit is niet gelukt. Controleer wat u hebt ingevuld en probeer het opnieuw.
error-page-missing = Deze pagina bestaat niet.
error-request-missing = We kunnen dit verzoek niet vinden. Open de link in de e-mail die we u hebben gestuurd.
error-link-unknown = Deze bevestigingslink is ons niet bekend. Hebt u uw verzoek al bevestigd, dan ziet u via de statuslink in onze e-mail hoe het ervoor staat. Zo niet, dien het verzoek dan opnieuw in.
error-link-expired = Deze link is verlopen.
error-link-used = Deze link is al gebruikt of is niet geldig.
error-form-expired = Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.
error-page-expired = Deze pagina is verlopen. Open de link in uw e-mail opnieuw.
error-file-unreadable = Het bestand kon niet worden gelezen. Probeer het opnieuw.
error-server-reference = Er is bij ons iets misgegaan. Probeer het over enkele ogenblikken opnieuw. Gebeurt dit nog eens, geef dan deze referentie door aan de beheerder: { $reference }.
error-upload-large = De upload is groter dan { $max } MB.
error-upload-length = Bij de upload moet de grootte worden opgegeven.
error-upload-fields = Het formulier heeft meer dan { $max } velden verstuurd.
error-upload-field-long = Een van de formuliervelden is te lang.

## Uw privacyrechten (/privacy)

rights-title = Uw privacyrechten
rights-lead = U kunt ons vragen welke gegevens we over u hebben, die gegevens laten corrigeren of verwijderen, ze meenemen, of ons laten weten dat we ze niet meer mogen verkopen of delen. Dit is kosteloos en we antwoorden binnen de wettelijke termijn.
rights-what = Wat u kunt vragen
rights-access-title = Uw gegevens inzien
rights-access-text = Ontvang een kopie van de persoonsgegevens die we over u hebben, met de herkomst ervan, het doel waarvoor we ze gebruiken en met wie we ze delen.
rights-access-link = Inzage vragen
rights-correction-title = Uw gegevens laten corrigeren
rights-correction-text = Laat ons weten wat er niet klopt; we corrigeren het overal waar we het bewaren.
rights-correction-link = Correctie vragen
rights-deletion-title = Uw gegevens laten verwijderen
rights-deletion-text = Vraag ons uw gegevens te wissen. Sommige gegevens, zoals facturen, moeten we op grond van de wet bewaren; we laten u weten welke en waarom.
rights-deletion-link = Verwijdering vragen
rights-portability-title = Uw gegevens meenemen
rights-portability-text = Ontvang de gegevens die u ons hebt verstrekt in een gangbaar bestandsformaat (CSV), dat u kunt openen of aan een ander kunt doorgeven.
rights-portability-link = Uw gegevens opvragen
rights-optout-title = Verkoop of delen stopzetten
rights-optout-text = Voor inwoners van Californië: laat ons weten dat we uw persoonsgegevens niet mogen verkopen of delen, of dat we het gebruik van gevoelige gegevens moeten beperken.
rights-optout-link = Afmelden (opt-out)
rights-objection-title = Beperking of bezwaar
rights-objection-text = Vraag ons de verwerking van uw gegevens tijdelijk te beperken zolang een kwestie nog niet is opgelost, of maak bezwaar tegen een verwerking waarmee u het niet eens bent.
rights-objection-link = Bezwaar maken
rights-how = Zo werkt het
rights-step-form = Vul het korte formulier in. Dat duurt ongeveer twee minuten.
rights-step-email = We sturen u een link per e-mail. Open die om te bevestigen dat het verzoek van u afkomstig is; zo voorkomen we dat iemand anders uw gegevens krijgt.
rights-step-work = We gaan ermee aan de slag en laten u weten wanneer het is afgerond. Via de link in de e-mail kunt u elke stap volgen.
rights-deadlines = In de EU en het Verenigd Koninkrijk antwoorden we binnen een maand (bij complexe verzoeken kunnen we deze termijn met nog eens twee maanden verlengen; we laten u dan weten waarom). In Californië antwoorden we binnen 45 dagen.

## Het verzoekformulier

form-title = Een privacyverzoek indienen
form-lead = We sturen u een link per e-mail om te bevestigen dat het verzoek van u afkomstig is. Velden die als optioneel zijn aangeduid, mag u leeg laten.
form-kind = Wat wilt u doen?
form-jurisdiction = Waar woont u?
form-jurisdiction-hint = Dit bepaalt welke wet van toepassing is en hoe snel we moeten antwoorden.
form-email = Uw e-mailadres
form-email-hint = Het adres dat u bij ons gebruikt, zodat we uw gegevens kunnen vinden.
form-name = Uw naam (optioneel)
form-corrections = Alleen voor correcties
form-corrections-hint = Vul alleen in wat niet klopt, met de juiste gegevens. Voordat er iets wordt gewijzigd, laten we u en onze medewerkers precies zien wat er verandert.
form-correct-name = Juiste naam
form-correct-email = Juist e-mailadres
form-correct-phone = Juist telefoonnummer
form-correct-address = Juist postadres
form-correction-what = Klopt er nog iets anders niet?
form-correction-value = Wat moet er in plaats daarvan staan?
form-details = Is er nog iets wat we moeten weten? (optioneel)
form-details-hint = Bijvoorbeeld andere e-mailadressen of klantnummers die u bij ons hebt gebruikt.
form-agent = Dient u het verzoek in namens iemand anders? (alleen Californië)
form-agent-check = Ik ben een gemachtigde en treed op namens de hierboven genoemde persoon
form-agent-name = Naam van de gemachtigde
form-agent-email = E-mailadres van de gemachtigde
form-agent-hint = We vragen de persoon namens wie u optreedt het verzoek te bevestigen en kunnen u vragen om aan te tonen dat u daartoe gemachtigd bent.
form-send = Verzoek versturen

# De samenvatting boven een formulier met fouten.
errors-title = { $count ->
    [one] Corrigeer het volgende punt
   *[other] Corrigeer de volgende { $count } punten
}

## Na het versturen

sent-title = Controleer uw e-mail
sent-received = We hebben uw verzoek ontvangen.
sent-received-ref = We hebben uw verzoek { $reference } ontvangen.
sent-lead = We hebben u een e-mail met een link gestuurd. Open die binnen 24 uur om te bevestigen dat het verzoek van u afkomstig is; zodra u dat doet, gaan we aan de slag.
sent-no-email = Na een paar minuten nog geen e-mail ontvangen? Kijk dan in uw map met ongewenste e-mail (spam).
sent-again = Verzoek opnieuw versturen

## Bevestigen via de link in de e-mail

confirm-title = Bevestig uw verzoek
confirm-lead = Verzoek { $reference }: { $kind }.
confirm-text = Bevestig dat u dit verzoek hebt ingediend. Hebt u dat niet gedaan, sluit deze pagina dan; er gebeurt dan niets.
confirm-button = Ja, dit is mijn verzoek

## De statuspagina van het verzoek

status-title = Verzoek { $reference }
status-heading = Uw verzoek { $reference }
status-confirmed-now = Dank u wel: uw verzoek is bevestigd. We zijn ermee aan de slag gegaan.
status-confirmed-before = U had dit verzoek al bevestigd; hieronder ziet u hoe het ervoor staat.
status-proof-received = Dank u wel: we hebben uw bestand ontvangen.
status-received = Ontvangen
status-acknowledge-by = We bevestigen de ontvangst uiterlijk op
status-closed = Afgesloten
status-answer-by = We antwoorden uiterlijk op
status-extended-from = (verlengd, oorspronkelijk { $date })
status-extension-reason = Waarom we meer tijd nodig hebben
status-denial = Reden van weigering
status-verify-first = Open de bevestigingslink in de e-mail die we u hebben gestuurd. Pas daarna kunnen we aan de slag.
status-ready = Uw gegevens staan klaar.
status-download = Uw gegevens downloaden (CSV)
status-download-hint = Beschikbaar tot 30 dagen nadat we uw verzoek hebben afgehandeld. U kunt het bestand openen met elk spreadsheetprogramma. Elke rij is één gegeven dat we bewaren: waar het was opgeslagen (opslaglocatie, tabel, record), wat het is (veld, gegevenscategorie) en de waarde zelf. Staat in de kolom “geen_waarde” “ja”, dan bevat dat veld helemaal niets; een lege waarde met “nee” is een lege tekst.
status-proof-title = Bewijs van machtiging
status-proof-text = Dit verzoek is ingediend door een gemachtigde. Stuur ons een bewijs dat u namens deze persoon mag optreden, zoals een ondertekende machtiging of een volmacht.
status-proof-have = Ontvangen: { $files }. U kunt nog een bestand sturen als we om meer hebben gevraagd.
status-proof-file = Bestand (PDF, PNG of JPEG, maximaal 5 MB)
status-proof-send = Bewijs versturen
status-corrected-title = Wat we hebben gecorrigeerd
status-corrected-yes = { $store } – { $category }: gecorrigeerd
status-corrected-no = { $store } – { $category }: niet gecorrigeerd
status-corrected-no-because = { $store } – { $category }: niet gecorrigeerd, want { $reason }
status-stores-title = Waar we uw gegevens bewaren en waarom
status-stores-lead = De informatie waarop u volgens de wet (art. 15, lid 1, AVG) recht hebt, voor elk van onze systemen dat bij uw verzoek betrokken is.
status-store-what = Wat het is
status-store-why = Waarvoor we uw gegevens gebruiken
status-store-basis = Rechtsgrond
status-store-categories = Soorten gegevens
status-store-recipients = Wie de gegevens ontvangt
status-store-transfers = Doorgifte buiten uw land
status-store-retention = Hoe lang we de gegevens bewaren
status-store-source = Waar de gegevens vandaan komen
status-store-source-text = Van uzelf, toen u gebruikmaakte van onze diensten, tenzij hierboven anders vermeld.
status-consent-title = Registratie van uw toestemmingen
status-consent-text = Wanneer we uw verzoek om verwijdering afhandelen, verwijderen we uw e-mailadres en alle andere gegevens waarmee u kunt worden geïdentificeerd uit de registratie van waarvoor u op onze websites toestemming hebt gegeven. Zonder iets wat naar u herleidbaar is, bewaren we welke toelichting werd getoond, wat er werd gekozen en wanneer: de wet verplicht ons om te kunnen aantonen dat toestemming is gegeven (art. 7, lid 1, AVG), en deze registratie kan nodig zijn voor de instelling, uitoefening of onderbouwing van een rechtsvordering (art. 17, lid 3, onder e, AVG).
status-timeline = Wat er tot nu toe is gebeurd

## Het voorkeurencentrum

prefs-title = Uw privacykeuzes
prefs-check-email = Controleer uw e-mail.
prefs-sent = Als { $email } uw adres is, is er een link naar uw keuzes onderweg. De link werkt één keer en is 24 uur geldig.
prefs-ask-lead = Bekijk waarvoor u toestemming hebt gegeven en wijzig dat op elk moment. We sturen u een link per e-mail, zodat alleen u uw keuzes kunt openen.
prefs-email = Uw e-mailadres
prefs-email-me = Stuur mij een link
prefs-new-link = Nieuwe link aanvragen
prefs-open-lead = Open uw keuzes om te bekijken en te wijzigen waarvoor u toestemming hebt gegeven.
prefs-open = Mijn keuzes openen
prefs-saved = Uw keuzes zijn opgeslagen.
prefs-changed = Een toelichting is gewijzigd terwijl u uw keuzes maakte. Lees deze en maak opnieuw een keuze; voor dit onderdeel is niets opgeslagen.
prefs-lead = Voor { $email }. U kunt elke keuze op elk moment wijzigen; het intrekken van uw toestemming heeft geen gevolgen voor wat daarvóór al is gebeurd.
prefs-sale = (verkoop of delen van persoonsgegevens)
prefs-notice = Lees de toelichting (versie { $version })
prefs-notice-recipients = Lees de toelichting (versie { $version }) en wie de gegevens ontvangt
prefs-set-by = ingesteld door { $provider }
prefs-always-on = Altijd aan: nodig om de dienst te laten werken.
prefs-outdated = De toelichting is gewijzigd sinds uw laatste keuze; maak opnieuw een keuze.
prefs-yes = Ja, ik geef toestemming
prefs-no = Nee
prefs-save = Mijn keuzes opslaan
prefs-history = Geschiedenis
prefs-history-hint = Bij elke keuze hoort een ontvangstbewijs: vermeld dit als u ons een vraag stelt over die keuze.
prefs-history-label = Uw toestemmingsgeschiedenis
prefs-col-when = Wanneer
prefs-col-purpose = Doel
prefs-col-choice = Keuze
prefs-col-how = Hoe
prefs-col-receipt = Ontvangstbewijs
prefs-notice-version = (toelichting versie { $version })
