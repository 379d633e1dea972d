# De konsole foar organisatoaren (placard-collector serve --console).
console-title = Placard-konsole
language = Taal
sign-out = Ofmelde
nav-label = Siden fan de konsole
nav-overview = Oersjoch
nav-kiosks = Kiosken
nav-send = Ûntskoattelje en ferstjoere
nav-signers = Bewarje en wiskje
nav-audit = Logboek
cancel = Annulearje

signed-out-title = Jo binne net oanmeld
signed-out-expired = Jo sesje is ôfrûn
signed-out-how = Meitsje op de kompjûter dêr't de sammeltsjinner op draait in nije oanmeldkeppeling en iepenje dy yn dizze browser:
signed-out-why = In keppeling wurket ien kear, 15 minuten lang. Sesjes stopje nei in skoft sûnder gebrûk.

error-unknown = Der gie wat mis. Besykje it nochris; bart it wer, sjoch dan yn it logboek fan de sammeltsjinner.
error-no_session = Jo binne net oanmeld.
error-session_expired = Jo sesje is ôfrûn: meld jo opnij oan mei in nije keppeling.
error-cross_site = Wegere: it fersyk kaam net fan de side fan dizze konsole.
error-bad_link = Dizze oanmeldkeppeling is al brûkt of ferrûn. Meitsje in nije.
error-too_many_attempts = Tefolle oanmeldingen mei in ûnjildige keppeling. Wachtsje in minút.
error-storage_error = De databank fan de sammeltsjinner joech gjin antwurd. Der is neat feroare.
error-bad_name = De namme fan in kiosk hat 1 oant 80 tekens.
error-no_device = Der is gjin kiosk mei dy id oanmeld.
error-locked = Untskoattel earst de kaai fan de organisaasje.
error-bad_email = Typ in e-mailadres lykas namme@example.org.
error-wrong_passphrase = Dy wachtwurdsin iepenet de kaai fan de organisaasje net.
error-wrong_key = Dizze kaai iepenet de gegevens hjir net: it is net de kaai fan de organisaasje.
error-no_identity = De sammeltsjinner is begûn sûnder it kaaibestân fan de organisaasje en kin dus net ûntskoattelje.
error-bad_identity = It kaaibestân fan de organisaasje koe net lêzen wurde.
error-internal = De sammeltsjinner koe dit net ôfmeitsje: sjoch yn syn logboek.
error-no_destination = De sammeltsjinner is begûn sûnder bestimming om nei te ferstjoeren.
error-already_running = Der wurdt al ferstjoerd.
error-not_running = Der wurdt neat ferstjoerd.

overview-live = Live: de sifers feroarje as kiosken syngronisearje.
overview-connecting = Ferbine…
overview-totals = Totalen
overview-records = hantekeningen ûntfongen
overview-held = no hjir bewarre
overview-batches = pakketten fan kiosken
overview-relay-waiting = wachtsje om trochstjoerd te wurden nei { $to }
overview-per-hour = Hantekeningen per oere
overview-chart-label = { $count ->
    [one] Hantekeningen per oere yn de lêste 24 oeren: ien yn totaal.
   *[other] Hantekeningen per oere yn de lêste 24 oeren: { $count } yn totaal.
}
overview-chart-table = Deselde sifers as tabel
overview-per-petition = Per petysje
overview-per-kiosk = Per kiosk
overview-none-yet = Noch gjin.
col-hour = Oere
col-signatures = Hantekeningen
col-petition = Petysje
col-kiosk = Kiosk
col-enrolled = Oanmeld
col-last-seen = Lêst sjoen
col-waiting = Wachtsjend
col-clock = Klok
col-version = Ferzje
col-state = Steat
col-actions = Aksjes
col-time = Tiid
col-outcome = Útkomst
col-action = Aksje
col-result = Resultaat
col-detail = Details
col-deleted-on = Wiske op

kiosks-add = In kiosk tafoegje
kiosks-name = Namme fan de kiosk (bygelyks ‘Tafel by de yngong’)
kiosks-make-code = Keppelkoade meitsje
kiosks-code-for = Keppelkoade foar { $name }:
kiosks-code-how = { $hours ->
    [one] Op de kiosk: Behear → Syngronisaasje → typ dizze koade. Hy wurket ien kear, binnen in oere.
   *[other] Op de kiosk: Behear → Syngronisaasje → typ dizze koade. Hy wurket ien kear, binnen { $hours } oeren.
}
kiosks-enrolled = Oanmelde kiosken
kiosks-none = Der is noch gjin kiosk oanmeld.
kiosks-clock-ok = op tiid
kiosks-clock-behind = { $minutes } min efter
kiosks-clock-ahead = { $minutes } min foar
kiosks-reported = Wachtsjend, klok en ferzje binne sa as elke kiosk se by de lêste syngronisaasje meldde.
kiosks-never = noch net
kiosks-active = Aktyf
kiosks-revoked-at = Ynlutsen { $when }
kiosks-revoke = { $name } ynlûke
kiosks-revoke-title = { $name } ynlûke?
kiosks-revoke-warning = De sammeltsjinner wegeret fan no ôf alles wat dizze kiosk stjoert; dit kin net ûngedien makke wurde. Hantekeningen dy't er noch net ferstjoerd hat, bliuwe fersegele op de kiosk. Doch dit as in kiosk kwyt of stellen is.
kiosks-revoke-confirm = Ja, ynlûke

key-title = De kaai fan de organisaasje
key-no-file = De sammeltsjinner is begûn sûnder it kaaibestân fan de organisaasje (serve --identity) en kin hjir dus gjin gegevens iepenje.
key-unlocked = Untskoattele.
key-locks-in = Hy skoattelt himsels oer { $time } as er net brûkt wurdt.
key-lock-now = No skoattelje
key-locked = Skoattele: gegevens kinne hjir net iepene wurde.
key-passphrase = Wachtwurdsin
key-unlock = Untskoattelje
key-stays = De kaai wurdt yn de sammeltsjinner iepene en bliuwt dêr; dizze side hat him nea.
send-title = Trochstjoere
send-none = De sammeltsjinner is begûn sûnder bestimming (serve --action-network-token-file of --webhook-url).
send-to-action_network = Nei Action Network stjoere
send-to-webhook = Nei de webhook stjoere
send-needs-key = Untskoattel earst de kaai.
send-progress-action_network = Ferstjoere nei Action Network
send-progress-webhook = Ferstjoere nei de webhook
send-running = Ferstjoere: { $done } fan { $total }.
send-stopped = Stoppe nei { $done } fan { $total }. De folgjende kear giet it dêr fierder.
send-failed = It ferstjoeren stoppe troch in flater; wat al ôfhannele is, bliuwt ôfhannele.
send-finished = Klear: { $sent } ferstjoerd, { $failed } mislearre, { $skipped } wiene der al, { $deferred } foar letter.
send-stop = Stopje
send-outcomes = { $count ->
    [one] De útkomst fan ien gegeven (neat fan de ûndertekener wurdt sjen litten)
   *[other] De útkomsten fan de lêste { $count } gegevens (neat fan de ûndertekeners wurdt sjen litten)
}
outcome-sent = Ferstjoerd
outcome-failed = Mislearre
outcome-skipped = Wie der al
outcome-deferred = Foar letter
export-title = Eksportearje
export-warning = It bestân befettet fan elke ûndertekener de namme, it e-mailadres en wêr't dy mei ynstimde, net fersifere. Bewarje it op in fersifere skiif, diel it mei nimmen dy't it net nedich hat en wiskje it nei it ymportearjen.
export-format = Formaat
export-csv = CSV (foar de ymport fan Action Network of in rekkenblêd)
export-jsonl = JSON Lines (alle fjilden)
export-download = Eksport downloade
export-saved = Bewarre as { $file }.

retention-title = Hoe lang gegevens bewarre bliuwe
retention-off = Der is gjin bewartermyn ynsteld: gegevens bliuwe oant se mei de hân wiske wurde (serve --retain-days stelt der ien yn).
retention-rule = Gegevens wurde { $days } dagen neidat se elke bestimming berikten ({ $destinations }), of nei in eksport, wiske.
retention-export-only = allinne eksporten
destination-action_network = Action Network
destination-webhook = de webhook
retention-held = { $held } gegevens hjir bewarre; { $waiting } dêrfan wachtsje noch op ferstjoeren of eksportearjen foardat harren termyn begjint.
retention-schedule = Wat wannear wiske wurdt
retention-nothing-due = Der hoecht noch neat wiske te wurden.
forget-title = In ûndertekener ferjitte
forget-what = Wisket alle gegevens fan de ûndertekener mei dit e-mailadres, hjir en út wat kiosken opnij stjoere. Allinne in sâlte hash fan it adres bliuwt oer, as bewiis.
forget-email = E-mailadres fan de ûndertekener
forget-button = Dizze ûndertekener ferjitte
forget-needs-key = Untskoattel earst de kaai: de sammeltsjinner iepenet de gegevens om dy fan de ûndertekener te finen.
forget-confirm-title = { $email } ferjitte?
forget-confirm-warning = De gegevens wurde foar altyd wiske; dit kin net ûngedien makke wurde.
forget-confirm = Ja, ferjitte
forget-done = { $count ->
    [0] Der waard hjir gjin gegeven mei dat adres bewarre.
    [one] Ien gegeven is wiske.
   *[other] { $count } gegevens binne wiske.
}

audit-sign-in = Oanmelde
audit-sign-out = Ofmelde
audit-unlock = Untskoattelje
audit-lock = Skoattelje
audit-add-kiosk = Kiosk tafoegje
audit-revoke = Kiosk ynlûke
audit-forget = Undertekener ferjitte
audit-export = Eksport
audit-send = Trochstjoere
result-ok = Dien
result-refused = Wegere
result-failed = Mislearre
result-stopped = Stoppe

# Petitions and packs
nav-packs = Petysjes en pakketten
packs-no-folder = De sammeltsjinner is begûn sûnder pakketmap (serve --packs DIR), dus kiosken helje der gjin pakketten.
packs-add = In pakket tafoegje
packs-add-how = In pakket as zip of as map. It wurdt kontrolearre sa as in kiosk in pakket kontrolearret; in pakket dat net laadt wurdt net oernommen, en in pakket mei deselde namme wurdt allinne ferfongen troch ien dat laadt.
packs-name = De namme (letters, sifers, - en _)
packs-zip = In zipbestân
packs-folder = of in map
packs-upload = Kontrolearje en tafoegje
packs-added = { $count ->
    [one] { $name } is tafoege, mei ien petysje.
   *[other] { $name } is tafoege, mei { $count } petysjes.
}
packs-pack = Pakket { $name }
packs-summary = { $petitions } petysjes lade; { $failures } bestannen net; { $skipped } binne gjin siden.
packs-failures = Bestannen dy't net lade
col-languages = Oersettingen
col-warnings = Warskôgings
packs-unpublished = net publisearre
packs-preview = Foarbyld fan { $title }
packs-preview-of = Foarbyld: { $title }
packs-preview-note = Sa as de kiosk har toant: deselde tekst en ôfbyldings, keppelings wurde net folge.
packs-sign = Teken de petysje
packs-close-preview = Foarbyld slute
error-no_packs_folder = De sammeltsjinner is begûn sûnder pakketmap (serve --packs DIR).
error-no_pack = Der is gjin pakket mei dy namme.
error-no_petition = Der is gjin petysje mei dy id yn it pakket.
error-bad_pack_name = De namme fan in pakket bestiet út letters, sifers, ‘.’, ‘_’ en ‘-’ en begjint net mei ‘.’.
error-not_a_zip = Dat is gjin zipbestân.
error-unsafe_pack = De zip befettet in item dat bûten it pakket telâne komme koe. Der is neat oernommen.
error-pack_too_large = It pakket is te grut. Der is neat oernommen.
error-pack_does_not_load = It pakket laadt net. Der is neat oernommen.
error-no_petitions = It pakket befettet gjin petysje dy't laadt. Der is neat oernommen.
audit-add-pack = Pakket tafoegje
