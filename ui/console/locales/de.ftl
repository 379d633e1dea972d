# Die Konsole der Organisator*innen (placard-collector serve --console).
console-title = Placard-Konsole
language = Sprache
sign-out = Abmelden
nav-label = Seiten der Konsole
nav-overview = Überblick
nav-kiosks = Kiosks
nav-send = Entsperren und senden
nav-signers = Aufbewahrung und Löschung
nav-audit = Protokoll
cancel = Abbrechen

signed-out-title = Sie sind nicht angemeldet
signed-out-expired = Ihre Sitzung ist abgelaufen
signed-out-how = Erzeugen Sie auf dem Computer, auf dem der Sammelserver läuft, einen neuen Anmeldelink und öffnen Sie ihn in diesem Browser:
signed-out-why = Ein Link funktioniert einmal, 15 Minuten lang. Sitzungen enden, wenn sie eine Weile nicht genutzt werden.

error-unknown = Etwas ist schiefgelaufen. Versuchen Sie es noch einmal; passiert es wieder, sehen Sie ins Log des Sammelservers.
error-no_session = Sie sind nicht angemeldet.
error-session_expired = Ihre Sitzung ist abgelaufen: Melden Sie sich mit einem neuen Link an.
error-cross_site = Abgelehnt: Die Anfrage kam nicht von der Seite dieser Konsole.
error-bad_link = Dieser Anmeldelink wurde schon benutzt oder ist abgelaufen. Erzeugen Sie einen neuen.
error-too_many_attempts = Zu viele Anmeldungen mit ungültigem Link. Warten Sie eine Minute.
error-storage_error = Die Datenbank des Sammelservers hat nicht geantwortet. Nichts wurde geändert.
error-bad_name = Der Name eines Kiosks hat 1 bis 80 Zeichen.
error-no_device = Kein Kiosk mit dieser Kennung ist angemeldet.
error-locked = Entsperren Sie zuerst den Schlüssel der Organisation.
error-bad_email = Geben Sie eine E-Mail-Adresse wie name@example.org ein.
error-wrong_passphrase = Diese Passphrase öffnet den Schlüssel der Organisation nicht.
error-wrong_key = Dieser Schlüssel öffnet die hier gespeicherten Einträge nicht: Es ist nicht der Schlüssel der Organisation.
error-no_identity = Der Sammelserver wurde ohne die Schlüsseldatei der Organisation gestartet und kann nicht entsperren.
error-bad_identity = Die Schlüsseldatei der Organisation konnte nicht gelesen werden.
error-internal = Der Sammelserver konnte das nicht abschließen: Sehen Sie in sein Log.
error-no_destination = Der Sammelserver wurde ohne Ziel zum Senden gestartet.
error-already_running = Es wird bereits gesendet.
error-not_running = Gerade wird nichts gesendet.

overview-live = Live: Die Zahlen ändern sich, wenn Kiosks synchronisieren.
overview-connecting = Verbinde…
overview-totals = Summen
overview-records = Unterschriften empfangen
overview-held = jetzt hier gespeichert
overview-batches = Pakete von Kiosks
overview-relay-waiting = warten auf die Weitergabe an { $to }
overview-per-hour = Unterschriften pro Stunde
overview-chart-label = { $count ->
    [one] Unterschriften pro Stunde in den letzten 24 Stunden: eine insgesamt.
   *[other] Unterschriften pro Stunde in den letzten 24 Stunden: { $count } insgesamt.
}
overview-chart-table = Dieselben Zahlen als Tabelle
overview-per-petition = Pro Petition
overview-per-kiosk = Pro Kiosk
overview-none-yet = Noch keine.
col-hour = Stunde
col-signatures = Unterschriften
col-petition = Petition
col-kiosk = Kiosk
col-enrolled = Angemeldet
col-last-seen = Zuletzt gesehen
col-waiting = Wartend
col-clock = Uhr
col-version = Version
col-state = Status
col-actions = Aktionen
col-time = Zeit
col-outcome = Ergebnis
col-action = Aktion
col-result = Ergebnis
col-detail = Einzelheiten
col-deleted-on = Gelöscht am

kiosks-add = Einen Kiosk hinzufügen
kiosks-name = Name des Kiosks (zum Beispiel „Vorderer Tisch“)
kiosks-make-code = Kopplungscode erzeugen
kiosks-code-for = Kopplungscode für { $name }:
kiosks-code-how = { $hours ->
    [one] Am Kiosk: Betreuungsbereich → Synchronisierung → diesen Code eingeben. Er funktioniert einmal, innerhalb einer Stunde.
   *[other] Am Kiosk: Betreuungsbereich → Synchronisierung → diesen Code eingeben. Er funktioniert einmal, innerhalb von { $hours } Stunden.
}
kiosks-enrolled = Angemeldete Kiosks
kiosks-none = Noch ist kein Kiosk angemeldet.
kiosks-clock-ok = pünktlich
kiosks-clock-behind = { $minutes } Min. nach
kiosks-clock-ahead = { $minutes } Min. vor
kiosks-reported = Wartend, Uhr und Version sind so, wie jeder Kiosk sie beim letzten Synchronisieren gemeldet hat.
kiosks-never = noch nicht
kiosks-active = Aktiv
kiosks-revoked-at = Gesperrt { $when }
kiosks-revoke = { $name } sperren
kiosks-revoke-title = { $name } sperren?
kiosks-revoke-warning = Der Sammelserver lehnt ab jetzt alles ab, was dieser Kiosk sendet; das lässt sich nicht rückgängig machen. Unterschriften, die er noch nicht gesendet hat, bleiben versiegelt auf ihm. Tun Sie das, wenn ein Kiosk verloren oder gestohlen ist.
kiosks-revoke-confirm = Ja, sperren

key-title = Der Schlüssel der Organisation
key-no-file = Der Sammelserver wurde ohne die Schlüsseldatei der Organisation gestartet (serve --identity) und kann hier keine Einträge öffnen.
key-unlocked = Entsperrt.
key-locks-in = Er sperrt sich in { $time } selbst, wenn er nicht benutzt wird.
key-lock-now = Jetzt sperren
key-locked = Gesperrt: Einträge können hier nicht geöffnet werden.
key-passphrase = Passphrase
key-unlock = Entsperren
key-stays = Der Schlüssel wird im Sammelserver geöffnet und bleibt dort; diese Seite hält ihn nie.
send-title = Weitersenden
send-none = Der Sammelserver wurde ohne Ziel zum Senden gestartet (serve --action-network-token-file oder --webhook-url).
send-to-action_network = An Action Network senden
send-to-webhook = An den Webhook senden
send-needs-key = Entsperren Sie zuerst den Schlüssel.
send-progress-action_network = Senden an Action Network
send-progress-webhook = Senden an den Webhook
send-running = Senden: { $done } von { $total }.
send-stopped = Angehalten nach { $done } von { $total }. Der nächste Lauf macht dort weiter.
send-failed = Der Lauf endete mit einem Fehler; was erledigt ist, bleibt erledigt.
send-finished = Fertig: { $sent } gesendet, { $failed } fehlgeschlagen, { $skipped } schon vorhanden, { $deferred } für später.
send-stop = Anhalten
send-outcomes = { $count ->
    [one] Das Ergebnis eines Eintrags (nichts von der unterschreibenden Person wird gezeigt)
   *[other] Die Ergebnisse der letzten { $count } Einträge (nichts von den Unterschreibenden wird gezeigt)
}
outcome-sent = Gesendet
outcome-failed = Fehlgeschlagen
outcome-skipped = Schon vorhanden
outcome-deferred = Für später
export-title = Export
export-warning = Die Datei enthält Name, E-Mail-Adresse und Zustimmungen aller Unterschreibenden im Klartext. Bewahren Sie sie auf einer verschlüsselten Platte auf, geben Sie sie niemandem, der sie nicht braucht, und löschen Sie sie nach dem Import.
export-format = Format
export-csv = CSV (für den Import bei Action Network oder eine Tabelle)
export-jsonl = JSON Lines (alle Felder)
export-download = Export herunterladen
export-saved = Gespeichert als { $file }.

retention-title = Wie lange Einträge aufbewahrt werden
retention-off = Keine Aufbewahrungsfrist gesetzt: Einträge bleiben, bis sie von Hand gelöscht werden (serve --retain-days setzt eine).
retention-rule = Einträge werden { $days } Tage, nachdem sie jedes Ziel erreicht haben ({ $destinations }), oder nach einem Export gelöscht.
retention-export-only = nur Exporte
destination-action_network = Action Network
destination-webhook = der Webhook
retention-held = { $held } Einträge hier gespeichert; { $waiting } davon warten noch auf Senden oder Export, bevor ihre Frist beginnt.
retention-schedule = Was wann gelöscht wird
retention-nothing-due = Noch ist nichts zur Löschung fällig.
forget-title = Eine unterschreibende Person vergessen
forget-what = Löscht jeden Eintrag der Person mit dieser E-Mail-Adresse, hier und aus allem, was Kiosks erneut senden. Nur ein gesalzener Hash der Adresse bleibt, als Nachweis.
forget-email = E-Mail-Adresse der Person
forget-button = Diese Person vergessen
forget-needs-key = Entsperren Sie zuerst den Schlüssel: Der Sammelserver öffnet die Einträge, um die der Person zu finden.
forget-confirm-title = { $email } vergessen?
forget-confirm-warning = Die Einträge werden endgültig gelöscht; das lässt sich nicht rückgängig machen.
forget-confirm = Ja, vergessen
forget-done = { $count ->
    [0] Hier war kein Eintrag mit dieser Adresse gespeichert.
    [one] Ein Eintrag wurde gelöscht.
   *[other] { $count } Einträge wurden gelöscht.
}

audit-sign-in = Anmeldung
audit-sign-out = Abmeldung
audit-unlock = Entsperren
audit-lock = Sperren
audit-add-kiosk = Kiosk hinzufügen
audit-revoke = Kiosk sperren
audit-forget = Person vergessen
audit-export = Export
audit-send = Weitersenden
result-ok = Erledigt
result-refused = Abgelehnt
result-failed = Fehlgeschlagen
result-stopped = Angehalten

# Petitions and packs
nav-packs = Petitionen und Pakete
packs-no-folder = Der Sammelserver wurde ohne Paketordner gestartet (serve --packs DIR), daher holen Kiosks keine Pakete von ihm.
packs-add = Ein Paket hinzufügen
packs-add-how = Ein Paket als Zip oder als Ordner. Es wird geprüft wie am Kiosk; eines, das nicht lädt, wird nicht übernommen, und ein gleichnamiges Paket wird nur durch eines ersetzt, das lädt.
packs-name = Sein Name (Buchstaben, Ziffern, - und _)
packs-zip = Eine Zip-Datei
packs-folder = oder ein Ordner
packs-upload = Prüfen und hinzufügen
packs-added = { $count ->
    [one] { $name } wurde hinzugefügt, mit einer Petition.
   *[other] { $name } wurde hinzugefügt, mit { $count } Petitionen.
}
packs-pack = Paket { $name }
packs-summary = { $petitions } Petitionen laden; { $failures } Dateien nicht; { $skipped } sind keine Seiten.
packs-failures = Dateien, die nicht laden
col-languages = Übersetzungen
col-warnings = Hinweise
packs-unpublished = nicht veröffentlicht
packs-preview = Vorschau: { $title }
packs-preview-of = Vorschau von { $title }
packs-preview-note = So, wie der Kiosk sie zeigt: derselbe Text, dieselben Bilder, Links werden nicht geöffnet.
packs-sign = Petition unterschreiben
packs-close-preview = Vorschau schließen
error-no_packs_folder = Der Sammelserver wurde ohne Paketordner gestartet (serve --packs DIR).
error-no_pack = Es gibt kein Paket mit diesem Namen.
error-no_petition = Im Paket gibt es keine Petition mit dieser Kennung.
error-bad_pack_name = Der Name eines Pakets besteht aus Buchstaben, Ziffern, „.“, „_“ und „-“ und beginnt nicht mit „.“.
error-not_a_zip = Das ist keine Zip-Datei.
error-unsafe_pack = Das Zip enthält einen Eintrag, der außerhalb des Pakets landen könnte. Nichts wurde übernommen.
error-pack_too_large = Das Paket ist zu groß. Nichts wurde übernommen.
error-pack_does_not_load = Das Paket lädt nicht. Nichts wurde übernommen.
error-no_petitions = Das Paket enthält keine Petition, die lädt. Nichts wurde übernommen.
audit-add-pack = Paket hinzufügen
