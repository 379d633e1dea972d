# De console voor organisatoren (placard-collector serve --console).
console-title = Placard-console
language = Taal
sign-out = Afmelden
nav-label = Pagina's van de console
nav-overview = Overzicht
nav-kiosks = Kiosken
nav-send = Ontgrendelen en versturen
nav-signers = Bewaren en wissen
nav-audit = Logboek
cancel = Annuleren

signed-out-title = U bent niet aangemeld
signed-out-expired = Uw sessie is afgelopen
signed-out-how = Maak op de computer waarop de verzamelserver draait een nieuwe aanmeldlink en open die in deze browser:
signed-out-why = Een link werkt één keer, 15 minuten lang. Sessies stoppen na een tijdje zonder gebruik.

error-unknown = Er ging iets mis. Probeer het opnieuw; gebeurt het weer, kijk dan in het logboek van de verzamelserver.
error-no_session = U bent niet aangemeld.
error-session_expired = Uw sessie is afgelopen: meld u opnieuw aan met een nieuwe link.
error-cross_site = Geweigerd: het verzoek kwam niet van de pagina van deze console.
error-bad_link = Deze aanmeldlink is al gebruikt of verlopen. Maak een nieuwe.
error-too_many_attempts = Te veel aanmeldingen met een ongeldige link. Wacht een minuut.
error-storage_error = De database van de verzamelserver gaf geen antwoord. Er is niets veranderd.
error-bad_name = De naam van een kiosk heeft 1 tot 80 tekens.
error-no_device = Er is geen kiosk met die id aangemeld.
error-locked = Ontgrendel eerst de sleutel van de organisatie.
error-bad_email = Typ een e-mailadres zoals naam@example.org.
error-wrong_passphrase = Die wachtwoordzin opent de sleutel van de organisatie niet.
error-wrong_key = Deze sleutel opent de gegevens hier niet: het is niet de sleutel van de organisatie.
error-no_identity = De verzamelserver is gestart zonder het sleutelbestand van de organisatie en kan dus niet ontgrendelen.
error-bad_identity = Het sleutelbestand van de organisatie kon niet worden gelezen.
error-internal = De verzamelserver kon dit niet afmaken: kijk in zijn logboek.
error-no_destination = De verzamelserver is gestart zonder bestemming om naar te versturen.
error-already_running = Er wordt al verstuurd.
error-not_running = Er wordt niets verstuurd.

overview-live = Live: de cijfers veranderen als kiosken synchroniseren.
overview-connecting = Verbinden…
overview-totals = Totalen
overview-records = handtekeningen ontvangen
overview-held = nu hier bewaard
overview-batches = pakketten van kiosken
overview-relay-waiting = wachten om doorgestuurd te worden naar { $to }
overview-per-hour = Handtekeningen per uur
overview-chart-label = { $count ->
    [one] Handtekeningen per uur in de laatste 24 uur: één in totaal.
   *[other] Handtekeningen per uur in de laatste 24 uur: { $count } in totaal.
}
overview-chart-table = Dezelfde cijfers als tabel
overview-per-petition = Per petitie
overview-per-kiosk = Per kiosk
overview-none-yet = Nog geen.
col-hour = Uur
col-signatures = Handtekeningen
col-petition = Petitie
col-kiosk = Kiosk
col-enrolled = Aangemeld
col-last-seen = Laatst gezien
col-waiting = Wachtend
col-clock = Klok
col-version = Versie
col-state = Status
col-actions = Acties
col-time = Tijd
col-outcome = Uitkomst
col-action = Actie
col-result = Resultaat
col-detail = Details
col-deleted-on = Gewist op

kiosks-add = Een kiosk toevoegen
kiosks-name = Naam van de kiosk (bijvoorbeeld ‘Tafel bij de ingang’)
kiosks-make-code = Koppelcode maken
kiosks-code-for = Koppelcode voor { $name }:
kiosks-code-how = { $hours ->
    [one] Op de kiosk: Beheer → Synchronisatie → typ deze code. Hij werkt één keer, binnen een uur.
   *[other] Op de kiosk: Beheer → Synchronisatie → typ deze code. Hij werkt één keer, binnen { $hours } uur.
}
kiosks-enrolled = Aangemelde kiosken
kiosks-none = Er is nog geen kiosk aangemeld.
kiosks-clock-ok = op tijd
kiosks-clock-behind = { $minutes } min achter
kiosks-clock-ahead = { $minutes } min voor
kiosks-reported = Wachtend, klok en versie zijn zoals elke kiosk ze bij de laatste synchronisatie meldde.
kiosks-never = nog niet
kiosks-active = Actief
kiosks-revoked-at = Ingetrokken { $when }
kiosks-revoke = { $name } intrekken
kiosks-revoke-title = { $name } intrekken?
kiosks-revoke-warning = De verzamelserver weigert vanaf nu alles wat deze kiosk stuurt; dit kan niet ongedaan worden gemaakt. Handtekeningen die hij nog niet heeft verstuurd, blijven verzegeld op de kiosk. Doe dit als een kiosk kwijt of gestolen is.
kiosks-revoke-confirm = Ja, intrekken

key-title = De sleutel van de organisatie
key-no-file = De verzamelserver is gestart zonder het sleutelbestand van de organisatie (serve --identity) en kan hier dus geen gegevens openen.
key-unlocked = Ontgrendeld.
key-locks-in = Hij vergrendelt zichzelf over { $time } als hij niet wordt gebruikt.
key-lock-now = Nu vergrendelen
key-locked = Vergrendeld: gegevens kunnen hier niet worden geopend.
key-passphrase = Wachtwoordzin
key-unlock = Ontgrendelen
key-stays = De sleutel wordt in de verzamelserver geopend en blijft daar; deze pagina heeft hem nooit.
send-title = Doorsturen
send-none = De verzamelserver is gestart zonder bestemming (serve --action-network-token-file of --webhook-url).
send-to-action_network = Naar Action Network sturen
send-to-webhook = Naar de webhook sturen
send-needs-key = Ontgrendel eerst de sleutel.
send-progress-action_network = Versturen naar Action Network
send-progress-webhook = Versturen naar de webhook
send-running = Versturen: { $done } van { $total }.
send-stopped = Gestopt na { $done } van { $total }. De volgende keer gaat het daar verder.
send-failed = Het versturen stopte door een fout; wat al afgehandeld is, blijft afgehandeld.
send-finished = Klaar: { $sent } verstuurd, { $failed } mislukt, { $skipped } waren er al, { $deferred } voor later.
send-stop = Stoppen
send-outcomes = { $count ->
    [one] De uitkomst van één gegeven (niets van de ondertekenaar wordt getoond)
   *[other] De uitkomsten van de laatste { $count } gegevens (niets van de ondertekenaars wordt getoond)
}
outcome-sent = Verstuurd
outcome-failed = Mislukt
outcome-skipped = Was er al
outcome-deferred = Voor later
export-title = Exporteren
export-warning = Het bestand bevat van elke ondertekenaar de naam, het e-mailadres en waarmee die instemde, onversleuteld. Bewaar het op een versleutelde schijf, deel het met niemand die het niet nodig heeft en wis het na het importeren.
export-format = Formaat
export-csv = CSV (voor de import van Action Network of een spreadsheet)
export-jsonl = JSON Lines (alle velden)
export-download = Export downloaden
export-saved = Opgeslagen als { $file }.

retention-title = Hoe lang gegevens bewaard blijven
retention-off = Er is geen bewaartermijn ingesteld: gegevens blijven tot ze met de hand worden gewist (serve --retain-days stelt er een in).
retention-rule = Gegevens worden { $days } dagen nadat ze elke bestemming bereikten ({ $destinations }), of na een export, gewist.
retention-export-only = alleen exports
destination-action_network = Action Network
destination-webhook = de webhook
retention-held = { $held } gegevens hier bewaard; { $waiting } daarvan wachten nog op versturen of exporteren voordat hun termijn begint.
retention-schedule = Wat wanneer wordt gewist
retention-nothing-due = Er hoeft nog niets te worden gewist.
forget-title = Een ondertekenaar vergeten
forget-what = Wist alle gegevens van de ondertekenaar met dit e-mailadres, hier en uit wat kiosken opnieuw sturen. Alleen een gezouten hash van het adres blijft over, als bewijs.
forget-email = E-mailadres van de ondertekenaar
forget-button = Deze ondertekenaar vergeten
forget-needs-key = Ontgrendel eerst de sleutel: de verzamelserver opent de gegevens om die van de ondertekenaar te vinden.
forget-confirm-title = { $email } vergeten?
forget-confirm-warning = De gegevens worden voorgoed gewist; dit kan niet ongedaan worden gemaakt.
forget-confirm = Ja, vergeten
forget-done = { $count ->
    [0] Er werd hier geen gegeven met dat adres bewaard.
    [one] Eén gegeven is gewist.
   *[other] { $count } gegevens zijn gewist.
}

audit-sign-in = Aanmelden
audit-sign-out = Afmelden
audit-unlock = Ontgrendelen
audit-lock = Vergrendelen
audit-add-kiosk = Kiosk toevoegen
audit-revoke = Kiosk intrekken
audit-forget = Ondertekenaar vergeten
audit-export = Export
audit-send = Doorsturen
result-ok = Gedaan
result-refused = Geweigerd
result-failed = Mislukt
result-stopped = Gestopt

# Petitions and packs
nav-packs = Petities en pakketten
packs-no-folder = De verzamelserver is gestart zonder pakkettenmap (serve --packs DIR), dus kiosken halen er geen pakketten.
packs-add = Een pakket toevoegen
packs-add-how = Een pakket als zip of als map. Het wordt gecontroleerd zoals een kiosk een pakket controleert; een pakket dat niet laadt wordt niet overgenomen, en een pakket met dezelfde naam wordt alleen vervangen door een dat laadt.
packs-name = De naam (letters, cijfers, - en _)
packs-zip = Een zipbestand
packs-folder = of een map
packs-upload = Controleren en toevoegen
packs-added = { $count ->
    [one] { $name } is toegevoegd, met één petitie.
   *[other] { $name } is toegevoegd, met { $count } petities.
}
packs-pack = Pakket { $name }
packs-summary = { $petitions } petities laden; { $failures } bestanden niet; { $skipped } zijn geen pagina’s.
packs-failures = Bestanden die niet laden
col-languages = Vertalingen
col-warnings = Waarschuwingen
packs-unpublished = niet gepubliceerd
packs-preview = Voorbeeld van { $title }
packs-preview-of = Voorbeeld: { $title }
packs-preview-note = Zoals de kiosk haar toont: dezelfde tekst en afbeeldingen, links worden niet gevolgd.
packs-sign = Teken de petitie
packs-close-preview = Voorbeeld sluiten
error-no_packs_folder = De verzamelserver is gestart zonder pakkettenmap (serve --packs DIR).
error-no_pack = Er is geen pakket met die naam.
error-no_petition = Er is geen petitie met die id in het pakket.
error-bad_pack_name = De naam van een pakket bestaat uit letters, cijfers, ‘.’, ‘_’ en ‘-’ en begint niet met ‘.’.
error-not_a_zip = Dat is geen zipbestand.
error-unsafe_pack = De zip bevat een item dat buiten het pakket terecht zou kunnen komen. Er is niets overgenomen.
error-pack_too_large = Het pakket is te groot. Er is niets overgenomen.
error-pack_does_not_load = Het pakket laadt niet. Er is niets overgenomen.
error-no_petitions = Het pakket bevat geen petitie die laadt. Er is niets overgenomen.
audit-add-pack = Pakket toevoegen
