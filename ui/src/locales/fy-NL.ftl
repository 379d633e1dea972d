languages-label = Taal
loading = Laden…

## Start (attract) screen
attract-sign = Teken de petysje
attract-read = Lês de petysje
attract-count = { $count ->
    [0] Teken hjir as earste.
    [one] { $count } persoan hat hjir tekene.
   *[other] { $count } minsken hawwe hjir tekene.
}
attract-goal = { $count } fan { $goal } hantekeningen
attract-goal-label = Fuortgong nei it doel
attract-next = Folgjende petysje
attract-operator = Behear
attract-none = Der stiet gjin petysje klear. Freegje it in frijwilliger.

## Petition page
back-to-start = Werom nei it begjin
petition-draft = Net publisearre
sign-default = Teken de petysje

## Signing form
form-heading = Set dyn namme derûnder
form-email-suggestion = Bedoelde jo { $email }? Tik om it te brûken.
required-note = * Ferplicht fjild
field-given_name = Foarnamme
field-family_name = Efternamme
field-email = E-mail
field-postal_code = Postkoade
field-street_address = Adres
field-city = Plak
field-country = Lân
field-comment = Opmerking
field-subscribe = Hâld my op ’e hichte fan dizze en oare kampanjes
field-consent = Ik haw lêzen hoe’t myn gegevens brûkt wurde en gean akkoard
privacy-heading = Hoe’t wy jo gegevens brûke
field-signature = Dyn hantekening (net ferplicht)
signature-hint = Teken mei dyn finger of de mûs.
signature-clear = Hantekening wiskje
form-cancel = Werom
form-submit-default = Teken de petysje
form-saving = Bewarje…
fix-required = Dit fjild is ferplicht.
fix-invalid_email = Folje in e-mailadres yn lykas namme@example.org.
fix-too_long = Dit is te lang.
fix-forbidden_characters = Hjir steane tekens yn dy’t net brûkt wurde kinne.
fix-invalid_postal_code = Dizze postkoade liket net te kloppen foar it lân. Kontrolearje him.
fix-invalid_country = Kies in lân út de list.
fix-unknown_field = Dizze petysje freget hjir net om.
fix-invalid_signature = De tekening koe net lêzen wurde. Wiskje him en teken opnij.
fix-consent_missing = Fink it fakje oan om te befêstigjen dat jo lêzen hawwe hoe’t jo gegevens brûkt wurde.

## Errors
error-pack_unavailable = De petysjes koene net laden wurde.
error-petition_not_found = Dizze petysje sit net yn it pakket.
error-unknown = Der gie wat mis.
error-not_set_up = Dizze kiosk is noch net ynsteld.
error-already_set_up = Dizze kiosk is al ynsteld.
error-weak_pin = De pinkoade moat 6 oant 12 sifers hawwe.
error-bad_recipient = Dat is gjin iepenbiere kaai fan de organisaasje (dy begjint mei age1).
error-invalid_input = Kontrolearje de markearre fjilden.
error-storage_full = De opslach fan dizze kiosk is fol. Sis it tsjin in frijwilliger. Dyn hantekening is net bewarre.
error-storage_error = Dyn hantekening koe net bewarre wurde. Sis it tsjin in frijwilliger.
error-not_a_vault = De hantekeningenopslach fan dizze kiosk ûntbrekt. Sis it tsjin in frijwilliger.
error-already_a_vault = Hjir stiet al in hantekeningenopslach.
error-bad_device_key = De apparaatkaai fan dizze kiosk is skansearre. Sis it tsjin in frijwilliger.
error-seal_failed = Dyn hantekening koe net fersegele wurde. Sis it tsjin in frijwilliger.
error-vault_corrupt = De hantekeningenopslach fan dizze kiosk is skansearre. Sis it tsjin in frijwilliger.
error-wrong_pin = Ferkearde pinkoade.
error-pin_locked_out = Te faak in ferkearde pinkoade. Besykje it oer { $minutes } min. nochris.
error-pin_change_required = De pinkoade fan dizze kiosk is te koart. Kies in nije fan 6 oant 12 sifers.
error-recipient_mismatch = Dizze kiosk kin no gjin hantekeningen oannimme: syn kluis past net by de kaai fan de organisaasje. Freegje in frijwilliger.
error-unsent_records = Guon hantekeningen binne noch net ferstjoerd. Bewarje se earst op in USB-stick, of befêstigje dat se ferlern geane.
error-forged_answer = In antwurd dat fan de sammelserver komme soe, wie der net troch ûndertekene en is negearre. Immen op dit netwurk grypt miskien yn.
error-operator_only = Folje earst de behearderspinkoade yn.
error-bad_setting = Dy ynstelling kin net.

## Thank you
thanks-heading = Tige tank!
thanks-count = { $count ->
    [1] Do bist de earste dy’t hjir tekenet.
    [one] { $count } persoan hat hjir tekene.
   *[other] { $count } minsken hawwe hjir tekene.
}
thanks-share = Diel de petysje fan dyn eigen telefoan ôf: scan dizze koade.
thanks-done = Klear
thanks-returning = { $seconds ->
    [one] Oer { $seconds } sekonde werom nei it begjin.
   *[other] Oer { $seconds } sekonden werom nei it begjin.
}

## Still there? (inactivity)
idle-heading = Bisto der noch?
idle-body = { $seconds ->
    [one] Om dyn privacy te beskermjen wurdt alles watsto ynfolle hast oer { $seconds } sekonde wiske.
   *[other] Om dyn privacy te beskermjen wurdt alles watsto ynfolle hast oer { $seconds } sekonden wiske.
}
idle-stay = Ik bin der noch
idle-reset = Opnij begjinne

## First-run set-up
setup-heading = Dizze kiosk ynstelle
setup-intro = Hantekeningen wurde op it stuit fan tekenjen fersegele mei de iepenbiere kaai fan de organisaasje. Dizze kiosk kin se nea lêze.
setup-key-help = Plak de iepenbiere kaai (age1…) makke mei ‘placard keys new’, of meitsje hjir in nije: de privee helte giet nei in USB-stick, nea op dizze kiosk.
setup-recipient = Iepenbiere kaai fan de organisaasje (begjint mei age1)
setup-pin = Behearderspinkoade (6 oant 12 sifers)
setup-pin-again = Behearderspinkoade noch ien kear
setup-pin-mismatch = De twa pinkoaden ferskille.
setup-submit = Hantekeningen sammelje

setup-next = Fierder
setup-pack = Hokker petysjes moat dizze kiosk sjen litte?
pack-demo = Demopetysjes (ynboud)
pack-configured = It ynstelde pakket fan dizze kiosk
pack-local = Pakket ‘{ $name }’

setup-new-key = In nije kaai meitsje
newkey-intro = De privee kaai wurdt, fersifere mei dyn wachtsin, bewarre op in USB-stick of yn in oare map bûten dizze kiosk, mei in herstelblêd om ôf te drukken. Bewarje se goed, mei it wachtsin: sûnder se kin nimmen de hantekeningen ea lêze.
newkey-folder = Wêr bewarje (in USB-stick)
newkey-passphrase = Wachtsin (op syn minst 12 tekens)
newkey-passphrase-again = Wachtsin noch ien kear
newkey-mismatch = De twa wachtsinnen ferskille.
newkey-create = Kaai meitsje
newkey-done = Kaai bewarre yn { $file }. Druk it herstelblêd dêrneist ôf: { $sheet }
error-weak_passphrase = It wachtsin moat op syn minst 12 tekens hawwe.
error-key_on_kiosk = Kies in map bûten dizze kiosk, lykas in USB-stick.
error-key_exists = Yn dy map sit al in kaai. Kies in oare map.
error-bad_collector_url = Dat is gjin adres fan in sammeltsjinner. It begjint mei https://.
error-collector_unreachable = De sammeltsjinner antwurdet net. Kontrolearje it adres en it netwurk.
error-enrol_refused = De sammeltsjinner hat dizze koade net oannommen. Kontrolearje him en typ him opnij; nei trije ferkearde besykjen freegje de organisaasje om in nije.
error-sync_error = Syngronisearjen koe net begjinne.
error-not_enrolled = Dizze kiosk is noch net oanmeld by in sammeltsjinner.
error-bad_pack = It petysjepakket koe net oernommen wurde. De petysjes op dizze kiosk binne net feroare.
error-wrong_passphrase = Ferkearde wachtsin.
error-bad_identity = Dat bestân is gjin kaai fan de organisaasje.
error-bad_token = Action Network wegere de API-kaai.
error-action_network_unreachable = Action Network antwurdet net. Kontrolearje it netwurk.
error-send_failed = Ferstjoeren is mislearre.

## Operator
pin-heading = Behearderspinkoade
pin-submit = Behear iepenje
pin-new-heading = Nije behearderspinkoade (6 oant 12 sifers)
pin-new-again = Nije pinkoade noch ien kear
pin-new-submit = Nije pinkoade bewarje
pin-clear = Wiskje
pin-cancel = Annulearje
operator-heading = Behear
operator-totals = { $total ->
    [one] { $total } hantekening op dizze kiosk, { $pending } wachtsje op ferstjoeren.
   *[other] { $total } hantekeningen op dizze kiosk, { $pending } wachtsje op ferstjoeren.
}
operator-chart = Hantekeningen per oere
operator-petitions = Petysjes op it begjinskerm
operator-petitions-help = As der gjin ien oankrúst is, komme alle publisearre petysjes om bar.
operator-petition-count = { $count ->
    [one] { $count } hantekening
   *[other] { $count } hantekeningen
}
operator-rotate = Sekonden per petysje
operator-event = Namme fan it evenemint
operator-tags = Labels, skieden troch komma’s
operator-source = Boarnekoade (foar de list; leech: de namme fan it evenemint)
operator-lock = Kioskfergrendeling: folslein skerm, kin net sluten wurde
operator-thanks-seconds = Sekonden op it tankskerm
operator-idle-seconds = Sekonden oant ‘Bisto der noch?’
operator-countdown-seconds = Sekonden ôftellen
operator-retention = Oeren dat in befêstige hantekening op dizze kiosk bliuwt (0: fuort wiske)
operator-recipient = Fersegele foar de kaai fan de organisaasje
operator-save = Bewarje
operator-saved = Bewarre.
operator-sync = Syngronisaasje
operator-sync-none = Der is noch gjin sammeltsjinner ynsteld. De hantekeningen bliuwe oant dan fersegele op dizze kiosk.
operator-sync-enrol-help = Freegje de organisaasje om it adres fan de sammeltsjinner en in koarte keppelkoade (lykas 417-K7MQ-P2XD). De koade sels wurdt nea ferstjoerd.
operator-sync-collector = Adres fan de sammeltsjinner
operator-sync-code = Oanmeldkoade
operator-sync-enrol = Dizze kiosk oanmelde
operator-sync-to = Ferstjoert nei { $collector }
operator-sync-status = { $pending } wachtsjend, { $sent } ferstjoerd sûnt de start
operator-sync-sending = Dwaande mei ferstjoeren…
operator-sync-waiting = Wachtet op ferstjoeren
operator-sync-last-success = Lêst ferstjoerd: { $time }
operator-sync-never = Noch neat ferstjoerd.
operator-sync-last-error = Lêste probleem: { $error }
operator-sync-clock-behind = De klok fan dizze kiosk rint { $minutes } min efter op dy fan de sammelserver. Syngronisearjen hâldt dêr rekken mei; set de klok gelyk sa gau as it kin.
operator-sync-clock-ahead = De klok fan dizze kiosk rint { $minutes } min foar op dy fan de sammelserver. Syngronisearjen hâldt dêr rekken mei; set de klok gelyk sa gau as it kin.
operator-sync-now = No syngronisearje
operator-packs-heading = Petysjepakketten
operator-packs-look = Sykje petysjepakketten op de sammeltsjinner
operator-packs-none = De sammeltsjinner biedt gjin petysjepakketten oan.
operator-packs-take = { $name } ophelje
operator-packs-taken = It pakket { $name } stiet no op dizze kiosk. Kies it ûnder ‘Petysjepakket’ en bewarje.
send-heading = Nei Action Network stjoere
send-help = Foar in kiosk sûnder sammeltsjinner. De kaai fan de organisaasje iepenet de hantekeningen allinnich foar dizze kear; hy wurdt net bewarre.
send-key-file = Kaaibestân fan de organisaasje
send-passphrase = Wachtsin
send-token = API-kaai fan Action Network
send-start = Ferstjoere
send-cancel = Stopje
send-running = Dwaande mei ferstjoeren…
send-summary = { $sent } ferstjoerd, { $failed } mislearre, { $skipped } earder ferstjoerd.
send-deferred = { $count } wachtsje op in folgjende kear.
send-cancelled = Stoppe. Wat ferstjoerd is, bliuwt ferstjoerd.
send-retry = Mislearre opnij stjoere
send-failed-before = { $count } binne by in eardere stjoerbeurt mislearre: ‘Mislearre opnij stjoere’ stjoert se nochris.
send-outcomes = Elke hantekening, sa't er giet
send-outcome-sent = Ferstjoerd
send-outcome-failed = Mislearre
send-outcome-skipped = Earder ferstjoerd
send-outcome-deferred = Wachtet op de folgjende kear
operator-pack = Petysjepakket
operator-pack-failed = { $count ->
    [one] { $count } bestân koe net laden wurde:
   *[other] { $count } bestannen koene net laden wurde:
}
operator-close = Behear slute
operator-exit = Placard ôfslute
operator-exit-confirm = Placard no ôfslute? De kiosk sammelet dan gjin hantekeningen mear.
operator-exit-yes = Ofslute
save-heading = In fersegele kopy bewarje
save-help = Alle hantekeningen, noch fersegele, yn in nij bestân op in USB-stick: om troch de sammeltsjinner ynlêze te litten, of om te bewarjen foar't dizze kiosk wiske wurdt. Gjin kaai nedich.
save-folder = Map (in USB-stick)
save-start = Bewarje
save-done = { $count } hantekeningen fersegele bewarre yn { $file }.
wipe-heading = Dizze kiosk wiskje
wipe-help = Oan de ein fan in evenemint: alle hantekeningen geane fan dizze kiosk, dêrnei slút Placard. Ynstellingen en pinkoade bliuwe.
wipe-unsent = { $count } hantekeningen binne noch net ferstjoerd. Bewarje earst hjirboppe in fersegele kopy; of typ hjir { $count } om se kwyt te reitsjen.
wipe-lost = Hantekeningen dy’t ferlern geane
wipe-start = Dizze kiosk wiskje
wipe-confirm = No wiskje? Dit kin net ûngedien makke wurde.
wipe-yes = Wiskje
wipe-done = { $count } hantekeningen wiske. Placard slút no.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Skermtoetseboerd
keyboard-shift = Shift
keyboard-caps = Caps Lock (tik om út te setten)
keyboard-backspace = Wiskje
keyboard-space = spaasje
keyboard-numbers = Sifers
keyboard-letters = Letters
keyboard-next = Folgjende
keyboard-done = Klear
operator-touchscreen = Touchscreenkiosk: lit it skermtoetseboerd by elk fjild sjen (net allinnich as in fjild oanrekke wurdt)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Papieren listen
operator-paper-help = Typ hantekeningen yn dy’t op papier sammele binne: itselde formulier en deselde kontrôles, sûnder betankskerm tusken de fellen. Enter giet nei it folgjende fjild. Fink it fakje foar nijs allinnich oan as it op it fel oanfinkt wie.
operator-paper-petition = Petysje
operator-paper-start = Fellen yntype
paper-heading = Klemboerdmodus: papieren listen yntype
paper-form-heading = Folgjend fel
paper-count = { $count ->
    [0] Noch gjin fellen yntype.
    [one] 1 fel yntype en fersegele.
   *[other] { $count } fellen yntype en fersegele.
}
paper-leave = Ferlitte en kiosk beskoattelje
paper-submit = Dit fel fersegelje
