# Les pages publiques : l'espace confidentialité, le formulaire de demande, la confirmation,
# le suivi et le centre de préférences. Registre soutenu (vouvoiement) ; le lecteur est un client de la boutique.

## Toutes les pages

skip-link = Aller au contenu principal
brand-default = Espace confidentialité
nav-label = Navigation principale
nav-rights = Vos droits
nav-request = Faire une demande
nav-choices = Vos choix
language-label = Langue
footer-law = Les demandes déposées ici sont traitées conformément à la réglementation relative à la protection des données.
# Ce que la boutique a renseigné à son sujet, en pied de page de chaque page et de chaque e-mail.
footer-controller = Responsable du traitement : { $name }
footer-dpo = Délégué à la protection des données : { $contact }
footer-policy = Politique de confidentialité

## Pages d'erreur

error-back = Aller à l'espace confidentialité
error-title-too-many = Trop de tentatives
error-title-not-found = Introuvable
error-title-forbidden = Accès non autorisé
error-title-gone = Lien expiré
error-title-server = Une erreur est survenue
error-title-other = L'opération n'a pas abouti
error-server = Une erreur est survenue de notre côté. Veuillez réessayer dans quelques instants.
error-too-many = Trop de tentatives ont été effectuées depuis votre réseau en peu de temps. Veuillez patienter quelques minutes, puis réessayer.
error-other = L'opération n'a pas abouti. Veuillez vérifier les informations saisies et réessayer.
error-page-missing = Cette page n'existe pas.
error-request-missing = Nous n'avons pas trouvé cette demande. Veuillez ouvrir le lien figurant dans l'e-mail que nous vous avons envoyé.
error-link-unknown = Nous ne reconnaissons pas ce lien de confirmation. Si vous avez déjà confirmé votre demande, le lien de suivi figurant dans notre e-mail vous indique où elle en est ; sinon, veuillez renouveler votre demande.
error-link-expired = Ce lien a expiré.
error-link-used = Ce lien a déjà été utilisé ou n'est pas valide.
error-form-expired = Ce formulaire a expiré. Veuillez recharger la page et réessayer.
error-page-expired = Cette page a expiré. Veuillez ouvrir à nouveau le lien figurant dans votre e-mail.
error-file-unreadable = Le fichier n'a pas pu être lu. Veuillez réessayer.
error-server-reference = Une erreur est survenue de notre côté. Veuillez réessayer dans quelques instants ; si l'erreur se reproduit, veuillez communiquer à l'administrateur la référence suivante : { $reference }.
error-upload-large = Les données envoyées dépassent { $max } Mo.
error-upload-length = La taille des données envoyées doit être indiquée.
error-upload-fields = Le formulaire a envoyé plus de { $max } champs.
error-upload-field-long = Un champ du formulaire est trop long.

## Vos droits (/privacy)

rights-title = Vos droits sur vos données personnelles
rights-lead = Vous pouvez nous demander quelles données nous détenons sur vous, les faire rectifier ou effacer, les récupérer, ou nous demander de cesser de les vendre ou de les partager. C'est gratuit, et nous vous répondrons dans le délai prévu par la loi.
rights-what = Ce que vous pouvez demander
rights-access-title = Accéder à vos données
rights-access-text = Obtenez une copie des données personnelles que nous détenons sur vous, ainsi que des informations sur leur origine, les finalités pour lesquelles nous les utilisons et les destinataires auxquels nous les communiquons.
rights-access-link = Demander une copie
rights-correction-title = Rectifier vos données
rights-correction-text = Indiquez-nous ce qui est inexact : nous le rectifierons dans tous les systèmes où ces données sont conservées.
rights-correction-link = Demander une rectification
rights-deletion-title = Effacer vos données
rights-deletion-text = Demandez-nous d'effacer vos données. La loi nous oblige à conserver certains documents, comme les factures ; nous vous indiquerons lesquels et pourquoi.
rights-deletion-link = Demander l'effacement
rights-portability-title = Récupérer vos données
rights-portability-text = Recevez les données que vous nous avez fournies dans un format de fichier couramment utilisé (CSV), que vous pouvez ouvrir ou transmettre à un autre organisme.
rights-portability-link = Demander vos données
rights-optout-title = Refuser la vente ou le partage
rights-optout-text = Résidents de Californie : demandez-nous de ne pas vendre ni partager vos informations personnelles, ou de limiter l'utilisation de vos informations sensibles.
rights-optout-link = Refuser
rights-objection-title = Limiter le traitement ou vous y opposer
rights-objection-text = Demandez-nous de suspendre l'utilisation de vos données le temps qu'une question soit réglée, ou opposez-vous à une utilisation que vous n'acceptez pas.
rights-objection-link = S'opposer
rights-how = Comment cela fonctionne
rights-step-form = Remplissez le court formulaire. Cela prend environ deux minutes.
rights-step-email = Nous vous envoyons un lien par e-mail. Ouvrez-le pour confirmer que la demande émane bien de vous ; cela empêche toute autre personne d'obtenir vos données.
rights-step-work = Nous traitons votre demande et vous informons lorsqu'elle est terminée. Vous pouvez en suivre chaque étape grâce au lien figurant dans l'e-mail.
rights-deadlines = Dans l'Union européenne et au Royaume-Uni, nous répondons dans un délai d'un mois (ce délai peut être prolongé de deux mois pour les demandes complexes ; nous vous en indiquerons alors les motifs). En Californie, nous répondons dans un délai de 45 jours.

## Le formulaire de demande

form-title = Faire une demande relative à vos données personnelles
form-lead = Nous vous enverrons un lien par e-mail pour confirmer que la demande émane bien de vous. Les champs marqués « facultatif » peuvent être laissés vides.
form-kind = Que souhaitez-vous faire ?
form-jurisdiction = Où résidez-vous ?
form-jurisdiction-hint = Cela détermine la loi applicable et le délai dans lequel nous devons vous répondre.
form-email = Votre adresse e-mail
form-email-hint = Celle que vous utilisez chez nous, afin que nous puissions retrouver vos données.
form-name = Votre nom (facultatif)
form-corrections = Uniquement pour les rectifications
form-corrections-hint = Ne renseignez que ce qui est inexact, en indiquant la valeur exacte. Avant toute modification, nous vous montrons, ainsi qu'à nos équipes, précisément ce qui sera modifié.
form-correct-name = Nom exact
form-correct-email = Adresse e-mail exacte
form-correct-phone = Numéro de téléphone exact
form-correct-address = Adresse postale exacte
form-correction-what = Une autre information est-elle inexacte ?
form-correction-value = Que faut-il indiquer à la place ?
form-details = Souhaitez-vous nous indiquer autre chose ? (facultatif)
form-details-hint = Par exemple, d'autres adresses e-mail ou numéros de client que vous avez utilisés chez nous.
form-agent = Vous agissez pour le compte d'une autre personne ? (Californie uniquement)
form-agent-check = Je suis un mandataire habilité agissant pour le compte de la personne indiquée ci-dessus
form-agent-name = Nom du mandataire
form-agent-email = Adresse e-mail du mandataire
form-agent-hint = Nous demanderons à la personne que vous représentez de confirmer la demande, et nous pourrons vous demander un justificatif de votre mandat.
form-send = Envoyer la demande

# Le récapitulatif au-dessus d'un formulaire comportant des erreurs.
errors-title = { $count ->
    [one] Veuillez corriger ce point
   *[other] Veuillez corriger ces { $count } points
}

## Après l'envoi

sent-title = Consultez votre messagerie
sent-received = Nous avons bien reçu votre demande.
sent-received-ref = Nous avons bien reçu votre demande { $reference }.
sent-lead = Nous vous avons envoyé un e-mail contenant un lien. Ouvrez-le dans les 24 heures pour confirmer que la demande émane bien de vous ; nous commencerons à la traiter dès votre confirmation.
sent-no-email = Vous n'avez reçu aucun e-mail après quelques minutes ? Veuillez vérifier votre dossier de courrier indésirable (spam).
sent-again = Envoyer à nouveau la demande

## Confirmation par le lien envoyé par e-mail

confirm-title = Confirmez votre demande
confirm-lead = Demande { $reference } : { $kind }.
confirm-text = Veuillez confirmer que vous êtes bien à l'origine de cette demande. Si ce n'est pas le cas, fermez cette page : rien ne se passera.
confirm-button = Oui, il s'agit bien de ma demande

## La page de suivi de la demande

status-title = Demande { $reference }
status-heading = Votre demande { $reference }
status-confirmed-now = Merci : votre demande est confirmée. Nous avons commencé à la traiter.
status-confirmed-before = Vous avez déjà confirmé cette demande ; voici où elle en est.
status-proof-received = Merci : nous avons bien reçu votre fichier.
status-received = Reçue le
status-acknowledge-by = Nous en accusons réception au plus tard le
status-closed = Clôturée le
status-answer-by = Nous vous répondrons au plus tard le
status-extended-from = (délai prolongé ; date initiale : { $date })
status-extension-reason = Motif de la prolongation
status-denial = Motif du refus
status-verify-first = Veuillez ouvrir le lien de confirmation figurant dans l'e-mail que nous vous avons envoyé. Nous ne pouvons pas commencer à traiter votre demande avant cela.
status-ready = Vos données sont prêtes.
status-download = Télécharger vos données (CSV)
status-download-hint = Disponible pendant 30 jours après le traitement de votre demande. Ouvrez le fichier avec n'importe quel tableur. Chaque ligne correspond à une valeur que nous détenons : où elle était conservée (système, table, enregistrement), de quoi il s'agit (champ, catégorie de données) et la valeur elle-même. Lorsque la colonne « valeur_absente » indique « oui », le champ ne contient aucune valeur ; une valeur vide accompagnée de « non » correspond à un texte vide.
status-proof-title = Justificatif du mandat
status-proof-text = Cette demande a été présentée par un mandataire habilité. Veuillez nous transmettre la preuve de votre habilitation à agir pour le compte de cette personne, par exemple une autorisation signée ou une procuration.
status-proof-have = Nous avons reçu : { $files }. Vous pouvez nous envoyer un autre fichier si nous vous avons demandé des pièces complémentaires.
status-proof-file = Fichier (PDF, PNG ou JPEG, 5 Mo maximum)
status-proof-send = Envoyer le justificatif
status-corrected-title = Ce que nous avons rectifié
status-corrected-yes = { $store } – { $category } : rectification effectuée
status-corrected-no = { $store } – { $category } : rectification non effectuée
status-corrected-no-because = { $store } – { $category } : rectification non effectuée, car { $reason }
status-stores-title = Où nous conservons vos données et pourquoi
status-stores-lead = Les informations auxquelles la loi vous donne droit (article 15, paragraphe 1, du RGPD), pour chacun de nos systèmes concernés par votre demande.
status-store-what = De quoi il s'agit
status-store-why = Pourquoi nous utilisons vos données (finalités)
status-store-basis = Base légale
status-store-categories = Catégories de données
status-store-recipients = Destinataires
status-store-transfers = Transferts en dehors de votre pays
status-store-retention = Durée de conservation
status-store-source = Origine des données
status-store-source-text = Collectées auprès de vous lors de votre utilisation de nos services, sauf indication contraire ci-dessus.
status-consent-title = Vos consentements enregistrés
status-consent-text = Lorsque nous donnons suite à votre demande d'effacement, nous supprimons votre adresse e-mail et tout autre identifiant des enregistrements de ce que vous avez accepté sur nos sites web. Nous conservons, sans aucune donnée permettant de vous identifier, la mention d'information qui vous a été présentée, le choix exprimé et sa date : la loi nous impose d'être en mesure de démontrer le consentement (article 7, paragraphe 1, du RGPD), et cet enregistrement peut être nécessaire à la constatation, à l'exercice ou à la défense de droits en justice (article 17, paragraphe 3, point e), du RGPD).
status-timeline = Historique de votre demande

## Le centre de préférences

prefs-title = Vos choix de confidentialité
prefs-check-email = Consultez votre messagerie.
prefs-sent = Si { $email } est bien votre adresse, un lien vers vos choix vous a été envoyé. Il n'est utilisable qu'une seule fois, pendant 24 heures.
prefs-ask-lead = Consultez ce que vous avez accepté et modifiez-le à tout moment. Nous vous envoyons un lien par e-mail, afin que personne d'autre que vous ne puisse accéder à vos choix.
prefs-email = Votre adresse e-mail
prefs-email-me = Recevoir un lien par e-mail
prefs-new-link = Demander un nouveau lien
prefs-open-lead = Accédez à vos choix pour consulter et modifier ce que vous avez accepté.
prefs-open = Accéder à mes choix
prefs-saved = Vos choix ont été enregistrés.
prefs-changed = Une mention d'information a été modifiée pendant que vous faisiez vos choix. Veuillez la lire et faire à nouveau votre choix ; aucun choix n'a été enregistré pour celle-ci.
prefs-lead = Pour { $email }. Vous pouvez modifier chacun de vos choix à tout moment ; le retrait de votre consentement ne compromet pas la licéité du traitement effectué auparavant.
prefs-sale = (vente ou partage d'informations personnelles)
prefs-notice = Lire la mention d'information (version { $version })
prefs-notice-recipients = Lire la mention d'information (version { $version }) et la liste des destinataires des données
prefs-set-by = déposé par { $provider }
prefs-always-on = Toujours actif : nécessaire au fonctionnement du service.
prefs-outdated = La mention d'information a été modifiée depuis votre dernier choix ; veuillez faire à nouveau votre choix.
prefs-yes = Oui, j'accepte
prefs-no = Non
prefs-save = Enregistrer mes choix
prefs-history = Historique
prefs-history-hint = Chaque choix est associé à un reçu : veuillez l'indiquer si vous nous contactez au sujet de ce choix.
prefs-history-label = Historique de vos consentements
prefs-col-when = Date
prefs-col-purpose = Finalité
prefs-col-choice = Choix
prefs-col-how = Mode de recueil
prefs-col-receipt = Reçu
prefs-notice-version = (version { $version } de la mention d'information)
