# De toestemmingsbanner op de eigen pagina's van de winkel, het keuzepaneel, de plaatshouders
# van afgeschermde inhoud en het ontvangstbewijs na het opslaan. Waarden tussen accolades
# worden door de banner ingevuld.

banner-title = Uw privacykeuzes
banner-notice-title = Toelichting bij het verzamelen van gegevens
banner-text = We vragen uw toestemming voordat we uw gegevens gebruiken voor iets wat niet nodig is om deze website te laten werken. U kunt uw keuze op elk moment wijzigen met de knop “Privacykeuzes”.
banner-text-optout = Deze website verzamelt persoonsgegevens voor de doelen onder “Per doel kiezen”; in de toelichting bij elk doel staat welke gegevens worden verzameld, waarom en wie ze ontvangt. Bij sommige doelen kan sprake zijn van verkoop of delen van persoonsgegevens: u kunt zich daarvoor op elk moment afmelden.
banner-accept = Alles accepteren
banner-reject = Alles weigeren
banner-choose = Zelf kiezen
banner-choose-purpose = Per doel kiezen
banner-save = Mijn keuzes opslaan
banner-close = Sluiten
banner-reopen = Privacykeuzes
# De wettelijk voorgeschreven linktekst van Californië (Cal. Civ. Code § 1798.135).
banner-dns = Mijn persoonsgegevens niet verkopen of delen
banner-sale = (verkoop of delen van persoonsgegevens)
banner-always-on = Altijd aan: nodig om de dienst te laten werken.
banner-gpc = Uit: het Global Privacy Control-signaal van uw browser is opgevolgd
banner-notice = Lees de toelichting en wie de gegevens ontvangt
banner-notice-for = (doel: { $purpose })
banner-policy = Privacyverklaring
banner-manage = Keuzes beheren via e-mail
banner-your-choices-of = Uw keuzes van { $date }, ontvangstbewijs { $receipt }
banner-failed-one = Uw keuze kon niet worden opgeslagen. Probeer het opnieuw.
banner-failed = Uw keuzes konden niet worden opgeslagen. Probeer het opnieuw.
banner-saved = Uw keuzes zijn opgeslagen.
banner-saved-on = Uw keuzes zijn op { $date } opgeslagen. Ontvangstbewijs: { $receipt }.
banner-cannot-remove = Cookies die andere bedrijven op hun eigen websites plaatsen, kunt u alleen verwijderen via de instellingen van uw browser: { $names }.
banner-saved-title = Keuzes opgeslagen
banner-embed = Deze inhoud is afkomstig van { $service }. Als u deze inhoud laadt, worden gegevens gedeeld met { $service }.
banner-embed-purpose = Deze inhoud is afkomstig van { $service }. Als u deze inhoud laadt, worden gegevens gedeeld met { $service } ({ $purpose }).
banner-load = Inhoud laden
banner-another-company = een ander bedrijf
