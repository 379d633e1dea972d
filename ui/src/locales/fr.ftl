languages-label = Langue
loading = Chargement…

## Start (attract) screen
attract-sign = Signez la pétition
attract-read = Lire la pétition
attract-count = { $count ->
    [0] Soyez la première personne à signer ici.
    [one] { $count } personne a signé ici.
   *[other] { $count } personnes ont signé ici.
}
attract-goal = { $count } signatures sur { $goal }
attract-goal-label = Progression vers l’objectif
attract-next = Pétition suivante
attract-operator = Opérateur
attract-none = Aucune pétition n’est affichée. Demandez à un·e bénévole.

## Petition page
back-to-start = Retour à l’accueil
petition-draft = Non publiée
sign-default = Signez la pétition

## Signing form
form-heading = Ajoutez votre nom
form-email-suggestion = Vouliez-vous dire { $email } ? Touchez pour l'utiliser.
required-note = * Indique un champ obligatoire
field-given_name = Prénom
field-family_name = Nom
field-email = Adresse e-mail
field-postal_code = Code postal
field-street_address = Adresse
field-city = Ville
field-country = Pays
field-comment = Commentaire
field-subscribe = Tenez-moi informé·e de cette campagne et des autres
field-consent = J’ai lu comment mes données sont utilisées et j’accepte
privacy-heading = Comment nous utilisons vos données
field-signature = Votre signature (facultative)
signature-hint = Dessinez avec le doigt ou la souris.
signature-clear = Effacer la signature
form-cancel = Retour
form-submit-default = Signez la pétition
form-saving = Enregistrement…
fix-required = Ce champ est obligatoire.
fix-invalid_email = Saisissez une adresse e-mail comme nom@example.org.
fix-too_long = C’est trop long.
fix-forbidden_characters = Ce texte contient des caractères qui ne peuvent pas être utilisés.
fix-invalid_postal_code = Ce code postal ne semble pas correct pour le pays. Vérifiez-le.
fix-invalid_country = Choisissez un pays dans la liste.
fix-unknown_field = Cette pétition ne le demande pas.
fix-invalid_signature = Le dessin n’a pas pu être lu. Effacez-le et redessinez.
fix-consent_missing = Cochez la case pour confirmer que vous avez lu comment vos données sont utilisées.

## Errors
error-pack_unavailable = Les pétitions n’ont pas pu être chargées.
error-petition_not_found = Cette pétition n’est pas dans le paquet.
error-unknown = Un problème est survenu.
error-not_set_up = Ce kiosque n’est pas encore configuré.
error-already_set_up = Ce kiosque est déjà configuré.
error-weak_pin = Le code PIN doit comporter 6 à 12 chiffres.
error-bad_recipient = Ce n’est pas une clé publique d’organisateur (elle commence par age1).
error-invalid_input = Vérifiez les champs signalés.
error-storage_full = Le stockage de ce kiosque est plein. Prévenez un·e bénévole. Votre signature n’a pas été enregistrée.
error-storage_error = Votre signature n’a pas pu être enregistrée. Prévenez un·e bénévole.
error-not_a_vault = Le stockage des signatures de ce kiosque est introuvable. Prévenez un·e bénévole.
error-already_a_vault = Un stockage de signatures existe déjà ici.
error-bad_device_key = La clé d’appareil de ce kiosque est endommagée. Prévenez un·e bénévole.
error-seal_failed = Votre signature n’a pas pu être scellée. Prévenez un·e bénévole.
error-vault_corrupt = Le stockage des signatures de ce kiosque est endommagé. Prévenez un·e bénévole.
error-wrong_pin = Code PIN incorrect.
error-pin_locked_out = Trop de codes PIN incorrects. Réessayez dans { $minutes } min.
error-pin_change_required = Le code PIN de ce kiosque est trop court. Choisissez-en un nouveau de 6 à 12 chiffres.
error-recipient_mismatch = Ce kiosque ne peut pas recueillir de signatures pour l’instant : son coffre ne correspond pas à la clé de l’organisation. Demandez à un bénévole.
error-unsent_records = Certaines signatures n’ont pas encore été envoyées. Enregistrez-les d’abord sur une clé USB, ou confirmez qu’elles seront perdues.
error-forged_answer = Une réponse prétendant venir du serveur de collecte n’était pas signée par lui : elle a été ignorée. Quelqu’un sur ce réseau interfère peut-être.
error-operator_only = Saisissez d’abord le code PIN opérateur.
error-bad_setting = Ce réglage n’est pas possible.

## Thank you
thanks-heading = Merci !
thanks-count = { $count ->
    [1] Vous êtes la première personne à signer ici.
    [one] { $count } personne a signé ici.
   *[other] { $count } personnes ont signé ici.
}
thanks-share = Partagez la pétition depuis votre téléphone : scannez ce code.
thanks-done = Terminé
thanks-returning = { $seconds ->
    [one] Retour à l’accueil dans { $seconds } seconde.
   *[other] Retour à l’accueil dans { $seconds } secondes.
}

## Still there? (inactivity)
idle-heading = Toujours là ?
idle-body = { $seconds ->
    [one] Pour protéger votre vie privée, tout ce que vous avez saisi sera effacé dans { $seconds } seconde.
   *[other] Pour protéger votre vie privée, tout ce que vous avez saisi sera effacé dans { $seconds } secondes.
}
idle-stay = Je suis toujours là
idle-reset = Recommencer

## First-run set-up
setup-heading = Configurer ce kiosque
setup-intro = Les signatures sont scellées avec la clé publique de l’organisateur dès qu’elles sont données. Ce kiosque ne peut jamais les lire.
setup-key-help = Collez la clé publique (age1…) créée avec « placard keys new », ou créez-en une ici : sa moitié privée va sur une clé USB, jamais sur ce kiosque.
setup-recipient = Clé publique de l’organisateur (commence par age1)
setup-pin = Code PIN opérateur (6 à 12 chiffres)
setup-pin-again = Code PIN opérateur, encore une fois
setup-pin-mismatch = Les deux codes PIN diffèrent.
setup-submit = Commencer à recueillir des signatures

setup-next = Continuer
setup-pack = Quelles pétitions ce kiosque doit-il afficher ?
pack-demo = Pétitions de démonstration (intégrées)
pack-configured = Le paquet configuré de ce kiosque
pack-local = Paquet « { $name } »

setup-new-key = Créer une nouvelle clé d’organisateur
newkey-intro = La clé privée est enregistrée, chiffrée avec votre phrase secrète, sur une clé USB ou dans un autre dossier hors de ce kiosque, avec une fiche de récupération à imprimer. Gardez-les en lieu sûr, avec la phrase secrète : sans elles, personne ne pourra jamais lire les signatures.
newkey-folder = Où l’enregistrer (une clé USB)
newkey-passphrase = Phrase secrète (au moins 12 caractères)
newkey-passphrase-again = Phrase secrète, encore une fois
newkey-mismatch = Les deux phrases secrètes diffèrent.
newkey-create = Créer la clé
newkey-done = Clé enregistrée dans { $file }. Imprimez la fiche de récupération à côté : { $sheet }
error-weak_passphrase = La phrase secrète doit comporter au moins 12 caractères.
error-key_on_kiosk = Choisissez un dossier hors de ce kiosque, comme une clé USB.
error-key_exists = Ce dossier contient déjà une clé. Choisissez-en un autre.
error-bad_collector_url = Ce n'est pas l'adresse d'un serveur de collecte. Elle commence par https://.
error-collector_unreachable = Le serveur de collecte ne répond pas. Vérifiez l'adresse et le réseau.
error-enrol_refused = Le serveur de collecte n'a pas accepté ce code. Vérifiez-le et saisissez-le à nouveau ; après trois essais erronés, demandez-en un nouveau à l'organisation.
error-sync_error = La synchronisation n’a pas pu démarrer.
error-not_enrolled = Cette borne n'est encore inscrite auprès d'aucun serveur de collecte.
error-bad_pack = Le paquet de pétitions n’a pas pu être récupéré. Les pétitions de cette borne sont inchangées.
error-wrong_passphrase = Phrase secrète incorrecte.
error-bad_identity = Ce fichier n'est pas une clé de l'organisation.
error-bad_token = Action Network a refusé la clé d'API.
error-action_network_unreachable = Action Network ne répond pas. Vérifiez le réseau.
error-send_failed = L'envoi a échoué.

## Operator
pin-heading = Code PIN opérateur
pin-submit = Ouvrir le panneau
pin-new-heading = Nouveau code PIN opérateur (6 à 12 chiffres)
pin-new-again = Nouveau code PIN, encore une fois
pin-new-submit = Enregistrer le nouveau code PIN
pin-clear = Effacer
pin-cancel = Annuler
operator-heading = Panneau opérateur
operator-totals = { $total ->
    [one] { $total } signature sur ce kiosque, { $pending } en attente d’envoi.
   *[other] { $total } signatures sur ce kiosque, { $pending } en attente d’envoi.
}
operator-chart = Signatures par heure
operator-petitions = Pétitions sur l’écran d’accueil
operator-petitions-help = Si aucune n’est cochée, toutes les pétitions publiées passent à tour de rôle.
operator-petition-count = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
operator-rotate = Secondes par pétition
operator-event = Nom de l’événement
operator-tags = Étiquettes, séparées par des virgules
operator-source = Code source (pour la liste ; vide : le nom de l’événement)
operator-lock = Verrou du kiosque : plein écran, impossible à fermer
operator-thanks-seconds = Secondes sur l’écran de remerciement
operator-idle-seconds = Secondes avant « Toujours là ? »
operator-countdown-seconds = Secondes de compte à rebours
operator-retention = Heures pendant lesquelles une signature confirmée reste sur ce kiosque (0 : effacée aussitôt)
operator-recipient = Scellé pour la clé de l’organisation
operator-save = Enregistrer
operator-saved = Enregistré.
operator-sync = Synchronisation
operator-sync-none = Aucun collecteur n’est encore configuré. Les signatures restent scellées sur ce kiosque en attendant.
operator-sync-enrol-help = Demandez à l'organisation l'adresse du serveur de collecte et un code d'appairage court (comme 417-K7MQ-P2XD). Le code lui-même n'est jamais envoyé.
operator-sync-collector = Adresse du serveur de collecte
operator-sync-code = Code d'inscription
operator-sync-enrol = Inscrire cette borne
operator-sync-to = Envoi vers { $collector }
operator-sync-status = { $pending } en attente, { $sent } envoyées depuis le démarrage
operator-sync-sending = Envoi en cours…
operator-sync-waiting = En attente d'envoi
operator-sync-last-success = Dernier envoi : { $time }
operator-sync-never = Rien n'a encore été envoyé.
operator-sync-last-error = Dernier problème : { $error }
operator-sync-clock-behind = L’horloge de ce kiosque retarde de { $minutes } min sur celle du serveur de collecte. La synchronisation en tient compte ; remettez-la à l’heure dès que possible.
operator-sync-clock-ahead = L’horloge de ce kiosque avance de { $minutes } min sur celle du serveur de collecte. La synchronisation en tient compte ; remettez-la à l’heure dès que possible.
operator-sync-now = Synchroniser maintenant
operator-packs-heading = Paquets de pétitions
operator-packs-look = Chercher des paquets de pétitions sur le serveur de collecte
operator-packs-none = Le serveur de collecte ne propose aucun paquet de pétitions.
operator-packs-take = Récupérer { $name }
operator-packs-taken = Le paquet { $name } est maintenant sur cette borne. Choisissez-le sous « Paquet de pétitions » et enregistrez.
send-heading = Envoyer à Action Network
send-help = Pour une borne sans serveur de collecte. La clé de l'organisation ouvre les signatures pour cet envoi seulement ; elle n'est pas conservée.
send-key-file = Fichier de la clé de l'organisation
send-passphrase = Phrase secrète
send-token = Clé d'API Action Network
send-start = Envoyer
send-cancel = Arrêter
send-running = Envoi en cours…
send-summary = { $sent } envoyées, { $failed } en échec, { $skipped } envoyées avant.
send-deferred = { $count } attendent un prochain envoi.
send-cancelled = Arrêté. Ce qui est envoyé le reste.
send-retry = Renvoyer les échecs
send-failed-before = { $count } ont échoué lors d’un envoi précédent : « Renvoyer les échecs » les renvoie.
send-outcomes = Chaque signature, au fil de l'envoi
send-outcome-sent = Envoyée
send-outcome-failed = Échec
send-outcome-skipped = Déjà envoyée
send-outcome-deferred = Attend le prochain envoi
operator-pack = Paquet de pétitions
operator-pack-failed = { $count ->
    [one] { $count } fichier n’a pas pu être chargé :
   *[other] { $count } fichiers n’ont pas pu être chargés :
}
operator-close = Fermer le panneau
operator-exit = Quitter Placard
operator-exit-confirm = Quitter Placard maintenant ? Le kiosque cessera de recueillir des signatures.
operator-exit-yes = Quitter
save-heading = Enregistrer une copie scellée
save-help = Toutes les signatures, toujours scellées, dans un nouveau fichier sur une clé USB : pour que le serveur de collecte les importe, ou pour les garder avant d’effacer ce kiosque. Aucune clé n’est nécessaire.
save-folder = Dossier (une clé USB)
save-start = Enregistrer
save-done = { $count } signatures enregistrées, scellées, dans { $file }.
wipe-heading = Effacer ce kiosque
wipe-help = À la fin d’un événement : toutes les signatures quittent ce kiosque, puis Placard se ferme. Les réglages et le code restent.
wipe-unsent = { $count } signatures n’ont pas encore été envoyées. Enregistrez d’abord une copie scellée ci-dessus ; ou, pour les perdre, tapez { $count } ici.
wipe-lost = Signatures à perdre
wipe-start = Effacer ce kiosque
wipe-confirm = Effacer maintenant ? C’est irréversible.
wipe-yes = Effacer
wipe-done = { $count } signatures effacées. Placard se ferme.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Clavier à l’écran
keyboard-shift = Majuscule
keyboard-caps = Verrouillage des majuscules (toucher pour désactiver)
keyboard-backspace = Effacer
keyboard-space = espace
keyboard-numbers = Chiffres
keyboard-letters = Lettres
keyboard-next = Suivant
keyboard-done = Terminé
operator-touchscreen = Borne tactile : afficher le clavier à l’écran pour chaque champ (pas seulement quand on touche un champ)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Feuilles papier
operator-paper-help = Saisir les signatures recueillies sur papier : le même formulaire et les mêmes vérifications, sans écran de remerciement entre les feuilles. Entrée passe au champ suivant. Ne cochez la case des actualités que si elle était cochée sur la feuille.
operator-paper-petition = Pétition
operator-paper-start = Saisir des feuilles
paper-heading = Mode écritoire : saisie des feuilles papier
paper-form-heading = Feuille suivante
paper-count = { $count ->
    [0] Aucune feuille saisie pour l’instant.
    [one] 1 feuille saisie et scellée.
   *[other] { $count } feuilles saisies et scellées.
}
paper-leave = Quitter et verrouiller la borne
paper-submit = Sceller cette feuille
