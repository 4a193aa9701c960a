# Le bandeau de consentement affiché sur les pages de la boutique, son panneau de choix, les
# espaces réservés des contenus bloqués et le reçu après l'enregistrement. Les valeurs entre accolades sont insérées par le bandeau.

banner-title = Vos choix de confidentialité
banner-notice-title = Mention d'information lors de la collecte
banner-text = Nous vous demandons votre consentement avant d'utiliser vos données à des fins qui ne sont pas nécessaires au fonctionnement de ce site. Vous pouvez changer d'avis à tout moment grâce au bouton « Choix de confidentialité ».
banner-text-optout = Ce site collecte des informations personnelles pour les finalités présentées sous « Choisir par finalité » ; la mention d'information de chaque finalité précise les informations collectées, les raisons de leur collecte et leurs destinataires. Certaines de ces finalités peuvent constituer une vente ou un partage d'informations personnelles : vous pouvez refuser cette vente ou ce partage à tout moment.
banner-accept = Tout accepter
banner-reject = Tout refuser
banner-choose = Personnaliser
banner-choose-purpose = Choisir par finalité
banner-save = Enregistrer mes choix
banner-close = Fermer
banner-reopen = Choix de confidentialité
# Le texte du lien imposé par la loi californienne (Cal. Civ. Code § 1798.135).
banner-dns = Ne pas vendre ni partager mes informations personnelles
banner-sale = (vente ou partage d'informations personnelles)
banner-always-on = Toujours actif : nécessaire au fonctionnement du service.
banner-gpc = Désactivé : le signal Global Privacy Control de votre navigateur a été pris en compte
banner-notice = Lire la mention d'information et la liste des destinataires des données
# Lu uniquement par les lecteurs d'écran, à la suite de banner-notice.
banner-notice-for = (finalité : { $purpose })
banner-policy = Politique de confidentialité
banner-manage = Gérer vos choix par e-mail
banner-your-choices-of = Vos choix du { $date }, reçu { $receipt }
banner-failed-one = Votre choix n'a pas pu être enregistré. Veuillez réessayer.
banner-failed = Vos choix n'ont pas pu être enregistrés. Veuillez réessayer.
banner-saved = Vos choix ont été enregistrés.
banner-saved-on = Vos choix ont été enregistrés le { $date }. Reçu : { $receipt }.
banner-cannot-remove = Les cookies déposés par d'autres entreprises sur leurs propres sites ne peuvent être supprimés que dans les paramètres de votre navigateur : { $names }.
banner-saved-title = Choix enregistrés
banner-embed = Ce contenu est fourni par { $service }. Son chargement entraîne la transmission de données à { $service }.
banner-embed-purpose = Ce contenu est fourni par { $service }. Son chargement entraîne la transmission de données à { $service } ({ $purpose }).
banner-load = Charger le contenu
# Inséré dans banner-embed après « par » et « à » à la place du nom du service.
banner-another-company = une autre entreprise
