languages-label = Taal
loading = Laden…

## Start (attract) screen
attract-sign = Teken de petitie
attract-read = Lees de petitie
attract-count = { $count ->
    [0] Teken hier als eerste.
    [one] { $count } persoon heeft hier getekend.
   *[other] { $count } mensen hebben hier getekend.
}
attract-goal = { $count } van { $goal } handtekeningen
attract-goal-label = Voortgang naar het doel
attract-next = Volgende petitie
attract-operator = Beheer
attract-none = Er staat geen petitie klaar. Vraag het een vrijwilliger.

## Petition page
back-to-start = Terug naar het begin
petition-draft = Niet gepubliceerd
sign-default = Teken de petitie

## Signing form
form-heading = Zet je naam eronder
form-email-suggestion = Bedoelde je { $email }? Tik om het te gebruiken.
required-note = * Verplicht veld
field-given_name = Voornaam
field-family_name = Achternaam
field-email = E-mail
field-postal_code = Postcode
field-street_address = Adres
field-city = Plaats
field-country = Land
field-comment = Opmerking
field-subscribe = Houd me op de hoogte van deze en andere campagnes
field-consent = Ik heb gelezen hoe mijn gegevens worden gebruikt en ga akkoord
privacy-heading = Hoe we uw gegevens gebruiken
field-signature = Je handtekening (niet verplicht)
signature-hint = Teken met je vinger of de muis.
signature-clear = Handtekening wissen
form-cancel = Terug
form-submit-default = Teken de petitie
form-saving = Opslaan…
fix-required = Dit veld is verplicht.
fix-invalid_email = Vul een e-mailadres in zoals naam@example.org.
fix-too_long = Dit is te lang.
fix-forbidden_characters = Hierin staan tekens die niet gebruikt kunnen worden.
fix-invalid_postal_code = Deze postcode lijkt niet te kloppen voor het land. Controleer hem.
fix-invalid_country = Kies een land uit de lijst.
fix-unknown_field = Deze petitie vraagt hier niet om.
fix-invalid_signature = De tekening kon niet gelezen worden. Wis hem en teken opnieuw.
fix-consent_missing = Vink het vakje aan om te bevestigen dat u hebt gelezen hoe uw gegevens worden gebruikt.

## Errors
error-pack_unavailable = De petities konden niet geladen worden.
error-petition_not_found = Deze petitie zit niet in het pakket.
error-unknown = Er ging iets mis.
error-not_set_up = Deze kiosk is nog niet ingesteld.
error-already_set_up = Deze kiosk is al ingesteld.
error-weak_pin = De pincode moet 6 tot 12 cijfers hebben.
error-bad_recipient = Dat is geen openbare sleutel van de organisatie (die begint met age1).
error-invalid_input = Controleer de gemarkeerde velden.
error-storage_full = De opslag van deze kiosk is vol. Zeg het tegen een vrijwilliger. Je handtekening is niet opgeslagen.
error-storage_error = Je handtekening kon niet opgeslagen worden. Zeg het tegen een vrijwilliger.
error-not_a_vault = De handtekeningenopslag van deze kiosk ontbreekt. Zeg het tegen een vrijwilliger.
error-already_a_vault = Hier staat al een handtekeningenopslag.
error-bad_device_key = De apparaatsleutel van deze kiosk is beschadigd. Zeg het tegen een vrijwilliger.
error-seal_failed = Je handtekening kon niet worden verzegeld. Zeg het tegen een vrijwilliger.
error-vault_corrupt = De handtekeningenopslag van deze kiosk is beschadigd. Zeg het tegen een vrijwilliger.
error-wrong_pin = Verkeerde pincode.
error-pin_locked_out = Te vaak een verkeerde pincode. Probeer het over { $minutes } min. opnieuw.
error-pin_change_required = De pincode van deze kiosk is te kort. Kies een nieuwe van 6 tot 12 cijfers.
error-recipient_mismatch = Deze kiosk kan nu geen handtekeningen aannemen: zijn kluis past niet bij de sleutel van de organisatie. Vraag een vrijwilliger.
error-unsent_records = Sommige handtekeningen zijn nog niet verstuurd. Bewaar ze eerst op een USB-stick, of bevestig dat ze verloren gaan.
error-forged_answer = Een antwoord dat van de verzamelserver zou komen, was er niet door ondertekend en is genegeerd. Iemand op dit netwerk grijpt mogelijk in.
error-operator_only = Vul eerst de beheerderspincode in.
error-bad_setting = Die instelling kan niet.

## Thank you
thanks-heading = Bedankt!
thanks-count = { $count ->
    [1] Je bent de eerste die hier tekent.
    [one] { $count } persoon heeft hier getekend.
   *[other] { $count } mensen hebben hier getekend.
}
thanks-share = Deel de petitie vanaf je eigen telefoon: scan deze code.
thanks-done = Klaar
thanks-returning = { $seconds ->
    [one] Over { $seconds } seconde terug naar het begin.
   *[other] Over { $seconds } seconden terug naar het begin.
}

## Still there? (inactivity)
idle-heading = Ben je er nog?
idle-body = { $seconds ->
    [one] Om je privacy te beschermen wordt alles wat je hebt ingevuld over { $seconds } seconde gewist.
   *[other] Om je privacy te beschermen wordt alles wat je hebt ingevuld over { $seconds } seconden gewist.
}
idle-stay = Ik ben er nog
idle-reset = Opnieuw beginnen

## First-run set-up
setup-heading = Deze kiosk instellen
setup-intro = Handtekeningen worden op het moment van tekenen verzegeld met de openbare sleutel van de organisatie. Deze kiosk kan ze nooit lezen.
setup-key-help = Plak de openbare sleutel (age1…) gemaakt met ‘placard keys new’, of maak hier een nieuwe: de privéhelft gaat naar een USB-stick, nooit op deze kiosk.
setup-recipient = Openbare sleutel van de organisatie (begint met age1)
setup-pin = Beheerderspincode (6 tot 12 cijfers)
setup-pin-again = Beheerderspincode nog een keer
setup-pin-mismatch = De twee pincodes verschillen.
setup-submit = Handtekeningen verzamelen

setup-next = Verder
setup-pack = Welke petities moet deze kiosk tonen?
pack-demo = Demopetities (ingebouwd)
pack-configured = Het ingestelde pakket van deze kiosk
pack-local = Pakket ‘{ $name }’

setup-new-key = Een nieuwe sleutel maken
newkey-intro = De privésleutel wordt, versleuteld met je wachtzin, opgeslagen op een USB-stick of in een andere map buiten deze kiosk, met een herstelblad om af te drukken. Bewaar ze goed, met de wachtzin: zonder ze kan niemand de handtekeningen ooit lezen.
newkey-folder = Waar opslaan (een USB-stick)
newkey-passphrase = Wachtzin (minstens 12 tekens)
newkey-passphrase-again = Wachtzin nog een keer
newkey-mismatch = De twee wachtzinnen verschillen.
newkey-create = Sleutel maken
newkey-done = Sleutel opgeslagen in { $file }. Druk het herstelblad ernaast af: { $sheet }
error-weak_passphrase = De wachtzin moet minstens 12 tekens hebben.
error-key_on_kiosk = Kies een map buiten deze kiosk, zoals een USB-stick.
error-key_exists = In die map staat al een sleutel. Kies een andere map.
error-bad_collector_url = Dat is geen adres van een verzamelserver. Het begint met https://.
error-collector_unreachable = De verzamelserver antwoordt niet. Controleer het adres en het netwerk.
error-enrol_refused = De verzamelserver heeft deze code niet aangenomen. Controleer hem en typ hem opnieuw; vraag na drie verkeerde pogingen de organisatie om een nieuwe.
error-sync_error = Synchroniseren kon niet starten.
error-not_enrolled = Deze kiosk is nog niet aangemeld bij een verzamelserver.
error-bad_pack = Het petitiepakket kon niet worden overgenomen. De petities op deze kiosk zijn ongewijzigd.
error-wrong_passphrase = Verkeerde wachtzin.
error-bad_identity = Dat bestand is geen sleutel van de organisatie.
error-bad_token = Action Network weigerde de API-sleutel.
error-action_network_unreachable = Action Network antwoordt niet. Controleer het netwerk.
error-send_failed = Versturen is mislukt.

## Operator
pin-heading = Beheerderspincode
pin-submit = Beheer openen
pin-new-heading = Nieuwe beheerderspincode (6 tot 12 cijfers)
pin-new-again = Nieuwe pincode nog een keer
pin-new-submit = Nieuwe pincode opslaan
pin-clear = Wissen
pin-cancel = Annuleren
operator-heading = Beheer
operator-totals = { $total ->
    [one] { $total } handtekening op deze kiosk, { $pending } wachten op verzending.
   *[other] { $total } handtekeningen op deze kiosk, { $pending } wachten op verzending.
}
operator-chart = Handtekeningen per uur
operator-petitions = Petities op het beginscherm
operator-petitions-help = Als er geen is aangevinkt, komen alle gepubliceerde petities om de beurt.
operator-petition-count = { $count ->
    [one] { $count } handtekening
   *[other] { $count } handtekeningen
}
operator-rotate = Seconden per petitie
operator-event = Naam van het evenement
operator-tags = Labels, gescheiden door komma’s
operator-source = Broncode (voor de lijst; leeg: de naam van het evenement)
operator-lock = Kioskvergrendeling: volledig scherm, kan niet gesloten worden
operator-thanks-seconds = Seconden op het bedankscherm
operator-idle-seconds = Seconden tot ‘Ben je er nog?’
operator-countdown-seconds = Seconden aftellen
operator-retention = Uren dat een bevestigde handtekening op deze kiosk blijft (0: meteen gewist)
operator-recipient = Verzegeld voor de sleutel van de organisatie
operator-save = Opslaan
operator-saved = Opgeslagen.
operator-sync = Synchronisatie
operator-sync-none = Er is nog geen verzamelserver ingesteld. De handtekeningen blijven tot dan verzegeld op deze kiosk.
operator-sync-enrol-help = Vraag de organisatie om het adres van de verzamelserver en een korte koppelcode (zoals 417-K7MQ-P2XD). De code zelf wordt nooit verstuurd.
operator-sync-collector = Adres van de verzamelserver
operator-sync-code = Aanmeldcode
operator-sync-enrol = Deze kiosk aanmelden
operator-sync-to = Verstuurt naar { $collector }
operator-sync-status = { $pending } wachtend, { $sent } verstuurd sinds de start
operator-sync-sending = Bezig met versturen…
operator-sync-waiting = Wacht op versturen
operator-sync-last-success = Laatst verstuurd: { $time }
operator-sync-never = Nog niets verstuurd.
operator-sync-last-error = Laatste probleem: { $error }
operator-sync-clock-behind = De klok van deze kiosk loopt { $minutes } min achter op die van de verzamelserver. Synchroniseren houdt er rekening mee; zet de klok gelijk zodra het kan.
operator-sync-clock-ahead = De klok van deze kiosk loopt { $minutes } min voor op die van de verzamelserver. Synchroniseren houdt er rekening mee; zet de klok gelijk zodra het kan.
operator-sync-now = Nu synchroniseren
operator-packs-heading = Petitiepakketten
operator-packs-look = Zoek petitiepakketten op de verzamelserver
operator-packs-none = De verzamelserver biedt geen petitiepakketten aan.
operator-packs-take = { $name } ophalen
operator-packs-taken = Het pakket { $name } staat nu op deze kiosk. Kies het onder ‘Petitiepakket’ en sla op.
send-heading = Naar Action Network sturen
send-help = Voor een kiosk zonder verzamelserver. De sleutel van de organisatie opent de handtekeningen alleen voor deze keer; hij wordt niet bewaard.
send-key-file = Sleutelbestand van de organisatie
send-passphrase = Wachtzin
send-token = API-sleutel van Action Network
send-start = Versturen
send-cancel = Stoppen
send-running = Bezig met versturen…
send-summary = { $sent } verstuurd, { $failed } mislukt, { $skipped } eerder verstuurd.
send-deferred = { $count } wachten op een volgende keer.
send-cancelled = Gestopt. Wat verstuurd is, blijft verstuurd.
send-retry = Mislukte opnieuw sturen
send-failed-before = { $count } zijn bij een eerdere verzending mislukt: ‘Mislukte opnieuw sturen’ stuurt ze nog eens.
send-outcomes = Elke handtekening, zoals hij gaat
send-outcome-sent = Verstuurd
send-outcome-failed = Mislukt
send-outcome-skipped = Eerder verstuurd
send-outcome-deferred = Wacht op de volgende keer
operator-pack = Petitiepakket
operator-pack-failed = { $count ->
    [one] { $count } bestand kon niet geladen worden:
   *[other] { $count } bestanden konden niet geladen worden:
}
operator-close = Beheer sluiten
operator-exit = Placard afsluiten
operator-exit-confirm = Placard nu afsluiten? De kiosk verzamelt dan geen handtekeningen meer.
operator-exit-yes = Afsluiten
save-heading = Een verzegelde kopie bewaren
save-help = Alle handtekeningen, nog verzegeld, in een nieuw bestand op een USB-stick: om door de verzamelserver te laten inlezen, of om te bewaren voordat deze kiosk gewist wordt. Geen sleutel nodig.
save-folder = Map (een USB-stick)
save-start = Bewaren
save-done = { $count } handtekeningen verzegeld bewaard in { $file }.
wipe-heading = Deze kiosk wissen
wipe-help = Aan het eind van een evenement: alle handtekeningen gaan van deze kiosk, daarna sluit Placard. Instellingen en pincode blijven.
wipe-unsent = { $count } handtekeningen zijn nog niet verstuurd. Bewaar eerst hierboven een verzegelde kopie; of typ hier { $count } om ze te verliezen.
wipe-lost = Handtekeningen die verloren gaan
wipe-start = Deze kiosk wissen
wipe-confirm = Nu wissen? Dit kan niet ongedaan worden.
wipe-yes = Wissen
wipe-done = { $count } handtekeningen gewist. Placard sluit nu.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Schermtoetsenbord
keyboard-shift = Shift
keyboard-caps = Caps Lock (tik om uit te zetten)
keyboard-backspace = Wissen
keyboard-space = spatie
keyboard-numbers = Cijfers
keyboard-letters = Letters
keyboard-next = Volgende
keyboard-done = Klaar
operator-touchscreen = Touchscreenkiosk: toon het schermtoetsenbord bij elk veld (niet alleen als een veld wordt aangeraakt)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Papieren lijsten
operator-paper-help = Typ handtekeningen in die op papier zijn verzameld: hetzelfde formulier en dezelfde controles, zonder bedankscherm tussen de vellen. Enter gaat naar het volgende veld. Vink het vakje voor nieuws alleen aan als het op het vel was aangevinkt.
operator-paper-petition = Petitie
operator-paper-start = Vellen intypen
paper-heading = Klembordmodus: papieren lijsten intypen
paper-form-heading = Volgend vel
paper-count = { $count ->
    [0] Nog geen vellen ingetypt.
    [one] 1 vel ingetypt en verzegeld.
   *[other] { $count } vellen ingetypt en verzegeld.
}
paper-leave = Verlaten en kiosk vergrendelen
paper-submit = Dit vel verzegelen
