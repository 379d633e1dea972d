# La consola de qui organitza (placard-collector serve --console).
console-title = Consola de Placard
language = Llengua
sign-out = Tanca la sessió
nav-label = Pàgines de la consola
nav-overview = Resum
nav-kiosks = Quioscos
nav-send = Desbloqueja i envia
nav-signers = Conservació i esborrament
nav-audit = Registre d'activitat
cancel = Cancel·la

signed-out-title = No heu iniciat la sessió
signed-out-expired = La vostra sessió ha acabat
signed-out-how = A l'ordinador on funciona el servidor de recollida, genereu un enllaç d'accés nou i obriu-lo en aquest navegador:
signed-out-why = Un enllaç funciona una vegada, durant 15 minuts. Les sessions acaben després d'una estona sense ús.

error-unknown = Alguna cosa ha anat malament. Torneu-ho a provar; si continua passant, mireu el registre del servidor de recollida.
error-no_session = No heu iniciat la sessió.
error-session_expired = La vostra sessió ha acabat: torneu a entrar amb un enllaç nou.
error-cross_site = Rebutjat: la petició no venia de la pàgina d'aquesta consola.
error-bad_link = Aquest enllaç d'accés ja s'ha fet servir o ha caducat. Genereu-ne un de nou.
error-too_many_attempts = Massa accessos amb un enllaç no vàlid. Espereu un minut.
error-storage_error = La base de dades del servidor de recollida no ha respost. No s'ha canviat res.
error-bad_name = El nom d'un quiosc té d'1 a 80 caràcters.
error-no_device = No hi ha cap quiosc registrat amb aquest identificador.
error-locked = Primer desbloquegeu la clau de l'organització.
error-bad_email = Escriviu una adreça electrònica com nom@example.org.
error-wrong_passphrase = Aquesta frase de contrasenya no obre la clau de l'organització.
error-wrong_key = Aquesta clau no obre els registres desats aquí: no és la clau de l'organització.
error-no_identity = El servidor de recollida s'ha iniciat sense el fitxer de clau de l'organització, així que no pot desbloquejar.
error-bad_identity = No s'ha pogut llegir el fitxer de clau de l'organització.
error-internal = El servidor de recollida no ho ha pogut acabar: mireu-ne el registre.
error-no_destination = El servidor de recollida s'ha iniciat sense cap destinació on enviar.
error-already_running = Ja s'està enviant.
error-not_running = No s'està enviant res.

overview-live = En directe: les xifres canvien quan els quioscos se sincronitzen.
overview-connecting = S'està connectant…
overview-totals = Totals
overview-records = signatures rebudes
overview-held = desades aquí ara
overview-batches = lots dels quioscos
overview-relay-waiting = esperen a reenviar-se a { $to }
overview-per-hour = Signatures per hora
overview-chart-label = { $count ->
    [one] Signatures per hora en les últimes 24 hores: una en total.
   *[other] Signatures per hora en les últimes 24 hores: { $count } en total.
}
overview-chart-table = Les mateixes xifres en una taula
overview-per-petition = Per petició
overview-per-kiosk = Per quiosc
overview-none-yet = Encara cap.
col-hour = Hora
col-signatures = Signatures
col-petition = Petició
col-kiosk = Quiosc
col-enrolled = Registrat
col-last-seen = Vist per última vegada
col-waiting = En espera
col-clock = Rellotge
col-version = Versió
col-state = Estat
col-actions = Accions
col-time = Hora
col-outcome = Resultat
col-action = Acció
col-result = Resultat
col-detail = Detall
col-deleted-on = S'esborra el

kiosks-add = Afegeix un quiosc
kiosks-name = Nom del quiosc (per exemple «Taula de l'entrada»)
kiosks-make-code = Crea un codi d'aparellament
kiosks-code-for = Codi d'aparellament per a { $name }:
kiosks-code-how = { $hours ->
    [one] Al quiosc: Tauler d'operador → Sincronització → escriviu aquest codi. Funciona una vegada, durant una hora.
   *[other] Al quiosc: Tauler d'operador → Sincronització → escriviu aquest codi. Funciona una vegada, durant { $hours } hores.
}
kiosks-enrolled = Quioscos registrats
kiosks-none = Encara no hi ha cap quiosc registrat.
kiosks-clock-ok = a l'hora
kiosks-clock-behind = { $minutes } min endarrerit
kiosks-clock-ahead = { $minutes } min avançat
kiosks-reported = En espera, rellotge i versió són el que cada quiosc va informar en l'última sincronització.
kiosks-never = encara no
kiosks-active = Actiu
kiosks-revoked-at = Revocat { $when }
kiosks-revoke = Revoca { $name }
kiosks-revoke-title = Voleu revocar { $name }?
kiosks-revoke-warning = A partir d'ara, el servidor de recollida rebutjarà tot el que enviï aquest quiosc; no es pot desfer. Les signatures que encara no hagi enviat s'hi queden segellades. Feu-ho quan un quiosc es perdi o el robin.
kiosks-revoke-confirm = Sí, revoca'l

key-title = La clau de l'organització
key-no-file = El servidor de recollida s'ha iniciat sense el fitxer de clau de l'organització (serve --identity), així que aquí no pot obrir registres.
key-unlocked = Desbloquejada.
key-locks-in = Es bloqueja sola d'aquí a { $time } si no es fa servir.
key-lock-now = Bloqueja ara
key-locked = Bloquejada: aquí no es poden obrir registres.
key-passphrase = Frase de contrasenya
key-unlock = Desbloqueja
key-stays = La clau s'obre dins del servidor de recollida i s'hi queda; aquesta pàgina no la té mai.
send-title = Envia
send-none = El servidor de recollida s'ha iniciat sense cap destinació (serve --action-network-token-file o --webhook-url).
send-to-action_network = Envia a Action Network
send-to-webhook = Envia al webhook
send-needs-key = Primer desbloquegeu la clau.
send-progress-action_network = S'està enviant a Action Network
send-progress-webhook = S'està enviant al webhook
send-running = S'està enviant: { $done } de { $total }.
send-stopped = Aturat després de { $done } de { $total }. El proper enviament continuarà des d'aquí.
send-failed = L'enviament s'ha aturat per un error; el que ja està resolt continua resolt.
send-finished = Acabat: { $sent } enviades, { $failed } fallides, { $skipped } ja hi eren, { $deferred } per a més tard.
send-stop = Atura
send-outcomes = { $count ->
    [one] El resultat d'un registre (no es mostra res de qui ha signat)
   *[other] Els resultats dels últims { $count } registres (no es mostra res de qui ha signat)
}
outcome-sent = Enviada
outcome-failed = Fallida
outcome-skipped = Ja hi era
outcome-deferred = Per a més tard
export-title = Exporta
export-warning = El fitxer conté el nom, l'adreça electrònica i el que ha acceptat cada signant, sense xifrar. Deseu-lo en un disc xifrat, no el compartiu amb ningú que no el necessiti i esborreu-lo quan s'hagi importat.
export-format = Format
export-csv = CSV (per a l'importador d'Action Network o un full de càlcul)
export-jsonl = JSON Lines (tots els camps)
export-download = Baixa l'exportació
export-saved = Desat com a { $file }.

retention-title = Quant de temps es conserven els registres
retention-off = No hi ha termini de conservació: els registres es conserven fins que s'esborren a mà (serve --retain-days en fixa un).
retention-rule = Els registres s'esborren { $days } dies després d'arribar a totes les destinacions ({ $destinations }) o de ser exportats.
retention-export-only = només exportacions
destination-action_network = Action Network
destination-webhook = el webhook
retention-held = { $held } registres desats aquí; { $waiting } d'ells esperen ser enviats o exportats abans que comenci el seu termini.
retention-schedule = Què s'esborrarà i quan
retention-nothing-due = Encara no hi ha res per esborrar.
forget-title = Oblida un signant
forget-what = Esborra tots els registres del signant amb aquesta adreça electrònica, aquí i en el que els quioscos tornin a enviar. Només es conserva un hash amb sal de l'adreça, com a prova.
forget-email = Adreça electrònica del signant
forget-button = Oblida aquest signant
forget-needs-key = Primer desbloquegeu la clau: el servidor de recollida obre els registres per trobar els del signant.
forget-confirm-title = Voleu oblidar { $email }?
forget-confirm-warning = Els seus registres s'esborren per sempre; no es pot desfer.
forget-confirm = Sí, oblida'l
forget-done = { $count ->
    [0] No hi havia cap registre amb aquesta adreça.
    [one] S'ha esborrat un registre.
   *[other] S'han esborrat { $count } registres.
}

audit-sign-in = Inici de sessió
audit-sign-out = Tancament de sessió
audit-unlock = Desbloqueig
audit-lock = Bloqueig
audit-add-kiosk = Afegir un quiosc
audit-revoke = Revocar un quiosc
audit-forget = Oblidar un signant
audit-export = Exportació
audit-send = Enviament
result-ok = Fet
result-refused = Rebutjat
result-failed = Fallit
result-stopped = Aturat

# Petitions and packs
nav-packs = Peticions i paquets
packs-no-folder = El servidor de recollida s'ha iniciat sense carpeta de paquets (serve --packs DIR), així que els quioscos no en prenen cap.
packs-add = Afegeix un paquet
packs-add-how = Un paquet en zip o la seva carpeta. Es comprova com ho fa un quiosc; si no es carrega no s'accepta, i un paquet amb el mateix nom només se substitueix per un que es carregui.
packs-name = El seu nom (lletres, xifres, - i _)
packs-zip = Un fitxer zip
packs-folder = o una carpeta
packs-upload = Comprova i afegeix
packs-added = { $count ->
    [one] S'ha afegit { $name }, amb una petició.
   *[other] S'ha afegit { $name }, amb { $count } peticions.
}
packs-pack = Paquet { $name }
packs-summary = Es carreguen { $petitions } peticions; { $failures } fitxers no; { $skipped } no són pàgines.
packs-failures = Fitxers que no es carreguen
col-languages = Traduccions
col-warnings = Avisos
packs-unpublished = sense publicar
packs-preview = Previsualitza { $title }
packs-preview-of = Previsualització: { $title }
packs-preview-note = Tal com la mostra el quiosc: el mateix text i les mateixes imatges, sense seguir els enllaços.
packs-sign = Signa la petició
packs-close-preview = Tanca la previsualització
error-no_packs_folder = El servidor de recollida s'ha iniciat sense carpeta de paquets (serve --packs DIR).
error-no_pack = No hi ha cap paquet amb aquest nom.
error-no_petition = No hi ha cap petició amb aquest identificador al paquet.
error-bad_pack_name = El nom d'un paquet té lletres, xifres, «.», «_» i «-», i no comença per «.».
error-not_a_zip = No és un fitxer zip.
error-unsafe_pack = El zip conté una entrada que es podria escriure fora del paquet. No s'ha acceptat res.
error-pack_too_large = El paquet és massa gran. No s'ha acceptat res.
error-pack_does_not_load = El paquet no es carrega. No s'ha acceptat res.
error-no_petitions = El paquet no té cap petició que es carregui. No s'ha acceptat res.
audit-add-pack = Afegir un paquet
