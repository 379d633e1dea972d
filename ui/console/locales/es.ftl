# La consola de quien organiza (placard-collector serve --console).
console-title = Consola de Placard
language = Idioma
sign-out = Cerrar sesión
nav-label = Páginas de la consola
nav-overview = Resumen
nav-kiosks = Quioscos
nav-send = Desbloquear y enviar
nav-signers = Conservación y borrado
nav-audit = Registro de actividad
cancel = Cancelar

signed-out-title = No ha iniciado sesión
signed-out-expired = Su sesión ha terminado
signed-out-how = En el ordenador donde funciona el servidor de recogida, genere un nuevo enlace de acceso y ábralo en este navegador:
signed-out-why = Un enlace funciona una vez, durante 15 minutos. Las sesiones terminan tras un rato sin uso.

error-unknown = Algo salió mal. Inténtelo de nuevo; si sigue pasando, mire el registro del servidor de recogida.
error-no_session = No ha iniciado sesión.
error-session_expired = Su sesión ha terminado: entre de nuevo con un enlace nuevo.
error-cross_site = Rechazado: la petición no vino de la página de esta consola.
error-bad_link = Este enlace de acceso ya se usó o ha caducado. Genere uno nuevo.
error-too_many_attempts = Demasiados accesos con un enlace no válido. Espere un minuto.
error-storage_error = La base de datos del servidor de recogida no respondió. No se cambió nada.
error-bad_name = El nombre de un quiosco tiene de 1 a 80 caracteres.
error-no_device = No hay ningún quiosco registrado con ese identificador.
error-locked = Primero desbloquee la clave de la organización.
error-bad_email = Escriba una dirección de correo como nombre@example.org.
error-wrong_passphrase = Esa frase de contraseña no abre la clave de la organización.
error-wrong_key = Esta clave no abre los registros guardados aquí: no es la clave de la organización.
error-no_identity = El servidor de recogida se inició sin el archivo de clave de la organización, así que no puede desbloquear.
error-bad_identity = No se pudo leer el archivo de clave de la organización.
error-internal = El servidor de recogida no pudo terminar: mire su registro.
error-no_destination = El servidor de recogida se inició sin ningún destino al que enviar.
error-already_running = Ya se está enviando.
error-not_running = No se está enviando nada.

overview-live = En directo: las cifras cambian cuando los quioscos sincronizan.
overview-connecting = Conectando…
overview-totals = Totales
overview-records = firmas recibidas
overview-held = guardadas aquí ahora
overview-batches = lotes de los quioscos
overview-relay-waiting = esperan a reenviarse a { $to }
overview-per-hour = Firmas por hora
overview-chart-label = { $count ->
    [one] Firmas por hora en las últimas 24 horas: una en total.
   *[other] Firmas por hora en las últimas 24 horas: { $count } en total.
}
overview-chart-table = Las mismas cifras en una tabla
overview-per-petition = Por petición
overview-per-kiosk = Por quiosco
overview-none-yet = Ninguna todavía.
col-hour = Hora
col-signatures = Firmas
col-petition = Petición
col-kiosk = Quiosco
col-enrolled = Registrado
col-last-seen = Visto por última vez
col-waiting = En espera
col-clock = Reloj
col-version = Versión
col-state = Estado
col-actions = Acciones
col-time = Hora
col-outcome = Resultado
col-action = Acción
col-result = Resultado
col-detail = Detalle
col-deleted-on = Se borra el

kiosks-add = Añadir un quiosco
kiosks-name = Nombre del quiosco (por ejemplo «Mesa de la entrada»)
kiosks-make-code = Crear un código de emparejamiento
kiosks-code-for = Código de emparejamiento para { $name }:
kiosks-code-how = { $hours ->
    [one] En el quiosco: Panel de operador → Sincronización → escriba este código. Funciona una vez, durante una hora.
   *[other] En el quiosco: Panel de operador → Sincronización → escriba este código. Funciona una vez, durante { $hours } horas.
}
kiosks-enrolled = Quioscos registrados
kiosks-none = Todavía no hay ningún quiosco registrado.
kiosks-clock-ok = en hora
kiosks-clock-behind = { $minutes } min atrasado
kiosks-clock-ahead = { $minutes } min adelantado
kiosks-reported = En espera, reloj y versión son lo que cada quiosco informó al sincronizar por última vez.
kiosks-never = todavía no
kiosks-active = Activo
kiosks-revoked-at = Revocado { $when }
kiosks-revoke = Revocar { $name }
kiosks-revoke-title = ¿Revocar { $name }?
kiosks-revoke-warning = A partir de ahora, el servidor de recogida rechazará todo lo que envíe este quiosco; no se puede deshacer. Las firmas que aún no haya enviado se quedan selladas en él. Hágalo cuando un quiosco se pierda o lo roben.
kiosks-revoke-confirm = Sí, revocarlo

key-title = La clave de la organización
key-no-file = El servidor de recogida se inició sin el archivo de clave de la organización (serve --identity), así que aquí no puede abrir registros.
key-unlocked = Desbloqueada.
key-locks-in = Se bloquea sola en { $time } si no se usa.
key-lock-now = Bloquear ahora
key-locked = Bloqueada: aquí no se pueden abrir registros.
key-passphrase = Frase de contraseña
key-unlock = Desbloquear
key-stays = La clave se abre dentro del servidor de recogida y se queda allí; esta página nunca la tiene.
send-title = Enviar
send-none = El servidor de recogida se inició sin ningún destino (serve --action-network-token-file o --webhook-url).
send-to-action_network = Enviar a Action Network
send-to-webhook = Enviar al webhook
send-needs-key = Primero desbloquee la clave.
send-progress-action_network = Enviando a Action Network
send-progress-webhook = Enviando al webhook
send-running = Enviando: { $done } de { $total }.
send-stopped = Detenido tras { $done } de { $total }. El próximo envío sigue desde ahí.
send-failed = El envío se detuvo por un error; lo ya resuelto sigue resuelto.
send-finished = Terminado: { $sent } enviadas, { $failed } fallidas, { $skipped } ya estaban, { $deferred } para más tarde.
send-stop = Detener
send-outcomes = { $count ->
    [one] El resultado de un registro (no se muestra nada de quien firmó)
   *[other] Los resultados de los últimos { $count } registros (no se muestra nada de quien firmó)
}
outcome-sent = Enviada
outcome-failed = Fallida
outcome-skipped = Ya estaba
outcome-deferred = Para más tarde
export-title = Exportar
export-warning = El archivo contiene el nombre, el correo y lo que aceptó cada firmante, sin cifrar. Guárdelo en un disco cifrado, no lo comparta con nadie que no lo necesite y bórrelo cuando se haya importado.
export-format = Formato
export-csv = CSV (para el importador de Action Network o una hoja de cálculo)
export-jsonl = JSON Lines (todos los campos)
export-download = Descargar la exportación
export-saved = Guardado como { $file }.

retention-title = Cuánto tiempo se guardan los registros
retention-off = No hay plazo de conservación: los registros se guardan hasta que se borren a mano (serve --retain-days fija uno).
retention-rule = Los registros se borran { $days } días después de llegar a todos los destinos ({ $destinations }) o de ser exportados.
retention-export-only = solo exportaciones
destination-action_network = Action Network
destination-webhook = el webhook
retention-held = { $held } registros guardados aquí; { $waiting } de ellos esperan a enviarse o exportarse antes de que empiece su plazo.
retention-schedule = Qué se borrará y cuándo
retention-nothing-due = Todavía no hay nada pendiente de borrar.
forget-title = Olvidar a un firmante
forget-what = Borra todos los registros del firmante con esta dirección de correo, aquí y en lo que los quioscos vuelvan a enviar. Solo se guarda un hash con sal de la dirección, como prueba.
forget-email = Correo del firmante
forget-button = Olvidar a este firmante
forget-needs-key = Primero desbloquee la clave: el servidor de recogida abre los registros para encontrar los del firmante.
forget-confirm-title = ¿Olvidar a { $email }?
forget-confirm-warning = Sus registros se borran para siempre; no se puede deshacer.
forget-confirm = Sí, olvidar
forget-done = { $count ->
    [0] No había ningún registro con esa dirección.
    [one] Se borró un registro.
   *[other] Se borraron { $count } registros.
}

audit-sign-in = Inicio de sesión
audit-sign-out = Cierre de sesión
audit-unlock = Desbloqueo
audit-lock = Bloqueo
audit-add-kiosk = Añadir quiosco
audit-revoke = Revocar quiosco
audit-forget = Olvidar firmante
audit-export = Exportación
audit-send = Envío
result-ok = Hecho
result-refused = Rechazado
result-failed = Fallido
result-stopped = Detenido

# Petitions and packs
nav-packs = Peticiones y paquetes
packs-no-folder = El servidor de recogida se inició sin carpeta de paquetes (serve --packs DIR), así que los quioscos no toman paquetes de él.
packs-add = Añadir un paquete
packs-add-how = Un paquete en zip o su carpeta. Se comprueba como lo comprueba un quiosco; uno que no carga no se acepta, y un paquete del mismo nombre solo se sustituye por uno que cargue.
packs-name = Su nombre (letras, cifras, - y _)
packs-zip = Un archivo zip
packs-folder = o una carpeta
packs-upload = Comprobar y añadir
packs-added = { $count ->
    [one] Se añadió { $name }, con una petición.
   *[other] Se añadió { $name }, con { $count } peticiones.
}
packs-pack = Paquete { $name }
packs-summary = { $petitions } peticiones cargan; { $failures } archivos no; { $skipped } no son páginas.
packs-failures = Archivos que no cargan
col-languages = Traducciones
col-warnings = Avisos
packs-unpublished = sin publicar
packs-preview = Vista previa de { $title }
packs-preview-of = Vista previa: { $title }
packs-preview-note = Tal como la muestra el quiosco: el mismo texto y las mismas imágenes, sin seguir los enlaces.
packs-sign = Firmar la petición
packs-close-preview = Cerrar la vista previa
error-no_packs_folder = El servidor de recogida se inició sin carpeta de paquetes (serve --packs DIR).
error-no_pack = No hay ningún paquete con ese nombre.
error-no_petition = No hay ninguna petición con ese identificador en el paquete.
error-bad_pack_name = El nombre de un paquete lleva letras, cifras, «.», «_» y «-», y no empieza por «.».
error-not_a_zip = No es un archivo zip.
error-unsafe_pack = El zip contiene una entrada que podría escribirse fuera del paquete. No se aceptó nada.
error-pack_too_large = El paquete es demasiado grande. No se aceptó nada.
error-pack_does_not_load = El paquete no carga. No se aceptó nada.
error-no_petitions = El paquete no tiene ninguna petición que cargue. No se aceptó nada.
audit-add-pack = Añadir paquete
