# I campi del modulo come vengono nominati nei messaggi di errore e i problemi che possono
# presentare. Ogni problema è una frase a sé, mostrata dopo il nome del campo.

field-kind = Tipo di richiesta
field-jurisdiction = Luogo di residenza
field-email = Indirizzo email
field-name = Nome
field-details = Dettagli
field-correction_what = Che cosa è inesatto
field-correction_value = Il dato corretto
field-agent = Agente autorizzato
field-agent_name = Nome dell'agente
field-agent_email = Indirizzo email dell'agente
field-csrf = Modulo
field-file = File

problem-required = Compili questo campo.
problem-choose = Scelga una delle opzioni.
problem-too-long = Riduca il testo a non più di { $max } caratteri.
problem-control = Rimuova i caratteri di controllo.
problem-email = Inserisca un indirizzo email valido, ad esempio nome@example.com.
problem-phone = Inserisca un numero di telefono utilizzando solo cifre, spazi e i caratteri + - ( ), ad esempio +39 06 1234 5678.
problem-agent-ccpa = La presentazione tramite agente autorizzato è possibile solo per le richieste relative alla California (CCPA).
problem-form-expired = Il modulo è scaduto. Verifichi le risposte e lo invii di nuovo.
problem-file-empty = Scelga un file.
problem-file-large = Il file supera i 5 MB.
problem-file-type = Il file deve essere in formato PDF, PNG o JPEG.
problem-proof-not-agent = La prova dei poteri di rappresentanza viene chiesta solo quando la richiesta è presentata da un agente autorizzato.
problem-other = Verifichi questo dato.
