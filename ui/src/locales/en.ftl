# Placard's interface text. Every other locale must have every message this file has
# (tests/locales.rs checks it). Numbers in { $count } are formatted for the locale.
languages-label = Language
loading = Loading…

## Start (attract) screen
attract-sign = Sign the petition
attract-read = Read the petition
attract-count = { $count ->
    [0] Be the first to sign here.
    [one] { $count } person has signed here.
   *[other] { $count } people have signed here.
}
attract-goal = { $count } of { $goal } signatures
attract-goal-label = Progress towards the goal
attract-next = Next petition
attract-operator = Operator
attract-none = No petition is on show. Please ask a volunteer.

## Petition page
back-to-start = Back to start
petition-draft = Not published
sign-default = Sign the petition

## Signing form
form-heading = Add your name
form-email-suggestion = Did you mean { $email }? Tap to use it.
required-note = * Indicates a required field
field-given_name = First name
field-family_name = Last name
field-email = Email
field-postal_code = ZIP / postal code
field-street_address = Street address
field-city = City
field-country = Country
field-comment = Comment
field-subscribe = Keep me updated on this and other campaigns
field-consent = I have read how my data is used and agree to it
privacy-heading = How we use your data
field-signature = Your signature (optional)
signature-hint = Draw with your finger or the mouse.
signature-clear = Clear signature
form-cancel = Back
form-submit-default = Sign the petition
form-saving = Saving…
fix-required = This field is required.
fix-invalid_email = Please enter an email address like name@example.org.
fix-too_long = This is too long.
fix-forbidden_characters = This contains characters that cannot be used.
fix-invalid_postal_code = This postal code does not look right for the country. Please check it.
fix-invalid_country = Please choose a country from the list.
fix-unknown_field = This petition does not ask for this.
fix-invalid_signature = The drawing could not be read. Please clear it and draw again.
fix-consent_missing = Please tick the box to confirm you have read how your data is used.

## Errors
error-pack_unavailable = The petitions could not be loaded.
error-petition_not_found = This petition is not in the pack.
error-unknown = Something went wrong.
error-not_set_up = This kiosk is not set up yet.
error-already_set_up = This kiosk is already set up.
error-weak_pin = The PIN must be 6 to 12 digits.
error-bad_recipient = That is not an organiser public key (it starts with age1).
error-invalid_input = Please check the marked fields.
error-storage_full = This kiosk's storage is full. Please tell a volunteer. Your signature was not saved.
error-storage_error = Your signature could not be saved. Please tell a volunteer.
error-not_a_vault = This kiosk's signature store is missing. Please tell a volunteer.
error-already_a_vault = A signature store is already there.
error-bad_device_key = This kiosk's device key is damaged. Please tell a volunteer.
error-seal_failed = Your signature could not be sealed. Please tell a volunteer.
error-vault_corrupt = This kiosk's signature store is damaged. Please tell a volunteer.
error-wrong_pin = Wrong PIN.
error-pin_locked_out = Too many wrong PINs. Try again in { $minutes } min.
error-pin_change_required = This kiosk's PIN is too short. Choose a new one of 6 to 12 digits.
error-recipient_mismatch = This kiosk cannot take signatures now: its safe does not match the organiser's key. Please ask a volunteer.
error-unsent_records = Some signatures have not been sent yet. Save them on a USB stick first, or confirm that they will be lost.
error-forged_answer = An answer claiming to come from the collector was not signed by it, and was ignored. Someone on this network may be interfering.
error-operator_only = Please enter the operator PIN first.
error-bad_setting = That setting cannot be used.

## Thank you
thanks-heading = Thank you!
thanks-count = { $count ->
    [1] You are the first to sign here.
    [one] { $count } person has signed here.
   *[other] { $count } people have signed here.
}
thanks-share = Share the petition from your own phone: scan this code.
thanks-done = Done
thanks-returning = { $seconds ->
    [one] Back to the start in { $seconds } second.
   *[other] Back to the start in { $seconds } seconds.
}

## Still there? (inactivity)
idle-heading = Still there?
idle-body = { $seconds ->
    [one] To protect your privacy, everything you entered will be cleared in { $seconds } second.
   *[other] To protect your privacy, everything you entered will be cleared in { $seconds } seconds.
}
idle-stay = I'm still here
idle-reset = Start over

## First-run set-up
setup-heading = Set up this kiosk
setup-intro = Signatures are sealed to the organiser's public key the moment they are given. This kiosk can never read them.
setup-key-help = Paste the public key (age1…) made with “placard keys new”, or create a new key here: its private half goes to a USB stick, never onto this kiosk.
setup-recipient = Organiser's public key (starts with age1)
setup-pin = Operator PIN (6 to 12 digits)
setup-pin-again = Operator PIN again
setup-pin-mismatch = The two PINs differ.
setup-submit = Start collecting signatures

setup-next = Continue
setup-pack = Which petitions should this kiosk show?
pack-demo = Demo petitions (built in)
pack-configured = This kiosk's configured pack
pack-local = Pack “{ $name }”

setup-new-key = Create a new organiser key
newkey-intro = The private key is saved, encrypted with your passphrase, to a USB stick or another folder off this kiosk, with a recovery sheet to print. Keep both, and the passphrase, safe: without them nobody can ever read the signatures.
newkey-folder = Where to save it (a USB stick)
newkey-passphrase = Passphrase (at least 12 characters)
newkey-passphrase-again = Passphrase again
newkey-mismatch = The two passphrases differ.
newkey-create = Create the key
newkey-done = Key saved to { $file }. Print the recovery sheet beside it: { $sheet }
error-weak_passphrase = The passphrase must be at least 12 characters.
error-key_on_kiosk = Choose a folder off this kiosk, such as a USB stick.
error-key_exists = That folder already holds an organiser key. Choose another folder.
error-bad_collector_url = That is not a collector address. It starts with https://.
error-collector_unreachable = The collector did not answer. Check the address and the network.
error-enrol_refused = The collector did not accept this code. Check it and type it again; after three wrong tries, ask the organiser for a new one.
error-sync_error = Sync could not start.
error-not_enrolled = This kiosk is not enrolled with a collector yet.
error-bad_pack = The petition pack could not be taken in. The petitions on this kiosk are unchanged.
error-wrong_passphrase = Wrong passphrase.
error-bad_identity = That file is not an organiser key.
error-bad_token = Action Network refused the API key.
error-action_network_unreachable = Action Network did not answer. Check the network.
error-send_failed = Sending failed.

## Operator
pin-heading = Operator PIN
pin-submit = Open the panel
pin-new-heading = New operator PIN (6 to 12 digits)
pin-new-again = New PIN again
pin-new-submit = Save the new PIN
pin-clear = Clear
pin-cancel = Cancel
operator-heading = Operator panel
operator-totals = { $total ->
    [one] { $total } signature on this kiosk, { $pending } waiting to be sent.
   *[other] { $total } signatures on this kiosk, { $pending } waiting to be sent.
}
operator-chart = Signatures per hour
operator-petitions = Petitions on the start screen
operator-petitions-help = If none is ticked, every published petition takes a turn.
operator-petition-count = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
operator-rotate = Seconds per petition
operator-event = Event name
operator-tags = Tags, separated by commas
operator-source = Source code (for the list; empty: the event name)
operator-lock = Kiosk lock: fullscreen, cannot be closed
operator-thanks-seconds = Seconds on the thank-you screen
operator-idle-seconds = Seconds before “Still there?”
operator-countdown-seconds = Seconds of countdown
operator-retention = Hours a confirmed signature stays on this kiosk (0: deleted at once)
operator-recipient = Sealed to the organiser key
operator-save = Save
operator-saved = Saved.
operator-sync = Sync
operator-sync-none = No collector is set up yet. Signatures stay sealed on this kiosk until one is.
operator-sync-enrol-help = Ask the organiser for the collector's address and a short pairing code (like 417-K7MQ-P2XD). The code itself is never sent.
operator-sync-collector = Collector address
operator-sync-code = Enrolment code
operator-sync-enrol = Enrol this kiosk
operator-sync-to = Sending to { $collector }
operator-sync-status = { $pending } waiting, { $sent } sent since the kiosk started
operator-sync-sending = Sending…
operator-sync-waiting = Waiting to send
operator-sync-last-success = Last sent: { $time }
operator-sync-never = Nothing sent yet.
operator-sync-last-error = Last problem: { $error }
operator-sync-clock-behind = This kiosk's clock is { $minutes } min behind the collector's. Syncing allows for it; set the clock right when you can.
operator-sync-clock-ahead = This kiosk's clock is { $minutes } min ahead of the collector's. Syncing allows for it; set the clock right when you can.
operator-sync-now = Sync now
operator-packs-heading = Petition packs
operator-packs-look = Look for petition packs on the collector
operator-packs-none = The collector offers no petition packs.
operator-packs-take = Take { $name }
operator-packs-taken = The pack { $name } is on this kiosk now. Choose it under “Petition pack” and save.
send-heading = Send to Action Network
send-help = For a kiosk with no collector. The organiser's key opens the signatures for this run only; it is not kept.
send-key-file = Organiser key file
send-passphrase = Passphrase
send-token = Action Network API key
send-start = Send
send-cancel = Stop
send-running = Sending…
send-summary = { $sent } sent, { $failed } failed, { $skipped } sent before.
send-deferred = { $count ->
    [one] One signature waits for a later run.
   *[other] { $count } signatures wait for a later run.
}
send-cancelled = Stopped. What was sent stays sent.
send-retry = Retry failed
send-failed-before = { $count } failed in an earlier run: “Retry failed” sends them again.
send-outcomes = Each signature, as it went
send-outcome-sent = Sent
send-outcome-failed = Failed
send-outcome-skipped = Sent before
send-outcome-deferred = Waits for the next run
operator-pack = Petition pack
operator-pack-failed = { $count ->
    [one] { $count } file could not be loaded:
   *[other] { $count } files could not be loaded:
}
operator-close = Close the panel
operator-exit = Quit Placard
operator-exit-confirm = Quit Placard now? The kiosk stops collecting signatures.
operator-exit-yes = Quit
save-heading = Save a sealed copy
save-help = Every signature, still sealed, to a new file on a USB stick: for the collector to import, or to keep before this kiosk is wiped. No key is needed.
save-folder = Folder (a USB stick)
save-start = Save
save-done = Saved { $count } signatures, sealed, to { $file }.
wipe-heading = Wipe this kiosk
wipe-help = At the end of an event: every signature goes from this kiosk, then Placard closes. Settings and the PIN stay.
wipe-unsent = { $count } signatures have not been sent yet. Save a sealed copy above first; or, to lose them, type { $count } here.
wipe-lost = Signatures to lose
wipe-start = Wipe this kiosk
wipe-confirm = Wipe now? This cannot be undone.
wipe-yes = Wipe
wipe-done = Wiped { $count } signatures. Placard closes now.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = On-screen keyboard
keyboard-shift = Shift
keyboard-caps = Caps lock (tap to turn off)
keyboard-backspace = Delete
keyboard-space = space
keyboard-numbers = Numbers
keyboard-letters = Letters
keyboard-next = Next
keyboard-done = Done
operator-touchscreen = Touchscreen kiosk: show the on-screen keyboard on every field (not only when a field is touched)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Paper sheets
operator-paper-help = Type in the signatures collected on paper clipboards: the same form and checks, no thank-you screen between sheets. Enter moves to the next field. Tick the updates box only when the sheet's box was ticked.
operator-paper-petition = Petition
operator-paper-start = Start typing in sheets
paper-heading = Clipboard mode: typing in paper sheets
paper-form-heading = Next sheet
paper-count = { $count ->
    [0] No sheets typed in yet.
    [one] 1 sheet typed in and sealed.
   *[other] { $count } sheets typed in and sealed.
}
paper-leave = Leave and lock the kiosk
paper-submit = Seal this sheet
