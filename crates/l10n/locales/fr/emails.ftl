# E-mails adressés à la personne qui a fait une demande. Texte brut ; une ligne vide sépare les paragraphes.
# Les liens et les références sont insérés à l'emplacement des variables.

email-greeting = Bonjour,
email-follow = Vous pouvez suivre votre demande à tout moment à l'adresse suivante :
email-details = Vous pouvez en consulter le détail à l'adresse suivante :
email-complain = Si vous êtes en désaccord avec la façon dont nous avons traité votre demande, vous avez le droit d'introduire une réclamation auprès d'une autorité de contrôle chargée de la protection des données.

## Demande de confirmation (envoyé lors du dépôt d'une demande)

email-verify-subject = Veuillez confirmer votre demande { $reference } relative à vos données personnelles
email-verify-body =
    Nous avons bien reçu votre demande { $reference } relative à vos données personnelles ({ $kind }).

    Afin de protéger vos données, veuillez confirmer que cette demande émane bien de vous en ouvrant ce lien dans les 24 heures :

    { $link }

    Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer cet e-mail ; aucune suite n'y sera donnée.
email-verify-due = Nous vous répondrons au plus tard le { $due }.

## Prolongation du délai

email-extended-subject = Prolongation du délai de réponse à votre demande { $reference } relative à vos données personnelles
email-extended-body =
    Nous avons besoin de plus de temps pour répondre à votre demande { $reference } relative à vos données personnelles.

    Motif : { $reason }

    Nous prévoyions initialement de vous répondre au plus tard le { $old }. Nous vous répondrons désormais au plus tard le { $new }.

## Informations requises de la part de la personne

email-paused-subject = Nous avons besoin d'informations de votre part : demande { $reference }
email-paused-body =
    Pour poursuivre le traitement de votre demande { $reference } relative à vos données personnelles, nous avons besoin des éléments suivants de votre part :

    { $reason }

    Veuillez répondre à cet e-mail.

## Clôture de la demande

email-completed-subject = Votre demande { $reference } relative à vos données personnelles a été traitée
email-completed-body = Nous avons traité votre demande { $reference } relative à vos données personnelles.
email-package-ready = Vos données sont prêtes. Vous pouvez les télécharger pendant 30 jours depuis la page indiquée ci-dessous ; il s'agit d'un fichier CSV, qui s'ouvre avec n'importe quel tableur.
email-withdrawn-subject = Votre demande { $reference } relative à vos données personnelles a été retirée
email-withdrawn-body = Votre demande { $reference } relative à vos données personnelles a été retirée. Nous n'y donnerons aucune autre suite.
email-denied-subject = Votre demande { $reference } relative à vos données personnelles a été refusée
email-denied-body =
    Nous ne pouvons pas donner suite à votre demande { $reference } relative à vos données personnelles.

    Motif : { $reason }
email-denied-remedies = Vous avez le droit d'introduire une réclamation auprès d'une autorité de contrôle chargée de la protection des données et de former un recours juridictionnel.

## Rectifications

email-corrected-subject = Votre demande de rectification { $reference }
email-corrected-body = Nous avons traité votre demande de rectification { $reference }. Pour chaque système et chaque catégorie de données :
email-corrected-yes = - { $store } – { $category } : rectification effectuée
email-corrected-no = - { $store } – { $category } : rectification non effectuée
email-corrected-no-because = - { $store } – { $category } : rectification non effectuée ({ $reason })
email-corrected-none = Aucun de nos systèmes ne contenait les données dont vous avez demandé la rectification.

## Le lien vers le centre de préférences

email-prefs-subject = Vos choix de confidentialité
email-prefs-body =
    Une personne, probablement vous-même, a demandé un lien vers vos choix de confidentialité.

    Ouvrez ce lien dans les 24 heures pour consulter et modifier ce que vous avez accepté :

    { $link }

    Ce lien ne fonctionne qu'une seule fois. Si vous n'en avez pas fait la demande, vous pouvez ignorer cet e-mail ; rien ne sera modifié.

## Violation de données à caractère personnel (article 34 du RGPD), adressée aux personnes susceptibles d'être concernées

email-breach-subject = Important : violation de données à caractère personnel ({ $title })
email-breach-intro = Nous vous informons par la présente d'une violation de données à caractère personnel susceptible de vous concerner.
email-breach-what = Ce qui s'est passé
email-breach-data = Les informations concernées
email-breach-consequences = Les conséquences possibles pour vous
email-breach-measures = Les mesures que nous avons prises et celles en cours
email-breach-contact = Qui contacter
email-breach-closing = Nous vous prions de nous en excuser. La présente communication vous est adressée en application de l'article 34 du RGPD.

## Le fichier de données (en-têtes des colonnes du CSV)

package-store = système
package-table = table
package-record = enregistrement
package-field = champ
package-category = catégorie_de_données
package-value = valeur
package-is-null = valeur_absente
package-true = oui
package-false = non
# Le nom de cet espace confidentialité en tant que système contenant des données de la personne (ses demandes et l'historique de ses consentements).
package-portal = Espace confidentialité
