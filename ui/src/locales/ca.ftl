languages-label = Idioma
loading = S'està carregant…

## Start (attract) screen
attract-sign = Signa la petició
attract-read = Llegeix la petició
attract-count = { $count ->
    [0] Sigues la primera persona a signar aquí.
    [one] { $count } persona ha signat aquí.
   *[other] { $count } persones han signat aquí.
}
attract-goal = { $count } de { $goal } signatures
attract-goal-label = Progrés cap a l'objectiu
attract-next = Petició següent
attract-operator = Operador
attract-none = No hi ha cap petició en pantalla. Demaneu-ho a un voluntari.

## Petition page
back-to-start = Torna a l'inici
petition-draft = No publicada
sign-default = Signa la petició

## Signing form
form-heading = Afegiu-hi el vostre nom
form-email-suggestion = Volíeu dir { $email }? Toqueu per fer-lo servir.
required-note = * Indica un camp obligatori
field-given_name = Nom
field-family_name = Cognoms
field-email = Correu electrònic
field-postal_code = Codi postal
field-street_address = Adreça
field-city = Ciutat
field-country = País
field-comment = Comentari
field-subscribe = Manteniu-me informat d'aquesta i d'altres campanyes
field-consent = He llegit com es fan servir les meves dades i hi estic d’acord
privacy-heading = Com fem servir les vostres dades
field-signature = La vostra signatura (opcional)
signature-hint = Dibuixeu amb el dit o amb el ratolí.
signature-clear = Esborra la signatura
form-cancel = Enrere
form-submit-default = Signa la petició
form-saving = S'està desant…
fix-required = Aquest camp és obligatori.
fix-invalid_email = Escriviu una adreça com nom@example.org.
fix-too_long = És massa llarg.
fix-forbidden_characters = Conté caràcters que no es poden fer servir.
fix-invalid_postal_code = Aquest codi postal no sembla correcte per al país. Comproveu-lo.
fix-invalid_country = Trieu un país de la llista.
fix-unknown_field = Aquesta petició no ho demana.
fix-invalid_signature = No s'ha pogut llegir el dibuix. Esborreu-lo i torneu a dibuixar.
fix-consent_missing = Marqueu la casella per confirmar que heu llegit com es fan servir les vostres dades.

## Errors
error-pack_unavailable = No s'han pogut carregar les peticions.
error-petition_not_found = Aquesta petició no és al paquet.
error-unknown = Alguna cosa no ha anat bé.
error-not_set_up = Aquest quiosc encara no està configurat.
error-already_set_up = Aquest quiosc ja està configurat.
error-weak_pin = El PIN ha de tenir de 6 a 12 xifres.
error-bad_recipient = No és una clau pública d'organitzador (comença per age1).
error-invalid_input = Reviseu els camps marcats.
error-storage_full = L'emmagatzematge d'aquest quiosc és ple. Aviseu un voluntari. La vostra signatura no s'ha desat.
error-storage_error = No s'ha pogut desar la vostra signatura. Aviseu un voluntari.
error-not_a_vault = Falta el magatzem de signatures d'aquest quiosc. Aviseu un voluntari.
error-already_a_vault = Ja hi ha un magatzem de signatures aquí.
error-bad_device_key = La clau de dispositiu d'aquest quiosc està malmesa. Aviseu un voluntari.
error-seal_failed = No s'ha pogut segellar la vostra signatura. Aviseu un voluntari.
error-vault_corrupt = El magatzem de signatures d'aquest quiosc està malmès. Aviseu un voluntari.
error-wrong_pin = PIN incorrecte.
error-pin_locked_out = Massa PIN incorrectes. Torneu-ho a provar d'aquí a { $minutes } min.
error-pin_change_required = El PIN d'aquest quiosc és massa curt. Trieu-ne un de nou de 6 a 12 xifres.
error-recipient_mismatch = Aquest quiosc ara no pot recollir signatures: la seva caixa forta no coincideix amb la clau de l'organització. Demaneu-ho a un voluntari.
error-unsent_records = Algunes signatures encara no s'han enviat. Deseu-les primer en un llapis USB o confirmeu que es perdran.
error-forged_answer = Una resposta que deia venir del servidor de recollida no estava signada per ell i s'ha ignorat. Algú en aquesta xarxa podria estar interferint.
error-operator_only = Primer introduïu el PIN d'operador.
error-bad_setting = Aquest valor no es pot fer servir.

## Thank you
thanks-heading = Gràcies!
thanks-count = { $count ->
    [1] Sou la primera persona que signa aquí.
    [one] { $count } persona ha signat aquí.
   *[other] { $count } persones han signat aquí.
}
thanks-share = Compartiu la petició des del vostre mòbil: escanegeu aquest codi.
thanks-done = Fet
thanks-returning = { $seconds ->
    [one] Tornem a l'inici d'aquí a { $seconds } segon.
   *[other] Tornem a l'inici d'aquí a { $seconds } segons.
}

## Still there? (inactivity)
idle-heading = Encara hi sou?
idle-body = { $seconds ->
    [one] Per protegir la vostra privadesa, tot el que heu escrit s'esborrarà d'aquí a { $seconds } segon.
   *[other] Per protegir la vostra privadesa, tot el que heu escrit s'esborrarà d'aquí a { $seconds } segons.
}
idle-stay = Encara hi sóc
idle-reset = Torna a començar

## First-run set-up
setup-heading = Configureu aquest quiosc
setup-intro = Les signatures se segellen amb la clau pública de l'organitzador en el moment de signar. Aquest quiosc no les pot llegir mai.
setup-key-help = Enganxeu la clau pública (age1…) creada amb «placard keys new», o creeu-ne una aquí: la meitat privada va a un llapis USB, mai a aquest quiosc.
setup-recipient = Clau pública de l'organitzador (comença per age1)
setup-pin = PIN d'operador (de 6 a 12 xifres)
setup-pin-again = Torneu a escriure el PIN
setup-pin-mismatch = Els dos PIN són diferents.
setup-submit = Comença a recollir signatures

setup-next = Continua
setup-pack = Quines peticions ha de mostrar aquest quiosc?
pack-demo = Peticions de demostració (incloses)
pack-configured = El paquet configurat d'aquest quiosc
pack-local = Paquet «{ $name }»

setup-new-key = Crea una clau d'organitzador nova
newkey-intro = La clau privada es desa, xifrada amb la vostra contrasenya, en un llapis USB o una altra carpeta fora d'aquest quiosc, amb un full de recuperació per imprimir. Guardeu-los bé, amb la contrasenya: sense ells ningú no podrà llegir mai les signatures.
newkey-folder = On desar-la (un llapis USB)
newkey-passphrase = Contrasenya (almenys 12 caràcters)
newkey-passphrase-again = Torneu a escriure la contrasenya
newkey-mismatch = Les dues contrasenyes són diferents.
newkey-create = Crea la clau
newkey-done = Clau desada a { $file }. Imprimiu el full de recuperació que hi ha al costat: { $sheet }
error-weak_passphrase = La contrasenya ha de tenir almenys 12 caràcters.
error-key_on_kiosk = Trieu una carpeta fora d'aquest quiosc, com ara un llapis USB.
error-key_exists = Aquesta carpeta ja conté una clau d'organitzador. Trieu-ne una altra.
error-bad_collector_url = Aquesta no és l'adreça d'un servidor de recollida. Comença per https://.
error-collector_unreachable = El servidor de recollida no respon. Comproveu l'adreça i la xarxa.
error-enrol_refused = El servidor de recollida no ha acceptat aquest codi. Comproveu-lo i torneu-lo a escriure; després de tres intents erronis, demaneu-ne un de nou a l'organització.
error-sync_error = No s'ha pogut iniciar la sincronització.
error-not_enrolled = Aquest quiosc encara no està registrat en cap servidor de recollida.
error-bad_pack = No s'ha pogut portar el paquet de peticions. Les peticions d'aquest quiosc no han canviat.
error-wrong_passphrase = Frase de pas incorrecta.
error-bad_identity = Aquest fitxer no és una clau de l'organització.
error-bad_token = Action Network ha rebutjat la clau de l'API.
error-action_network_unreachable = Action Network no respon. Comproveu la xarxa.
error-send_failed = L'enviament ha fallat.

## Operator
pin-heading = PIN d'operador
pin-submit = Obre el tauler
pin-new-heading = PIN d'operador nou (de 6 a 12 xifres)
pin-new-again = Torneu a escriure el PIN nou
pin-new-submit = Desa el PIN nou
pin-clear = Esborra
pin-cancel = Cancel·la
operator-heading = Tauler d'operador
operator-totals = { $total ->
    [one] { $total } signatura en aquest quiosc, { $pending } pendents d'enviar.
   *[other] { $total } signatures en aquest quiosc, { $pending } pendents d'enviar.
}
operator-chart = Signatures per hora
operator-petitions = Peticions a la pantalla d'inici
operator-petitions-help = Si no n'hi ha cap de marcada, totes les peticions publicades van alternant.
operator-petition-count = { $count ->
    [one] { $count } signatura
   *[other] { $count } signatures
}
operator-rotate = Segons per petició
operator-event = Nom de l'esdeveniment
operator-tags = Etiquetes, separades per comes
operator-source = Codi d'origen (per a la llista; buit: el nom de l'esdeveniment)
operator-lock = Bloqueig del quiosc: pantalla completa, no es pot tancar
operator-thanks-seconds = Segons a la pantalla d'agraïment
operator-idle-seconds = Segons abans de «Encara hi sou?»
operator-countdown-seconds = Segons del compte enrere
operator-retention = Hores que una signatura confirmada es queda al quiosc (0: s'esborra de seguida)
operator-recipient = Segellat amb la clau de l'organització
operator-save = Desa
operator-saved = S'ha desat.
operator-sync = Sincronització
operator-sync-none = Encara no hi ha cap col·lector configurat. Les signatures es queden segellades en aquest quiosc fins que n'hi hagi un.
operator-sync-enrol-help = Demaneu a l'organització l'adreça del servidor de recollida i un codi curt d'aparellament (com 417-K7MQ-P2XD). El codi mateix no s'envia mai.
operator-sync-collector = Adreça del servidor de recollida
operator-sync-code = Codi de registre
operator-sync-enrol = Registra aquest quiosc
operator-sync-to = S'envia a { $collector }
operator-sync-status = { $pending } en espera, { $sent } enviades des de l'arrencada
operator-sync-sending = S'està enviant…
operator-sync-waiting = En espera d'enviament
operator-sync-last-success = Últim enviament: { $time }
operator-sync-never = Encara no s'ha enviat res.
operator-sync-last-error = Últim problema: { $error }
operator-sync-clock-behind = El rellotge d'aquest quiosc va { $minutes } min endarrerit respecte del servidor de recollida. La sincronització ho compensa; poseu-lo en hora quan pugueu.
operator-sync-clock-ahead = El rellotge d'aquest quiosc va { $minutes } min avançat respecte del servidor de recollida. La sincronització ho compensa; poseu-lo en hora quan pugueu.
operator-sync-now = Sincronitza ara
operator-packs-heading = Paquets de peticions
operator-packs-look = Cerca paquets de peticions al servidor de recollida
operator-packs-none = El servidor de recollida no ofereix paquets de peticions.
operator-packs-take = Porta { $name }
operator-packs-taken = El paquet { $name } ja és en aquest quiosc. Trieu-lo a «Paquet de peticions» i deseu.
send-heading = Envia a Action Network
send-help = Per a un quiosc sense servidor de recollida. La clau de l'organització obre les signatures només per a aquest enviament; no es desa.
send-key-file = Fitxer de la clau de l'organització
send-passphrase = Frase de pas
send-token = Clau de l'API d'Action Network
send-start = Envia
send-cancel = Atura
send-running = S'està enviant…
send-summary = { $sent } enviades, { $failed } fallides, { $skipped } enviades abans.
send-deferred = { $count } esperen un enviament posterior.
send-cancelled = Aturat. El que s'ha enviat continua enviat.
send-retry = Torna a enviar les fallides
send-failed-before = { $count } van fallar en un enviament anterior: «Torna a enviar les fallides» les torna a enviar.
send-outcomes = Cada signatura, a mesura que s'envia
send-outcome-sent = Enviada
send-outcome-failed = Ha fallat
send-outcome-skipped = Ja enviada
send-outcome-deferred = Espera el proper enviament
operator-pack = Paquet de peticions
operator-pack-failed = { $count ->
    [one] { $count } fitxer no s'ha pogut carregar:
   *[other] { $count } fitxers no s'han pogut carregar:
}
operator-close = Tanca el tauler
operator-exit = Surt de Placard
operator-exit-confirm = Voleu sortir de Placard ara? El quiosc deixarà de recollir signatures.
operator-exit-yes = Surt
save-heading = Desa una còpia segellada
save-help = Totes les signatures, encara segellades, en un fitxer nou en un llapis USB: perquè el servidor de recollida les importi, o per guardar-les abans d'esborrar aquest quiosc. No cal cap clau.
save-folder = Carpeta (un llapis USB)
save-start = Desa
save-done = S'han desat { $count } signatures segellades a { $file }.
wipe-heading = Esborra aquest quiosc
wipe-help = Al final d’un acte: totes les signatures s’esborren d’aquest quiosc i Placard es tanca. La configuració i el PIN es mantenen.
wipe-unsent = { $count } signatures encara no s’han enviat. Deseu primer una còpia segellada a dalt; o, per perdre-les, escriviu { $count } aquí.
wipe-lost = Signatures que es perdran
wipe-start = Esborra aquest quiosc
wipe-confirm = Voleu esborrar ara? No es pot desfer.
wipe-yes = Esborra
wipe-done = { $count } signatures esborrades. Placard es tanca ara.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Teclat en pantalla
keyboard-shift = Majúscules
keyboard-caps = Bloqueig de majúscules (toca per desactivar)
keyboard-backspace = Esborrar
keyboard-space = espai
keyboard-numbers = Números
keyboard-letters = Lletres
keyboard-next = Següent
keyboard-done = Fet
operator-touchscreen = Quiosc tàctil: mostra el teclat en pantalla a cada camp (no només quan es toca un camp)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Fulls en paper
operator-paper-help = Escriu les signatures recollides en paper: el mateix formulari i les mateixes comprovacions, sense pantalla d’agraïment entre fulls. Retorn passa al camp següent. Marca la casella de novetats només si estava marcada al full.
operator-paper-petition = Petició
operator-paper-start = Comença a escriure fulls
paper-heading = Mode carpeta: escrivint fulls en paper
paper-form-heading = Full següent
paper-count = { $count ->
    [0] Encara no s’ha escrit cap full.
    [one] 1 full escrit i segellat.
   *[other] { $count } fulls escrits i segellats.
}
paper-leave = Surt i bloqueja el quiosc
paper-submit = Segella aquest full
