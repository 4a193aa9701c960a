# Les champs du formulaire tels que nommés dans les messages d'erreur, et ce qui peut
# y être incorrect. Chaque problème est une phrase à part entière, affichée après le nom du champ.

field-kind = Type de demande
field-jurisdiction = Lieu de résidence
field-email = Adresse e-mail
field-name = Nom
field-details = Précisions
field-correction_what = Information inexacte
field-correction_value = Information exacte
field-agent = Mandataire habilité
field-agent_name = Nom du mandataire
field-agent_email = Adresse e-mail du mandataire
field-csrf = Formulaire
field-file = Fichier

problem-required = Veuillez renseigner ce champ.
problem-choose = Veuillez choisir l'une des options.
problem-too-long = Veuillez raccourcir ce texte à { $max } caractères maximum.
problem-control = Veuillez supprimer les caractères de contrôle.
problem-email = Veuillez saisir une adresse e-mail valide, par exemple nom@example.com.
problem-phone = Veuillez saisir un numéro de téléphone composé uniquement de chiffres, d'espaces et des caractères + - ( ), par exemple +33 1 23 45 67 89.
problem-agent-ccpa = Une demande présentée par un mandataire habilité n'est possible que pour la Californie (CCPA).
problem-form-expired = Le formulaire a expiré. Veuillez vérifier vos réponses et l'envoyer à nouveau.
problem-file-empty = Veuillez choisir un fichier.
problem-file-large = Le fichier dépasse 5 Mo.
problem-file-type = Le fichier doit être au format PDF, PNG ou JPEG.
problem-proof-not-agent = Un justificatif du mandat n'est demandé que lorsque la demande est présentée par un mandataire habilité.
problem-other = Veuillez vérifier cette saisie.
