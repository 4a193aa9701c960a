# Formularfelder, wie sie in Fehlermeldungen heißen, und was daran falsch sein kann. Jedes
# Problem ist ein eigener Satz, der nach dem Namen des Feldes angezeigt wird.

field-kind = Art des Antrags
field-jurisdiction = Wohnort
field-email = E-Mail-Adresse
field-name = Name
field-details = Weitere Angaben
field-correction_what = Was unrichtig ist
field-correction_value = Die richtigen Angaben
field-agent = Bevollmächtigte Vertretung
field-agent_name = Name der bevollmächtigten Person
field-agent_email = E-Mail-Adresse der bevollmächtigten Person
field-csrf = Formular
field-file = Datei

problem-required = Bitte füllen Sie dieses Feld aus.
problem-choose = Bitte wählen Sie eine der Optionen aus.
problem-too-long = Bitte kürzen Sie Ihre Eingabe auf höchstens { $max } Zeichen.
problem-control = Bitte entfernen Sie die Steuerzeichen.
problem-email = Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.
problem-phone = Bitte geben Sie eine Telefonnummer nur mit Ziffern, Leerzeichen und + - ( ) ein, z. B. +49 30 1234 5678.
problem-agent-ccpa = Ein Antrag als bevollmächtigte Vertretung ist nur bei Anträgen aus Kalifornien (CCPA) möglich.
problem-form-expired = Das Formular ist abgelaufen. Bitte prüfen Sie Ihre Angaben und senden Sie es erneut ab.
problem-file-empty = Bitte wählen Sie eine Datei aus.
problem-file-large = Die Datei ist größer als 5 MB.
problem-file-type = Die Datei muss im Format PDF, PNG oder JPEG vorliegen.
problem-proof-not-agent = Ein Nachweis der Vollmacht wird nur angefordert, wenn der Antrag von einer bevollmächtigten Vertretung gestellt wird.
problem-other = Bitte überprüfen Sie diese Angabe.
