# Formuliervelden zoals ze in foutmeldingen worden genoemd, en wat er mis mee kan zijn. Elk
# probleem is een afzonderlijke zin, die na de naam van het veld wordt getoond.

field-kind = Soort verzoek
field-jurisdiction = Waar u woont
field-email = E-mailadres
field-name = Naam
field-details = Aanvullende informatie
field-correction_what = Wat niet klopt
field-correction_value = De juiste gegevens
field-agent = Gemachtigde
field-agent_name = Naam van de gemachtigde
field-agent_email = E-mailadres van de gemachtigde
field-csrf = Formulier
field-file = Bestand

problem-required = Vul dit veld in.
problem-choose = Kies een van de opties.
problem-too-long = Kort dit in tot maximaal { $max } tekens.
problem-control = Verwijder de stuurtekens.
problem-email = Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.
problem-phone = Vul een telefoonnummer in met alleen cijfers, spaties en + - ( ), zoals +31 20 123 4567.
problem-agent-ccpa = Een verzoek indienen als gemachtigde is alleen mogelijk bij verzoeken voor Californië (CCPA).
problem-form-expired = Het formulier is verlopen. Controleer uw antwoorden en verstuur het opnieuw.
problem-file-empty = Kies een bestand.
problem-file-large = Het bestand is groter dan 5 MB.
problem-file-type = Het bestand moet een PDF-, PNG- of JPEG-bestand zijn.
problem-proof-not-agent = Een bewijs van machtiging wordt alleen gevraagd als het verzoek door een gemachtigde wordt ingediend.
problem-other = Controleer dit gegeven.
