# Les termes des vocabulaires du produit, tels que le client les lit. La partie qui suit
# le tiret est le mot machine stable et ne doit pas être traduite.

## Ce que la personne demande

kind-access = Accéder à mes données (droit d'accès)
kind-correction = Rectifier mes données
kind-deletion = Effacer mes données
kind-portability = Récupérer mes données pour les transmettre ailleurs (portabilité)
kind-opt_out = Refuser la vente ou le partage de mes données (opt-out)
kind-limit_use = Limiter l'utilisation de mes données sensibles
kind-restriction = Limiter le traitement de mes données
kind-objection = M'opposer au traitement de mes données

## Lieu de résidence de la personne (formulaire de demande)

jurisdiction-gdpr = Union européenne ou EEE
jurisdiction-uk_gdpr = Royaume-Uni
jurisdiction-ccpa = Californie (États-Unis)
jurisdiction-other = Autre pays

## Où en est la demande

status-word-received = Reçue
status-word-verifying = En attente de la confirmation de votre identité
status-word-verified = Identité confirmée
status-word-in_progress = En cours de traitement
status-word-paused = En attente d'informations de votre part
status-word-completed = Traitée
status-word-denied = Refusée
status-word-withdrawn = Retirée

## Motifs du refus d'une demande

denial-identity_not_verified = Votre identité n'a pas pu être vérifiée
denial-not_consumer_or_agent = Demande non présentée par le consommateur ou par un mandataire habilité (CCPA)
denial-manifestly_unfounded = Demande manifestement infondée ou excessive (article 12, paragraphe 5, du RGPD)
denial-legal_exemption = Exception prévue par la loi (article 17, paragraphe 3, points a) à e), du RGPD)
denial-ccpa_exception = Une exception prévue par le CCPA s'applique
denial-other = Autre motif (précisé ci-dessous)

## L'historique de la demande

event-received = Demande reçue
event-verification_sent = E-mail de confirmation envoyé
event-send_verification = E-mail de confirmation envoyé à nouveau
event-verified = Identité confirmée
event-verify = Identité vérifiée par nos équipes
event-start = Demande transmise à nos systèmes contenant des données
event-pause = En attente d'informations de votre part
event-resume = Reprise du traitement de la demande
event-extend = Délai prolongé
event-deny = Demande refusée
event-complete = Demande traitée
event-withdraw = Demande retirée
event-email_failed = Un e-mail n'a pas pu être envoyé
event-proof_received = Justificatif du mandat reçu
event-deadline_recalculated = Date d'échéance recalculée
event-task_open = Tâche rouverte dans l'un de nos systèmes
event-task_running = Tâche en cours dans l'un de nos systèmes
event-task_done = Tâche terminée dans l'un de nos systèmes
event-task_exempt = Exception enregistrée dans l'un de nos systèmes
event-task_failed = L'un de nos systèmes a signalé un problème
event-task_sent = Transmise à l'un de nos systèmes
event-task_handed = En attente de l'équipe responsable de l'un de nos systèmes
event-task_preview = Rectification préparée dans l'un de nos systèmes
event-correction_applied = Rectification effectuée dans l'un de nos systèmes
event-correction_failed = Une rectification n'a pas pu être effectuée

## Catégories de données pouvant être rectifiées

category-name = Nom
category-email = Adresse e-mail
category-phone = Numéro de téléphone
category-address = Adresse postale

## Consentement

consent-granted = Donné
consent-withdrawn = Retiré
method-banner = Bandeau de consentement
method-preference_centre = Centre de préférences
method-web_form = Formulaire en ligne
method-api = Par l'intermédiaire de nos systèmes
method-staff = Par nos équipes, à votre demande
method-gpc = Signal Global Privacy Control
storage-cookie = Cookie
storage-local_storage = Stockage local
storage-session_storage = Stockage de session

## Dates

# Une date complète, par exemple 6 décembre 2026.
date-long = { $day } { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
# Un instant : la date comme ci-dessus et l'heure au format 24 heures.
date-time = { $date } à { $time }
