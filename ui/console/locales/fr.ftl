# La console des organisateurs (placard-collector serve --console).
console-title = Console Placard
language = Langue
sign-out = Se déconnecter
nav-label = Pages de la console
nav-overview = Vue d’ensemble
nav-kiosks = Bornes
nav-send = Déverrouiller et envoyer
nav-signers = Conservation et effacement
nav-audit = Journal d’audit
cancel = Annuler

signed-out-title = Vous n’êtes pas connecté·e
signed-out-expired = Votre session a pris fin
signed-out-how = Sur l’ordinateur où tourne le serveur de collecte, créez un nouveau lien de connexion et ouvrez-le dans ce navigateur :
signed-out-why = Un lien ne sert qu’une fois, pendant 15 minutes. Les sessions prennent fin après un moment sans utilisation.

error-unknown = Un problème est survenu. Réessayez ; si cela se reproduit, consultez le journal du serveur de collecte.
error-no_session = Vous n’êtes pas connecté·e.
error-session_expired = Votre session a pris fin : reconnectez-vous avec un nouveau lien.
error-cross_site = Refusé : la demande ne venait pas de la page de cette console.
error-bad_link = Ce lien de connexion a déjà servi ou a expiré. Créez-en un nouveau.
error-too_many_attempts = Trop de connexions avec un lien non valable. Attendez une minute.
error-storage_error = La base de données du serveur de collecte n’a pas répondu. Rien n’a été modifié.
error-bad_name = Le nom d’une borne compte de 1 à 80 caractères.
error-no_device = Aucune borne n’est inscrite avec cet identifiant.
error-locked = Déverrouillez d’abord la clé de l’organisation.
error-bad_email = Saisissez une adresse e-mail comme nom@example.org.
error-wrong_passphrase = Cette phrase secrète n’ouvre pas la clé de l’organisation.
error-wrong_key = Cette clé n’ouvre pas les enregistrements conservés ici : ce n’est pas la clé de l’organisation.
error-no_identity = Le serveur de collecte a démarré sans le fichier de clé de l’organisation ; il ne peut pas déverrouiller.
error-bad_identity = Le fichier de clé de l’organisation n’a pas pu être lu.
error-internal = Le serveur de collecte n’a pas pu terminer : consultez son journal.
error-no_destination = Le serveur de collecte a démarré sans destination d’envoi.
error-already_running = Un envoi est déjà en cours.
error-not_running = Aucun envoi n’est en cours.

overview-live = En direct : les chiffres changent quand les bornes se synchronisent.
overview-connecting = Connexion…
overview-totals = Totaux
overview-records = signatures reçues
overview-held = conservées ici maintenant
overview-batches = lots venus des bornes
overview-relay-waiting = attendent d’être relayées vers { $to }
overview-per-hour = Signatures par heure
overview-chart-label = { $count ->
    [one] Signatures par heure sur les dernières 24 heures : { $count } au total.
   *[other] Signatures par heure sur les dernières 24 heures : { $count } au total.
}
overview-chart-table = Les mêmes chiffres dans un tableau
overview-per-petition = Par pétition
overview-per-kiosk = Par borne
overview-none-yet = Aucune pour l’instant.
col-hour = Heure
col-signatures = Signatures
col-petition = Pétition
col-kiosk = Borne
col-enrolled = Inscrite le
col-last-seen = Vue pour la dernière fois
col-waiting = En attente
col-clock = Horloge
col-version = Version
col-state = État
col-actions = Actions
col-time = Heure
col-outcome = Résultat
col-action = Action
col-result = Résultat
col-detail = Détail
col-deleted-on = Effacées le

kiosks-add = Ajouter une borne
kiosks-name = Nom de la borne (par exemple « Table de l’entrée »)
kiosks-make-code = Créer un code d’appairage
kiosks-code-for = Code d’appairage pour { $name } :
kiosks-code-how = { $hours ->
    [one] Sur la borne : Panneau opérateur → Synchronisation → saisir ce code. Il ne sert qu’une fois, pendant une heure.
   *[other] Sur la borne : Panneau opérateur → Synchronisation → saisir ce code. Il ne sert qu’une fois, pendant { $hours } heures.
}
kiosks-enrolled = Bornes inscrites
kiosks-none = Aucune borne n’est encore inscrite.
kiosks-clock-ok = à l’heure
kiosks-clock-behind = { $minutes } min de retard
kiosks-clock-ahead = { $minutes } min d’avance
kiosks-reported = En attente, horloge et version sont ce que chaque borne a signalé lors de sa dernière synchronisation.
kiosks-never = pas encore
kiosks-active = Active
kiosks-revoked-at = Révoquée { $when }
kiosks-revoke = Révoquer { $name }
kiosks-revoke-title = Révoquer { $name } ?
kiosks-revoke-warning = Le serveur de collecte refusera désormais tout ce que cette borne envoie ; c’est irréversible. Les signatures qu’elle n’a pas encore envoyées restent scellées sur elle. À faire quand une borne est perdue ou volée.
kiosks-revoke-confirm = Oui, la révoquer

key-title = La clé de l’organisation
key-no-file = Le serveur de collecte a démarré sans le fichier de clé de l’organisation (serve --identity) ; il ne peut pas ouvrir d’enregistrements ici.
key-unlocked = Déverrouillée.
key-locks-in = Elle se verrouille d’elle-même dans { $time } si elle n’est pas utilisée.
key-lock-now = Verrouiller maintenant
key-locked = Verrouillée : les enregistrements ne peuvent pas être ouverts ici.
key-passphrase = Phrase secrète
key-unlock = Déverrouiller
key-stays = La clé est ouverte dans le serveur de collecte et y reste ; cette page ne la détient jamais.
send-title = Envoyer
send-none = Le serveur de collecte a démarré sans destination (serve --action-network-token-file ou --webhook-url).
send-to-action_network = Envoyer à Action Network
send-to-webhook = Envoyer au webhook
send-needs-key = Déverrouillez d’abord la clé.
send-progress-action_network = Envoi à Action Network
send-progress-webhook = Envoi au webhook
send-running = Envoi : { $done } sur { $total }.
send-stopped = Arrêté après { $done } sur { $total }. Le prochain envoi reprendra là.
send-failed = L’envoi s’est arrêté sur une erreur ; ce qui est réglé le reste.
send-finished = Terminé : { $sent } envoyées, { $failed } en échec, { $skipped } déjà présentes, { $deferred } pour plus tard.
send-stop = Arrêter
send-outcomes = { $count ->
    [one] Le résultat de { $count } enregistrement (rien des signataires n’est affiché)
   *[other] Les résultats des { $count } derniers enregistrements (rien des signataires n’est affiché)
}
outcome-sent = Envoyée
outcome-failed = En échec
outcome-skipped = Déjà présente
outcome-deferred = Pour plus tard
export-title = Exporter
export-warning = Le fichier contient en clair le nom, l’adresse e-mail et les accords de chaque signataire. Gardez-le sur un disque chiffré, ne le confiez à personne qui n’en a pas besoin et supprimez-le une fois importé.
export-format = Format
export-csv = CSV (pour l’importateur d’Action Network ou un tableur)
export-jsonl = JSON Lines (tous les champs)
export-download = Télécharger l’export
export-saved = Enregistré sous { $file }.

retention-title = Durée de conservation des enregistrements
retention-off = Aucune durée de conservation n’est fixée : les enregistrements restent jusqu’à leur effacement à la main (serve --retain-days en fixe une).
retention-rule = Les enregistrements sont effacés { $days } jours après avoir atteint toutes les destinations ({ $destinations }), ou après un export.
retention-export-only = exports seulement
destination-action_network = Action Network
destination-webhook = le webhook
retention-held = { $held } enregistrements conservés ici ; { $waiting } d’entre eux attendent d’être envoyés ou exportés avant que leur délai commence.
retention-schedule = Ce qui sera effacé, et quand
retention-nothing-due = Rien n’est encore à effacer.
forget-title = Oublier un·e signataire
forget-what = Efface tous les enregistrements du ou de la signataire ayant cette adresse e-mail, ici et dans ce que les bornes renverraient. Seule une empreinte salée de l’adresse est gardée, comme preuve.
forget-email = Adresse e-mail du ou de la signataire
forget-button = Oublier cette personne
forget-needs-key = Déverrouillez d’abord la clé : le serveur de collecte ouvre les enregistrements pour trouver ceux de la personne.
forget-confirm-title = Oublier { $email } ?
forget-confirm-warning = Ses enregistrements sont effacés définitivement ; c’est irréversible.
forget-confirm = Oui, oublier
forget-done = { $count ->
    [0] Aucun enregistrement avec cette adresse n’était conservé ici.
    [one] { $count } enregistrement a été effacé.
   *[other] { $count } enregistrements ont été effacés.
}

audit-sign-in = Connexion
audit-sign-out = Déconnexion
audit-unlock = Déverrouillage
audit-lock = Verrouillage
audit-add-kiosk = Ajout d’une borne
audit-revoke = Révocation d’une borne
audit-forget = Oubli d’un·e signataire
audit-export = Export
audit-send = Envoi
result-ok = Fait
result-refused = Refusé
result-failed = En échec
result-stopped = Arrêté

# Petitions and packs
nav-packs = Pétitions et paquets
packs-no-folder = Le serveur de collecte a démarré sans dossier de paquets (serve --packs DIR) : les bornes n’en reçoivent aucun.
packs-add = Ajouter un paquet
packs-add-how = Un paquet en zip, ou son dossier. Il est vérifié comme une borne vérifie un paquet ; un paquet qui ne se charge pas est refusé, et un paquet du même nom n’est remplacé que par un qui se charge.
packs-name = Son nom (lettres, chiffres, - et _)
packs-zip = Un fichier zip
packs-folder = ou un dossier
packs-upload = Vérifier et ajouter
packs-added = { $count ->
    [one] { $name } a été ajouté, avec { $count } pétition.
   *[other] { $name } a été ajouté, avec { $count } pétitions.
}
packs-pack = Paquet { $name }
packs-summary = { $petitions } pétitions se chargent ; { $failures } fichiers non ; { $skipped } ne sont pas des pages.
packs-failures = Fichiers qui ne se chargent pas
col-languages = Traductions
col-warnings = Avertissements
packs-unpublished = non publiée
packs-preview = Aperçu de { $title }
packs-preview-of = Aperçu : { $title }
packs-preview-note = Tel que la borne l’affiche : le même texte, les mêmes images, liens non suivis.
packs-sign = Signer la pétition
packs-close-preview = Fermer l’aperçu
error-no_packs_folder = Le serveur de collecte a démarré sans dossier de paquets (serve --packs DIR).
error-no_pack = Aucun paquet ne porte ce nom.
error-no_petition = Aucune pétition de cet identifiant dans le paquet.
error-bad_pack_name = Le nom d’un paquet se compose de lettres, chiffres, « . », « _ » et « - », sans commencer par « . ».
error-not_a_zip = Ce n’est pas un fichier zip.
error-unsafe_pack = Le zip contient une entrée qui pourrait s’écrire hors du paquet. Rien n’a été pris.
error-pack_too_large = Le paquet est trop volumineux. Rien n’a été pris.
error-pack_does_not_load = Le paquet ne se charge pas. Rien n’a été pris.
error-no_petitions = Le paquet ne contient aucune pétition qui se charge. Rien n’a été pris.
audit-add-pack = Ajout d’un paquet
