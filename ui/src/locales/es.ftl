languages-label = Idioma
loading = Cargando…

## Start (attract) screen
attract-sign = Firma la petición
attract-read = Lee la petición
attract-count = { $count ->
    [0] Sé la primera persona en firmar aquí.
    [one] { $count } persona ha firmado aquí.
   *[other] { $count } personas han firmado aquí.
}
attract-goal = { $count } de { $goal } firmas
attract-goal-label = Avance hacia la meta
attract-next = Siguiente petición
attract-operator = Operador
attract-none = No hay ninguna petición en pantalla. Pide ayuda a una persona voluntaria.

## Petition page
back-to-start = Volver al inicio
petition-draft = No publicada
sign-default = Firma la petición

## Signing form
form-heading = Añade tu nombre
form-email-suggestion = ¿Quisiste decir { $email }? Toca para usarla.
required-note = * Indica un campo obligatorio
field-given_name = Nombre
field-family_name = Apellidos
field-email = Correo electrónico
field-postal_code = Código postal
field-street_address = Dirección
field-city = Ciudad
field-country = País
field-comment = Comentario
field-subscribe = Quiero recibir novedades sobre esta y otras campañas
field-consent = He leído cómo se usan mis datos y estoy de acuerdo
privacy-heading = Cómo usamos tus datos
field-signature = Tu firma (opcional)
signature-hint = Dibuja con el dedo o con el ratón.
signature-clear = Borrar la firma
form-cancel = Atrás
form-submit-default = Firma la petición
form-saving = Guardando…
fix-required = Este campo es obligatorio.
fix-invalid_email = Escribe una dirección de correo como nombre@example.org.
fix-too_long = Es demasiado largo.
fix-forbidden_characters = Contiene caracteres que no se pueden usar.
fix-invalid_postal_code = Este código postal no parece correcto para el país. Revísalo.
fix-invalid_country = Elige un país de la lista.
fix-unknown_field = Esta petición no lo pide.
fix-invalid_signature = No se pudo leer el dibujo. Bórralo y vuelve a dibujar.
fix-consent_missing = Marca la casilla para confirmar que has leído cómo se usan tus datos.

## Errors
error-pack_unavailable = No se pudieron cargar las peticiones.
error-petition_not_found = Esta petición no está en el paquete.
error-unknown = Algo salió mal.
error-not_set_up = Este quiosco aún no está configurado.
error-already_set_up = Este quiosco ya está configurado.
error-weak_pin = El PIN debe tener de 6 a 12 cifras.
error-bad_recipient = Eso no es una clave pública de la organización (empieza por age1).
error-invalid_input = Revisa los campos marcados.
error-storage_full = El almacenamiento de este quiosco está lleno. Avisa a una persona voluntaria. Tu firma no se guardó.
error-storage_error = No se pudo guardar tu firma. Avisa a una persona voluntaria.
error-not_a_vault = Falta el almacén de firmas de este quiosco. Avisa a una persona voluntaria.
error-already_a_vault = Ya hay un almacén de firmas aquí.
error-bad_device_key = La clave de dispositivo de este quiosco está dañada. Avisa a una persona voluntaria.
error-seal_failed = No se pudo sellar tu firma. Avisa a una persona voluntaria.
error-vault_corrupt = El almacén de firmas de este quiosco está dañado. Avisa a una persona voluntaria.
error-wrong_pin = PIN incorrecto.
error-pin_locked_out = Demasiados PIN incorrectos. Vuelve a intentarlo en { $minutes } min.
error-pin_change_required = El PIN de este quiosco es demasiado corto. Elige uno nuevo de 6 a 12 cifras.
error-recipient_mismatch = Este quiosco no puede recoger firmas ahora: su caja fuerte no coincide con la clave de la organización. Pide ayuda a un voluntario.
error-unsent_records = Algunas firmas aún no se han enviado. Guárdalas primero en una memoria USB o confirma que se perderán.
error-forged_answer = Una respuesta que decía venir del servidor de recogida no estaba firmada por él y se ignoró. Alguien en esta red podría estar interfiriendo.
error-operator_only = Primero introduce el PIN de operador.
error-bad_setting = Ese valor no se puede usar.

## Thank you
thanks-heading = ¡Gracias!
thanks-count = { $count ->
    [1] Eres la primera persona en firmar aquí.
    [one] { $count } persona ha firmado aquí.
   *[other] { $count } personas han firmado aquí.
}
thanks-share = Comparte la petición desde tu propio teléfono: escanea este código.
thanks-done = Listo
thanks-returning = { $seconds ->
    [one] Volvemos al inicio en { $seconds } segundo.
   *[other] Volvemos al inicio en { $seconds } segundos.
}

## Still there? (inactivity)
idle-heading = ¿Sigues ahí?
idle-body = { $seconds ->
    [one] Para proteger tu privacidad, todo lo que escribiste se borrará en { $seconds } segundo.
   *[other] Para proteger tu privacidad, todo lo que escribiste se borrará en { $seconds } segundos.
}
idle-stay = Sigo aquí
idle-reset = Empezar de nuevo

## First-run set-up
setup-heading = Configura este quiosco
setup-intro = Las firmas se sellan con la clave pública de la organización en el momento en que se dan. Este quiosco nunca podrá leerlas.
setup-key-help = Pega la clave pública (age1…) creada con «placard keys new», o crea una nueva aquí: su mitad privada va a una memoria USB, nunca a este quiosco.
setup-recipient = Clave pública de la organización (empieza por age1)
setup-pin = PIN de operador (de 6 a 12 cifras)
setup-pin-again = Repite el PIN de operador
setup-pin-mismatch = Los dos PIN no coinciden.
setup-submit = Empezar a recoger firmas

setup-next = Continuar
setup-pack = ¿Qué peticiones debe mostrar este quiosco?
pack-demo = Peticiones de demostración (incluidas)
pack-configured = El paquete configurado de este quiosco
pack-local = Paquete «{ $name }»

setup-new-key = Crear una clave nueva de la organización
newkey-intro = La clave privada se guarda, cifrada con tu frase de contraseña, en una memoria USB u otra carpeta fuera de este quiosco, con una hoja de recuperación para imprimir. Guarda ambas, y la frase, en un lugar seguro: sin ellas nadie podrá leer nunca las firmas.
newkey-folder = Dónde guardarla (una memoria USB)
newkey-passphrase = Frase de contraseña (al menos 12 caracteres)
newkey-passphrase-again = Repite la frase de contraseña
newkey-mismatch = Las dos frases de contraseña no coinciden.
newkey-create = Crear la clave
newkey-done = Clave guardada en { $file }. Imprime la hoja de recuperación que está al lado: { $sheet }
error-weak_passphrase = La frase de contraseña debe tener al menos 12 caracteres.
error-key_on_kiosk = Elige una carpeta fuera de este quiosco, como una memoria USB.
error-key_exists = Esa carpeta ya contiene una clave. Elige otra carpeta.
error-bad_collector_url = Esa no es la dirección de un servidor de recogida. Empieza por https://.
error-collector_unreachable = El servidor de recogida no responde. Comprueba la dirección y la red.
error-enrol_refused = El servidor de recogida no aceptó este código. Revísalo y escríbelo de nuevo; tras tres intentos fallidos, pide uno nuevo a la organización.
error-sync_error = No se pudo iniciar la sincronización.
error-not_enrolled = Este quiosco aún no está registrado en un servidor de recogida.
error-bad_pack = No se pudo traer el paquete de peticiones. Las peticiones de este quiosco no han cambiado.
error-wrong_passphrase = Frase de contraseña incorrecta.
error-bad_identity = Ese archivo no es una clave de la organización.
error-bad_token = Action Network rechazó la clave de la API.
error-action_network_unreachable = Action Network no responde. Comprueba la red.
error-send_failed = El envío falló.

## Operator
pin-heading = PIN de operador
pin-submit = Abrir el panel
pin-new-heading = PIN de operador nuevo (de 6 a 12 cifras)
pin-new-again = Repite el PIN nuevo
pin-new-submit = Guardar el PIN nuevo
pin-clear = Borrar
pin-cancel = Cancelar
operator-heading = Panel de operador
operator-totals = { $total ->
    [one] { $total } firma en este quiosco, { $pending } pendientes de envío.
   *[other] { $total } firmas en este quiosco, { $pending } pendientes de envío.
}
operator-chart = Firmas por hora
operator-petitions = Peticiones en la pantalla de inicio
operator-petitions-help = Si no marcas ninguna, todas las peticiones publicadas se turnan.
operator-petition-count = { $count ->
    [one] { $count } firma
   *[other] { $count } firmas
}
operator-rotate = Segundos por petición
operator-event = Nombre del evento
operator-tags = Etiquetas, separadas por comas
operator-source = Código de origen (para la lista; vacío: el nombre del evento)
operator-lock = Bloqueo del quiosco: pantalla completa, no se puede cerrar
operator-thanks-seconds = Segundos en la pantalla de agradecimiento
operator-idle-seconds = Segundos antes de «¿Sigues ahí?»
operator-countdown-seconds = Segundos de cuenta atrás
operator-retention = Horas que una firma confirmada se queda en el quiosco (0: se borra enseguida)
operator-recipient = Sellado con la clave de la organización
operator-save = Guardar
operator-saved = Guardado.
operator-sync = Sincronización
operator-sync-none = Aún no hay ningún recolector configurado. Las firmas siguen selladas en este quiosco hasta que lo haya.
operator-sync-enrol-help = Pide a la organización la dirección del servidor de recogida y un código corto de emparejamiento (como 417-K7MQ-P2XD). El código en sí nunca se envía.
operator-sync-collector = Dirección del servidor de recogida
operator-sync-code = Código de registro
operator-sync-enrol = Registrar este quiosco
operator-sync-to = Enviando a { $collector }
operator-sync-status = { $pending } en espera, { $sent } enviadas desde el arranque
operator-sync-sending = Enviando…
operator-sync-waiting = En espera de envío
operator-sync-last-success = Último envío: { $time }
operator-sync-never = Aún no se ha enviado nada.
operator-sync-last-error = Último problema: { $error }
operator-sync-clock-behind = El reloj de este quiosco va { $minutes } min por detrás del servidor de recogida. La sincronización lo compensa; pon el reloj en hora cuando puedas.
operator-sync-clock-ahead = El reloj de este quiosco va { $minutes } min por delante del servidor de recogida. La sincronización lo compensa; pon el reloj en hora cuando puedas.
operator-sync-now = Sincronizar ahora
operator-packs-heading = Paquetes de peticiones
operator-packs-look = Buscar paquetes de peticiones en el servidor de recogida
operator-packs-none = El servidor de recogida no ofrece paquetes de peticiones.
operator-packs-take = Traer { $name }
operator-packs-taken = El paquete { $name } ya está en este quiosco. Elígelo en «Paquete de peticiones» y guarda.
send-heading = Enviar a Action Network
send-help = Para un quiosco sin servidor de recogida. La clave de la organización abre las firmas solo para este envío; no se guarda.
send-key-file = Archivo de la clave de la organización
send-passphrase = Frase de contraseña
send-token = Clave de la API de Action Network
send-start = Enviar
send-cancel = Detener
send-running = Enviando…
send-summary = { $sent } enviadas, { $failed } fallidas, { $skipped } enviadas antes.
send-deferred = { $count } esperan a un envío posterior.
send-cancelled = Detenido. Lo enviado sigue enviado.
send-retry = Reintentar las fallidas
send-failed-before = { $count } fallaron en un envío anterior: «Reintentar las fallidas» las vuelve a enviar.
send-outcomes = Cada firma, según se envía
send-outcome-sent = Enviada
send-outcome-failed = Falló
send-outcome-skipped = Ya enviada
send-outcome-deferred = Espera el próximo envío
operator-pack = Paquete de peticiones
operator-pack-failed = { $count ->
    [one] { $count } archivo no se pudo cargar:
   *[other] { $count } archivos no se pudieron cargar:
}
operator-close = Cerrar el panel
operator-exit = Salir de Placard
operator-exit-confirm = ¿Salir de Placard ahora? El quiosco dejará de recoger firmas.
operator-exit-yes = Salir
save-heading = Guardar una copia sellada
save-help = Todas las firmas, aún selladas, en un archivo nuevo en una memoria USB: para que el servidor de recogida las importe, o para guardarlas antes de borrar este quiosco. No hace falta ninguna clave.
save-folder = Carpeta (una memoria USB)
save-start = Guardar
save-done = Se guardaron { $count } firmas selladas en { $file }.
wipe-heading = Borrar este quiosco
wipe-help = Al final de un evento: todas las firmas se borran de este quiosco y Placard se cierra. Los ajustes y el PIN se mantienen.
wipe-unsent = { $count } firmas aún no se han enviado. Guarda primero una copia sellada arriba; o, para perderlas, escribe { $count } aquí.
wipe-lost = Firmas que se perderán
wipe-start = Borrar este quiosco
wipe-confirm = ¿Borrar ahora? No se puede deshacer.
wipe-yes = Borrar
wipe-done = { $count } firmas borradas. Placard se cierra ahora.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Teclado en pantalla
keyboard-shift = Mayúsculas
keyboard-caps = Bloqueo de mayúsculas (toca para desactivar)
keyboard-backspace = Borrar
keyboard-space = espacio
keyboard-numbers = Números
keyboard-letters = Letras
keyboard-next = Siguiente
keyboard-done = Listo
operator-touchscreen = Quiosco táctil: mostrar el teclado en pantalla en cada campo (no solo al tocar un campo)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Hojas en papel
operator-paper-help = Escribe las firmas recogidas en papel: el mismo formulario y las mismas comprobaciones, sin pantalla de agradecimiento entre hojas. Intro pasa al campo siguiente. Marca la casilla de novedades solo si estaba marcada en la hoja.
operator-paper-petition = Petición
operator-paper-start = Empezar a escribir hojas
paper-heading = Modo carpeta: escribiendo hojas en papel
paper-form-heading = Hoja siguiente
paper-count = { $count ->
    [0] Aún no se ha escrito ninguna hoja.
    [one] 1 hoja escrita y sellada.
   *[other] { $count } hojas escritas y selladas.
}
paper-leave = Salir y bloquear el quiosco
paper-submit = Sellar esta hoja
