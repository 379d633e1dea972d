languages-label = Sprache
loading = Wird geladen …

## Start (attract) screen
attract-sign = Petition unterschreiben
attract-read = Petition lesen
attract-count = { $count ->
    [0] Unterschreiben Sie hier als Erste*r.
    [one] { $count } Person hat hier unterschrieben.
   *[other] { $count } Menschen haben hier unterschrieben.
}
attract-goal = { $count } von { $goal } Unterschriften
attract-goal-label = Fortschritt zum Ziel
attract-next = Nächste Petition
attract-operator = Betreuung
attract-none = Gerade wird keine Petition gezeigt. Bitte fragen Sie eine*n Freiwillige*n.

## Petition page
back-to-start = Zurück zum Anfang
petition-draft = Nicht veröffentlicht
sign-default = Petition unterschreiben

## Signing form
form-heading = Ihr Name zählt
form-email-suggestion = Meinten Sie { $email }? Zum Übernehmen tippen.
required-note = * Pflichtfeld
field-given_name = Vorname
field-family_name = Nachname
field-email = E-Mail
field-postal_code = Postleitzahl
field-street_address = Straße und Hausnummer
field-city = Ort
field-country = Land
field-comment = Kommentar
field-subscribe = Haltet mich über diese und andere Kampagnen auf dem Laufenden
field-consent = Ich habe gelesen, wie meine Daten verwendet werden, und bin einverstanden
privacy-heading = Wie wir Ihre Daten verwenden
field-signature = Ihre Unterschrift (freiwillig)
signature-hint = Mit dem Finger oder der Maus zeichnen.
signature-clear = Unterschrift löschen
form-cancel = Zurück
form-submit-default = Petition unterschreiben
form-saving = Wird gespeichert …
fix-required = Dieses Feld ist ein Pflichtfeld.
fix-invalid_email = Bitte geben Sie eine E-Mail-Adresse wie name@example.org ein.
fix-too_long = Das ist zu lang.
fix-forbidden_characters = Das enthält Zeichen, die nicht verwendet werden können.
fix-invalid_postal_code = Diese Postleitzahl passt nicht zum Land. Bitte prüfen Sie sie.
fix-invalid_country = Bitte wählen Sie ein Land aus der Liste.
fix-unknown_field = Diese Petition fragt nicht danach.
fix-invalid_signature = Die Zeichnung war nicht lesbar. Bitte löschen und neu zeichnen.
fix-consent_missing = Bitte kreuzen Sie das Kästchen an, um zu bestätigen, dass Sie gelesen haben, wie Ihre Daten verwendet werden.

## Errors
error-pack_unavailable = Die Petitionen konnten nicht geladen werden.
error-petition_not_found = Diese Petition ist nicht im Paket.
error-unknown = Etwas ist schiefgelaufen.
error-not_set_up = Dieser Kiosk ist noch nicht eingerichtet.
error-already_set_up = Dieser Kiosk ist bereits eingerichtet.
error-weak_pin = Die PIN muss 6 bis 12 Ziffern haben.
error-bad_recipient = Das ist kein öffentlicher Schlüssel der Organisation (er beginnt mit age1).
error-invalid_input = Bitte prüfen Sie die markierten Felder.
error-storage_full = Der Speicher dieses Kiosks ist voll. Bitte sagen Sie einer*m Freiwilligen Bescheid. Ihre Unterschrift wurde nicht gespeichert.
error-storage_error = Ihre Unterschrift konnte nicht gespeichert werden. Bitte sagen Sie einer*m Freiwilligen Bescheid.
error-not_a_vault = Der Unterschriftenspeicher dieses Kiosks fehlt. Bitte sagen Sie einer*m Freiwilligen Bescheid.
error-already_a_vault = Hier gibt es schon einen Unterschriftenspeicher.
error-bad_device_key = Der Geräteschlüssel dieses Kiosks ist beschädigt. Bitte sagen Sie einer*m Freiwilligen Bescheid.
error-seal_failed = Ihre Unterschrift konnte nicht versiegelt werden. Bitte sagen Sie einer*m Freiwilligen Bescheid.
error-vault_corrupt = Der Unterschriftenspeicher dieses Kiosks ist beschädigt. Bitte sagen Sie einer*m Freiwilligen Bescheid.
error-wrong_pin = Falsche PIN.
error-pin_locked_out = Zu viele falsche PINs. Erneut versuchen in { $minutes } Min.
error-pin_change_required = Die PIN dieses Kiosks ist zu kurz. Wählen Sie eine neue mit 6 bis 12 Ziffern.
error-recipient_mismatch = Dieser Kiosk kann gerade keine Unterschriften annehmen: Sein Tresor passt nicht zum Schlüssel der Organisation. Bitte fragen Sie eine betreuende Person.
error-unsent_records = Einige Unterschriften wurden noch nicht gesendet. Sichern Sie sie zuerst auf einem USB-Stick oder bestätigen Sie, dass sie verloren gehen.
error-forged_answer = Eine Antwort, die angeblich vom Sammelserver kam, war nicht von ihm signiert und wurde ignoriert. Jemand in diesem Netz könnte eingreifen.
error-operator_only = Bitte zuerst die Betreuungs-PIN eingeben.
error-bad_setting = Diese Einstellung ist nicht möglich.

## Thank you
thanks-heading = Danke!
thanks-count = { $count ->
    [1] Sie haben hier als Erste*r unterschrieben.
    [one] { $count } Person hat hier unterschrieben.
   *[other] { $count } Menschen haben hier unterschrieben.
}
thanks-share = Teilen Sie die Petition mit Ihrem eigenen Handy: Scannen Sie diesen Code.
thanks-done = Fertig
thanks-returning = { $seconds ->
    [one] Zurück zum Anfang in { $seconds } Sekunde.
   *[other] Zurück zum Anfang in { $seconds } Sekunden.
}

## Still there? (inactivity)
idle-heading = Noch da?
idle-body = { $seconds ->
    [one] Zum Schutz Ihrer Privatsphäre wird alles, was Sie eingegeben haben, in { $seconds } Sekunde gelöscht.
   *[other] Zum Schutz Ihrer Privatsphäre wird alles, was Sie eingegeben haben, in { $seconds } Sekunden gelöscht.
}
idle-stay = Ich bin noch da
idle-reset = Neu beginnen

## First-run set-up
setup-heading = Diesen Kiosk einrichten
setup-intro = Unterschriften werden im Moment der Abgabe mit dem öffentlichen Schlüssel der Organisation versiegelt. Dieser Kiosk kann sie niemals lesen.
setup-key-help = Fügen Sie den öffentlichen Schlüssel (age1…) aus „placard keys new“ ein oder erstellen Sie hier einen neuen: Seine private Hälfte kommt auf einen USB-Stick, nie auf diesen Kiosk.
setup-recipient = Öffentlicher Schlüssel der Organisation (beginnt mit age1)
setup-pin = Betreuungs-PIN (6 bis 12 Ziffern)
setup-pin-again = Betreuungs-PIN wiederholen
setup-pin-mismatch = Die beiden PINs sind verschieden.
setup-submit = Unterschriften sammeln

setup-next = Weiter
setup-pack = Welche Petitionen soll dieser Kiosk zeigen?
pack-demo = Demo-Petitionen (eingebaut)
pack-configured = Das eingestellte Paket dieses Kiosks
pack-local = Paket „{ $name }“

setup-new-key = Einen neuen Schlüssel erstellen
newkey-intro = Der private Schlüssel wird, mit Ihrer Passphrase verschlüsselt, auf einem USB-Stick oder in einem anderen Ordner außerhalb dieses Kiosks gespeichert, dazu ein Wiederherstellungsblatt zum Ausdrucken. Bewahren Sie beides und die Passphrase sicher auf: Ohne sie kann niemand die Unterschriften je lesen.
newkey-folder = Speicherort (ein USB-Stick)
newkey-passphrase = Passphrase (mindestens 12 Zeichen)
newkey-passphrase-again = Passphrase wiederholen
newkey-mismatch = Die beiden Passphrasen sind verschieden.
newkey-create = Schlüssel erstellen
newkey-done = Schlüssel gespeichert unter { $file }. Drucken Sie das Wiederherstellungsblatt daneben aus: { $sheet }
error-weak_passphrase = Die Passphrase muss mindestens 12 Zeichen haben.
error-key_on_kiosk = Wählen Sie einen Ordner außerhalb dieses Kiosks, etwa einen USB-Stick.
error-key_exists = In diesem Ordner liegt schon ein Schlüssel. Wählen Sie einen anderen Ordner.
error-bad_collector_url = Das ist keine Adresse eines Sammelservers. Sie beginnt mit https://.
error-collector_unreachable = Der Sammelserver antwortet nicht. Prüfe die Adresse und das Netz.
error-enrol_refused = Der Sammelserver hat diesen Code nicht angenommen. Prüf ihn und tipp ihn noch einmal; nach drei falschen Versuchen frag die Organisation nach einem neuen.
error-sync_error = Die Synchronisierung konnte nicht starten.
error-not_enrolled = Dieser Kiosk ist noch bei keinem Sammelserver angemeldet.
error-bad_pack = Das Petitionspaket konnte nicht übernommen werden. Die Petitionen auf diesem Kiosk sind unverändert.
error-wrong_passphrase = Falsche Passphrase.
error-bad_identity = Diese Datei ist kein Schlüssel der Organisation.
error-bad_token = Action Network hat den API-Schlüssel abgelehnt.
error-action_network_unreachable = Action Network antwortet nicht. Prüfe das Netz.
error-send_failed = Das Senden ist fehlgeschlagen.

## Operator
pin-heading = Betreuungs-PIN
pin-submit = Bereich öffnen
pin-new-heading = Neue Betreuungs-PIN (6 bis 12 Ziffern)
pin-new-again = Neue PIN wiederholen
pin-new-submit = Neue PIN speichern
pin-clear = Löschen
pin-cancel = Abbrechen
operator-heading = Betreuungsbereich
operator-totals = { $total ->
    [one] { $total } Unterschrift auf diesem Kiosk, { $pending } warten auf die Übertragung.
   *[other] { $total } Unterschriften auf diesem Kiosk, { $pending } warten auf die Übertragung.
}
operator-chart = Unterschriften pro Stunde
operator-petitions = Petitionen auf dem Startbildschirm
operator-petitions-help = Ist keine angekreuzt, kommen alle veröffentlichten Petitionen abwechselnd dran.
operator-petition-count = { $count ->
    [one] { $count } Unterschrift
   *[other] { $count } Unterschriften
}
operator-rotate = Sekunden pro Petition
operator-event = Name der Veranstaltung
operator-tags = Schlagwörter, durch Kommas getrennt
operator-source = Quellcode (für die Liste; leer: der Name der Veranstaltung)
operator-lock = Kiosk-Sperre: Vollbild, lässt sich nicht schließen
operator-thanks-seconds = Sekunden auf dem Dankesbildschirm
operator-idle-seconds = Sekunden bis „Noch da?“
operator-countdown-seconds = Sekunden Countdown
operator-retention = Stunden, die eine bestätigte Unterschrift am Kiosk bleibt (0: sofort gelöscht)
operator-recipient = Versiegelt für den Schlüssel der Organisation
operator-save = Speichern
operator-saved = Gespeichert.
operator-sync = Synchronisierung
operator-sync-none = Noch ist kein Sammelserver eingerichtet. Die Unterschriften bleiben bis dahin versiegelt auf diesem Kiosk.
operator-sync-enrol-help = Frag die Organisation nach der Adresse des Sammelservers und einem kurzen Kopplungscode (etwa 417-K7MQ-P2XD). Der Code selbst wird nie übertragen.
operator-sync-collector = Adresse des Sammelservers
operator-sync-code = Anmeldecode
operator-sync-enrol = Diesen Kiosk anmelden
operator-sync-to = Sendet an { $collector }
operator-sync-status = { $pending } warten, { $sent } seit dem Start gesendet
operator-sync-sending = Wird gesendet…
operator-sync-waiting = Wartet auf das Senden
operator-sync-last-success = Zuletzt gesendet: { $time }
operator-sync-never = Noch nichts gesendet.
operator-sync-last-error = Letztes Problem: { $error }
operator-sync-clock-behind = Die Uhr dieses Kiosks geht { $minutes } Min. nach gegenüber dem Sammelserver. Die Synchronisierung gleicht das aus; stellen Sie die Uhr bei Gelegenheit richtig.
operator-sync-clock-ahead = Die Uhr dieses Kiosks geht { $minutes } Min. vor gegenüber dem Sammelserver. Die Synchronisierung gleicht das aus; stellen Sie die Uhr bei Gelegenheit richtig.
operator-sync-now = Jetzt synchronisieren
operator-packs-heading = Petitionspakete
operator-packs-look = Nach Petitionspaketen auf dem Sammelserver suchen
operator-packs-none = Der Sammelserver bietet keine Petitionspakete an.
operator-packs-take = { $name } übernehmen
operator-packs-taken = Das Paket { $name } ist jetzt auf diesem Kiosk. Wähle es unter „Petitionspaket“ und speichere.
send-heading = An Action Network senden
send-help = Für einen Kiosk ohne Sammelserver. Der Schlüssel der Organisation öffnet die Unterschriften nur für diesen Lauf; er wird nicht gespeichert.
send-key-file = Schlüsseldatei der Organisation
send-passphrase = Passphrase
send-token = Action-Network-API-Schlüssel
send-start = Senden
send-cancel = Anhalten
send-running = Wird gesendet…
send-summary = { $sent } gesendet, { $failed } fehlgeschlagen, { $skipped } schon früher gesendet.
send-deferred = { $count } warten auf einen späteren Lauf.
send-cancelled = Angehalten. Was gesendet ist, bleibt gesendet.
send-retry = Fehlgeschlagene erneut senden
send-failed-before = { $count } sind in einem früheren Lauf fehlgeschlagen: „Fehlgeschlagene erneut senden“ sendet sie noch einmal.
send-outcomes = Jede Unterschrift, wie sie ging
send-outcome-sent = Gesendet
send-outcome-failed = Fehlgeschlagen
send-outcome-skipped = Schon früher gesendet
send-outcome-deferred = Wartet auf den nächsten Lauf
operator-pack = Petitionspaket
operator-pack-failed = { $count ->
    [one] { $count } Datei konnte nicht geladen werden:
   *[other] { $count } Dateien konnten nicht geladen werden:
}
operator-close = Bereich schließen
operator-exit = Placard beenden
operator-exit-confirm = Placard jetzt beenden? Der Kiosk sammelt dann keine Unterschriften mehr.
operator-exit-yes = Beenden
save-heading = Versiegelte Kopie sichern
save-help = Alle Unterschriften, weiter versiegelt, in eine neue Datei auf einem USB-Stick: zum Import am Sammelserver oder zum Aufbewahren, bevor dieser Kiosk geleert wird. Kein Schlüssel nötig.
save-folder = Ordner (ein USB-Stick)
save-start = Sichern
save-done = { $count } Unterschriften versiegelt gesichert in { $file }.
wipe-heading = Diesen Kiosk leeren
wipe-help = Am Ende einer Veranstaltung: Alle Unterschriften werden von diesem Kiosk gelöscht, dann schließt Placard. Einstellungen und PIN bleiben.
wipe-unsent = { $count } Unterschriften wurden noch nicht gesendet. Sichern Sie zuerst oben eine versiegelte Kopie – oder tippen Sie hier { $count }, um sie zu verlieren.
wipe-lost = Zu verlierende Unterschriften
wipe-start = Diesen Kiosk leeren
wipe-confirm = Jetzt leeren? Das lässt sich nicht rückgängig machen.
wipe-yes = Leeren
wipe-done = { $count } Unterschriften gelöscht. Placard schließt jetzt.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Bildschirmtastatur
keyboard-shift = Umschalt
keyboard-caps = Feststelltaste (tippen zum Ausschalten)
keyboard-backspace = Löschen
keyboard-space = Leerzeichen
keyboard-numbers = Ziffern
keyboard-letters = Buchstaben
keyboard-next = Weiter
keyboard-done = Fertig
operator-touchscreen = Touchscreen-Kiosk: Bildschirmtastatur bei jedem Feld zeigen (nicht nur, wenn ein Feld berührt wird)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Papierlisten
operator-paper-help = Auf Papier gesammelte Unterschriften eintippen: dasselbe Formular mit denselben Prüfungen, ohne Dankesseite zwischen den Blättern. Enter springt zum nächsten Feld. Das Kästchen für Neuigkeiten nur ankreuzen, wenn es auf dem Blatt angekreuzt war.
operator-paper-petition = Petition
operator-paper-start = Papierlisten eintippen
paper-heading = Klemmbrett-Modus: Papierlisten eintippen
paper-form-heading = Nächstes Blatt
paper-count = { $count ->
    [0] Noch keine Blätter eingetippt.
    [one] 1 Blatt eingetippt und versiegelt.
   *[other] { $count } Blätter eingetippt und versiegelt.
}
paper-leave = Verlassen und Kiosk sperren
paper-submit = Blatt versiegeln
