# The organiser's console (placard-collector serve --console). Every locale has every message.
console-title = Placard console
language = Language
sign-out = Sign out
nav-label = Console pages
nav-overview = Overview
nav-kiosks = Kiosks
nav-send = Unlock and send
nav-signers = Retention and erasure
nav-audit = Audit log
cancel = Cancel

signed-out-title = You are not signed in
signed-out-expired = Your session ended
signed-out-how = On the computer the collector runs on, print a new sign-in link and open it in this browser:
signed-out-why = A link works once, for 15 minutes. Sessions end after a while unused.

error-unknown = Something went wrong. Try again; if it keeps happening, look at the collector's log.
error-no_session = You are not signed in.
error-session_expired = Your session ended: sign in again with a new link.
error-cross_site = Refused: the request did not come from this console's own page.
error-bad_link = This sign-in link was used already or has expired. Print a new one.
error-too_many_attempts = Too many sign-ins with a bad link. Wait a minute.
error-storage_error = The collector's database did not answer. Nothing was changed.
error-bad_name = A kiosk's name is 1 to 80 characters.
error-no_device = No kiosk is enrolled with that id.
error-locked = Unlock the organiser's key first.
error-bad_email = Type an email address like name@example.org.
error-wrong_passphrase = That passphrase does not open the organiser's key.
error-wrong_key = This key does not open the records held here: it is not the organisation's key.
error-no_identity = The collector was started without the organiser's key file, so it cannot unlock.
error-bad_identity = The organiser's key file could not be read.
error-internal = The collector could not finish: look at its log.
error-no_destination = The collector was started with nowhere to send to.
error-already_running = Sending is already under way.
error-not_running = Nothing is being sent.

overview-live = Live: the figures change as kiosks sync.
overview-connecting = Connecting…
overview-totals = Totals
overview-records = signatures received
overview-held = held here now
overview-batches = batches from kiosks
overview-relay-waiting = wait to be relayed to { $to }
overview-per-hour = Signatures per hour
overview-chart-label = { $count ->
    [one] Signatures per hour over the last 24 hours: one in all.
   *[other] Signatures per hour over the last 24 hours: { $count } in all.
}
overview-chart-table = The same figures as a table
overview-per-petition = Per petition
overview-per-kiosk = Per kiosk
overview-none-yet = None yet.
col-hour = Hour
col-signatures = Signatures
col-petition = Petition
col-kiosk = Kiosk
col-enrolled = Enrolled
col-last-seen = Last seen
col-waiting = Waiting
col-clock = Clock
col-version = Version
col-state = State
col-actions = Actions
col-time = Time
col-outcome = Outcome
col-action = Action
col-result = Result
col-detail = Detail
col-deleted-on = Deleted on

kiosks-add = Add a kiosk
kiosks-name = The kiosk's name (for example "Front table")
kiosks-make-code = Make a pairing code
kiosks-code-for = Pairing code for { $name }:
kiosks-code-how = { $hours ->
    [one] At the kiosk: Operator panel → Sync → type this code. It works once, within an hour.
   *[other] At the kiosk: Operator panel → Sync → type this code. It works once, within { $hours } hours.
}
kiosks-enrolled = Enrolled kiosks
kiosks-none = No kiosk is enrolled yet.
kiosks-clock-ok = on time
kiosks-clock-behind = { $minutes } min behind
kiosks-clock-ahead = { $minutes } min ahead
kiosks-reported = Waiting, clock and version are as each kiosk last reported when it synced.
kiosks-never = not yet
kiosks-active = Active
kiosks-revoked-at = Revoked { $when }
kiosks-revoke = Revoke { $name }
kiosks-revoke-title = Revoke { $name }?
kiosks-revoke-warning = The collector will refuse everything this kiosk sends from now on; it cannot be undone. Signatures it has not sent yet stay sealed on it. Do this when a kiosk is lost or stolen.
kiosks-revoke-confirm = Yes, revoke it

key-title = The organiser's key
key-no-file = The collector was started without the organiser's key file (serve --identity), so it cannot open records here.
key-unlocked = Unlocked.
key-locks-in = It locks itself in { $time } unless used.
key-lock-now = Lock now
key-locked = Locked: records cannot be opened here.
key-passphrase = Passphrase
key-unlock = Unlock
key-stays = The key is opened inside the collector and stays there; this page never holds it.
send-title = Send on
send-none = The collector was started with nowhere to send to (serve --action-network-token-file or --webhook-url).
send-to-action_network = Send to Action Network
send-to-webhook = Send to the webhook
send-needs-key = Unlock the key first.
send-progress-action_network = Sending to Action Network
send-progress-webhook = Sending to the webhook
send-running = Sending: { $done } of { $total }.
send-stopped = Stopped after { $done } of { $total }. The next run goes on from there.
send-failed = The run stopped with an error; what was settled stays settled.
send-finished = Finished: { $sent } sent, { $failed } failed, { $skipped } already there, { $deferred } left for later.
send-stop = Stop
send-outcomes = { $count ->
    [one] One record's outcome (nothing of the signer is shown)
   *[other] The last { $count } records' outcomes (nothing of the signer is shown)
}
outcome-sent = Sent
outcome-failed = Failed
outcome-skipped = Already there
outcome-deferred = Left for later
export-title = Export
export-warning = The file holds every signer's name, email address and what they agreed to, in the clear. Keep it on an encrypted disk, share it with nobody who does not need it, and delete it when it has been imported.
export-format = Format
export-csv = CSV (for Action Network's importer or a spreadsheet)
export-jsonl = JSON Lines (every field)
export-download = Download the export
export-saved = Saved as { $file }.

retention-title = How long records are kept
retention-off = No retention time is set: records are kept until deleted by hand (serve --retain-days sets one).
retention-rule = Records are deleted { $days } days after they reached every destination ({ $destinations }), or after an export took them.
retention-export-only = exports only
destination-action_network = Action Network
destination-webhook = the webhook
retention-held = { $held } records held here; { $waiting } of them wait to be sent or exported before their time starts.
retention-schedule = What will be deleted when
retention-nothing-due = Nothing is due for deletion yet.
forget-title = Forget a signer
forget-what = Deletes every record of the signer with this email address, here and from what kiosks send again. Only a salted hash of the address is kept, as proof it was done.
forget-email = The signer's email address
forget-button = Forget this signer
forget-needs-key = Unlock the key first: the collector opens the records to find the signer's.
forget-confirm-title = Forget { $email }?
forget-confirm-warning = Their records are deleted for good; this cannot be undone.
forget-confirm = Yes, forget them
forget-done = { $count ->
    [0] No record with that address was held here.
    [one] One record was deleted.
   *[other] { $count } records were deleted.
}

audit-sign-in = Sign-in
audit-sign-out = Sign-out
audit-unlock = Unlock
audit-lock = Lock
audit-add-kiosk = Add a kiosk
audit-revoke = Revoke a kiosk
audit-forget = Forget a signer
audit-export = Export
audit-send = Send on
result-ok = Done
result-refused = Refused
result-failed = Failed
result-stopped = Stopped

# Petitions and packs
nav-packs = Petitions and packs
packs-no-folder = The collector was started without a packs folder (serve --packs DIR), so kiosks take no packs from it.
packs-add = Add a pack
packs-add-how = A zip of a pack, or its folder. It is checked as a kiosk checks a pack; one that does not load is not taken, and a pack of the same name is replaced only by one that does.
packs-name = Its name (letters, digits, - and _)
packs-zip = A zip file
packs-folder = or a folder
packs-upload = Check and add
packs-added = { $count ->
    [one] { $name } was added, with one petition.
   *[other] { $name } was added, with { $count } petitions.
}
packs-pack = Pack { $name }
packs-summary = { $petitions } petitions load; { $failures } files do not; { $skipped } are not pages.
packs-failures = Files that do not load
col-languages = Translations
col-warnings = Warnings
packs-unpublished = not published
packs-preview = Preview { $title }
packs-preview-of = Preview: { $title }
packs-preview-note = As the kiosk renders it: the same text and images, links not followed.
packs-sign = Sign the petition
packs-close-preview = Close the preview
error-no_packs_folder = The collector was started without a packs folder (serve --packs DIR).
error-no_pack = There is no pack of that name.
error-no_petition = There is no petition of that id in the pack.
error-bad_pack_name = A pack's name is letters, digits, ".", "_" and "-", not starting with ".".
error-not_a_zip = That is not a zip file.
error-unsafe_pack = The zip holds an entry that could be written outside the pack. Nothing was taken.
error-pack_too_large = The pack is too large. Nothing was taken.
error-pack_does_not_load = The pack does not load. Nothing was taken.
error-no_petitions = The pack holds no petition that loads. Nothing was taken.
audit-add-pack = Add a pack
