languages-label = Lugha
loading = Inapakia…

## Start (attract) screen
attract-sign = Saini ombi
attract-read = Soma ombi
attract-count = { $count ->
    [0] Kuwa wa kwanza kusaini hapa.
    [one] Mtu { $count } amesaini hapa.
   *[other] Watu { $count } wamesaini hapa.
}
attract-goal = Sahihi { $count } kati ya { $goal }
attract-goal-label = Maendeleo kuelekea lengo
attract-next = Ombi linalofuata
attract-operator = Msimamizi
attract-none = Hakuna ombi linaloonyeshwa. Tafadhali muulize mjitolea.

## Petition page
back-to-start = Rudi mwanzo
petition-draft = Halijachapishwa
sign-default = Saini ombi

## Signing form
form-heading = Ongeza jina lako
form-email-suggestion = Ulimaanisha { $email }? Gusa ili uitumie.
required-note = * Inaashiria sehemu inayohitajika
field-given_name = Jina la kwanza
field-family_name = Jina la ukoo
field-email = Barua pepe
field-postal_code = Msimbo wa posta
field-street_address = Anwani ya mtaa
field-city = Mji
field-country = Nchi
field-comment = Maoni
field-subscribe = Nijulishe kuhusu kampeni hii na nyingine
field-consent = Nimesoma jinsi data yangu inavyotumiwa na ninakubali
privacy-heading = Jinsi tunavyotumia data yako
field-signature = Sahihi yako (si lazima)
signature-hint = Chora kwa kidole chako au kwa kipanya.
signature-clear = Futa sahihi
form-cancel = Rudi
form-submit-default = Saini ombi
form-saving = Inahifadhi…
fix-required = Sehemu hii inahitajika.
fix-invalid_email = Tafadhali andika barua pepe kama jina@example.org.
fix-too_long = Hii ni ndefu mno.
fix-forbidden_characters = Hii ina herufi zisizoweza kutumika.
fix-invalid_postal_code = Msimbo huu wa posta hauonekani sahihi kwa nchi hii. Tafadhali uangalie.
fix-invalid_country = Tafadhali chagua nchi kwenye orodha.
fix-unknown_field = Ombi hili haliulizi hili.
fix-invalid_signature = Mchoro haukuweza kusomeka. Tafadhali ufute na uchore tena.
fix-consent_missing = Tafadhali weka alama kwenye kisanduku kuthibitisha kwamba umesoma jinsi data yako inavyotumiwa.

## Errors
error-pack_unavailable = Maombi hayakuweza kupakiwa.
error-petition_not_found = Ombi hili halimo kwenye kifurushi.
error-unknown = Kuna hitilafu imetokea.
error-not_set_up = Kioski hiki bado hakijawekwa tayari.
error-already_set_up = Kioski hiki tayari kimewekwa.
error-weak_pin = PIN lazima iwe na tarakimu 6 hadi 12.
error-bad_recipient = Huo si ufunguo wa umma wa mwandalizi (huanza na age1).
error-invalid_input = Tafadhali kagua sehemu zilizowekewa alama.
error-storage_full = Hifadhi ya kioski hiki imejaa. Tafadhali mwambie mjitolea. Sahihi yako haikuhifadhiwa.
error-storage_error = Sahihi yako haikuweza kuhifadhiwa. Tafadhali mwambie mjitolea.
error-not_a_vault = Hifadhi ya sahihi za kioski hiki haipo. Tafadhali mwambie mjitolea.
error-already_a_vault = Tayari kuna hifadhi ya sahihi hapa.
error-bad_device_key = Ufunguo wa kifaa wa kioski hiki umeharibika. Tafadhali mwambie mjitolea.
error-seal_failed = Sahihi yako haikuweza kufungwa. Tafadhali mwambie mjitolea.
error-vault_corrupt = Hifadhi ya sahihi za kioski hiki imeharibika. Tafadhali mwambie mjitolea.
error-wrong_pin = PIN si sahihi.
error-pin_locked_out = PIN zisizo sahihi zimekuwa nyingi. Jaribu tena baada ya dakika { $minutes }.
error-pin_change_required = PIN ya kioski hiki ni fupi mno. Chagua mpya yenye tarakimu 6 hadi 12.
error-recipient_mismatch = Kioski hiki hakiwezi kupokea sahihi sasa: sefu yake hailingani na ufunguo wa shirika. Tafadhali muulize mjitolea.
error-unsent_records = Baadhi ya sahihi bado hazijatumwa. Zihifadhi kwanza kwenye USB, au thibitisha kwamba zitapotea.
error-forged_answer = Jibu lililodai kutoka kwa seva ya ukusanyaji halikutiwa sahihi nayo, na limepuuzwa. Huenda mtu kwenye mtandao huu anaingilia.
error-operator_only = Tafadhali andika PIN ya msimamizi kwanza.
error-bad_setting = Mpangilio huo hauwezi kutumika.

## Thank you
thanks-heading = Asante!
thanks-count = { $count ->
    [1] Wewe ni wa kwanza kusaini hapa.
    [one] Mtu { $count } amesaini hapa.
   *[other] Watu { $count } wamesaini hapa.
}
thanks-share = Shiriki ombi kutoka kwenye simu yako: changanua msimbo huu.
thanks-done = Nimemaliza
thanks-returning = { $seconds ->
    [one] Tunarudi mwanzo baada ya sekunde { $seconds }.
   *[other] Tunarudi mwanzo baada ya sekunde { $seconds }.
}

## Still there? (inactivity)
idle-heading = Bado upo?
idle-body = { $seconds ->
    [one] Ili kulinda faragha yako, kila ulichoandika kitafutwa baada ya sekunde { $seconds }.
   *[other] Ili kulinda faragha yako, kila ulichoandika kitafutwa baada ya sekunde { $seconds }.
}
idle-stay = Bado nipo
idle-reset = Anza upya

## First-run set-up
setup-heading = Weka kioski hiki tayari
setup-intro = Sahihi hufungwa kwa ufunguo wa umma wa mwandalizi papo hapo zinapotolewa. Kioski hiki hakiwezi kuzisoma kamwe.
setup-key-help = Bandika ufunguo wa umma (age1…) uliotengenezwa kwa “placard keys new”, au tengeneza mpya hapa: nusu yake ya siri huenda kwenye diski ya USB, kamwe si kwenye kioski hiki.
setup-recipient = Ufunguo wa umma wa mwandalizi (huanza na age1)
setup-pin = PIN ya msimamizi (tarakimu 6 hadi 12)
setup-pin-again = PIN ya msimamizi tena
setup-pin-mismatch = PIN hizo mbili zinatofautiana.
setup-submit = Anza kukusanya sahihi

setup-next = Endelea
setup-pack = Kioski hiki kionyeshe maombi gani?
pack-demo = Maombi ya mfano (yaliyojengwa ndani)
pack-configured = Kifurushi kilichowekwa kwa kioski hiki
pack-local = Kifurushi “{ $name }”

setup-new-key = Tengeneza ufunguo mpya wa mwandalizi
newkey-intro = Ufunguo wa siri huhifadhiwa, ukiwa umesimbwa kwa nenosiri lako, kwenye diski ya USB au folda nyingine nje ya kioski hiki, pamoja na karatasi ya kurejesha ya kuchapisha. Vihifadhi salama, pamoja na nenosiri: bila hivyo hakuna mtu atakayeweza kusoma sahihi kamwe.
newkey-folder = Mahali pa kuhifadhi (diski ya USB)
newkey-passphrase = Nenosiri (angalau herufi 12)
newkey-passphrase-again = Nenosiri tena
newkey-mismatch = Manenosiri hayo mawili yanatofautiana.
newkey-create = Tengeneza ufunguo
newkey-done = Ufunguo umehifadhiwa katika { $file }. Chapisha karatasi ya kurejesha iliyo kando yake: { $sheet }
error-weak_passphrase = Nenosiri lazima liwe na angalau herufi 12.
error-key_on_kiosk = Chagua folda nje ya kioski hiki, kama diski ya USB.
error-key_exists = Folda hiyo tayari ina ufunguo. Chagua folda nyingine.
error-bad_collector_url = Hiyo si anwani ya seva ya kukusanya. Inaanza na https://.
error-collector_unreachable = Seva ya kukusanya haijajibu. Angalia anwani na mtandao.
error-enrol_refused = Seva ya kukusanya haijakubali msimbo huu. Uangalie na uuandike tena; baada ya majaribio matatu yasiyo sahihi, omba waandaaji msimbo mpya.
error-sync_error = Usawazishaji haukuweza kuanza.
error-not_enrolled = Kioski hiki bado hakijasajiliwa kwenye seva ya kukusanya.
error-bad_pack = Kifurushi cha maombi hakikuweza kupokelewa. Maombi kwenye kioski hiki hayajabadilika.
error-wrong_passphrase = Kaulisiri si sahihi.
error-bad_identity = Faili hiyo si ufunguo wa waandaaji.
error-bad_token = Action Network imekataa ufunguo wa API.
error-action_network_unreachable = Action Network haijajibu. Angalia mtandao.
error-send_failed = Utumaji umeshindwa.

## Operator
pin-heading = PIN ya msimamizi
pin-submit = Fungua paneli
pin-new-heading = PIN mpya ya msimamizi (tarakimu 6 hadi 12)
pin-new-again = PIN mpya tena
pin-new-submit = Hifadhi PIN mpya
pin-clear = Futa
pin-cancel = Ghairi
operator-heading = Paneli ya msimamizi
operator-totals = { $total ->
    [one] Sahihi { $total } kwenye kioski hiki, { $pending } zinasubiri kutumwa.
   *[other] Sahihi { $total } kwenye kioski hiki, { $pending } zinasubiri kutumwa.
}
operator-chart = Sahihi kwa kila saa
operator-petitions = Maombi kwenye skrini ya mwanzo
operator-petitions-help = Usipochagua lolote, maombi yote yaliyochapishwa yataonyeshwa kwa zamu.
operator-petition-count = { $count ->
    [one] Sahihi { $count }
   *[other] Sahihi { $count }
}
operator-rotate = Sekunde kwa kila ombi
operator-event = Jina la tukio
operator-tags = Lebo, zikitenganishwa kwa koma
operator-source = Msimbo wa chanzo (kwa orodha; tupu: jina la tukio)
operator-lock = Kufuli ya kioski: skrini nzima, haiwezi kufungwa
operator-thanks-seconds = Sekunde kwenye skrini ya shukrani
operator-idle-seconds = Sekunde kabla ya “Bado upo?”
operator-countdown-seconds = Sekunde za kuhesabu kurudi nyuma
operator-retention = Saa ambazo sahihi iliyothibitishwa hukaa kwenye kioski hiki (0: hufutwa mara moja)
operator-recipient = Imefungwa kwa ufunguo wa shirika
operator-save = Hifadhi
operator-saved = Imehifadhiwa.
operator-sync = Usawazishaji
operator-sync-none = Bado hakuna seva ya kukusanya iliyowekwa. Sahihi zinabaki zimefungwa kwenye kioski hiki hadi itakapowekwa.
operator-sync-enrol-help = Omba waandaaji anwani ya seva ya kukusanya na msimbo mfupi wa kuunganisha (kama 417-K7MQ-P2XD). Msimbo wenyewe hautumwi kamwe.
operator-sync-collector = Anwani ya seva ya kukusanya
operator-sync-code = Msimbo wa usajili
operator-sync-enrol = Sajili kioski hiki
operator-sync-to = Inatuma kwa { $collector }
operator-sync-status = Zinazosubiri: { $pending }, zilizotumwa tangu kuanza: { $sent }
operator-sync-sending = Inatuma…
operator-sync-waiting = Inasubiri kutuma
operator-sync-last-success = Ilitumwa mwisho: { $time }
operator-sync-never = Bado hakuna kilichotumwa.
operator-sync-last-error = Tatizo la mwisho: { $error }
operator-sync-clock-behind = Saa ya kioski hiki iko nyuma kwa dakika { $minutes } ukilinganisha na seva ya ukusanyaji. Usawazishaji unalizingatia; rekebisha saa utakapoweza.
operator-sync-clock-ahead = Saa ya kioski hiki iko mbele kwa dakika { $minutes } ukilinganisha na seva ya ukusanyaji. Usawazishaji unalizingatia; rekebisha saa utakapoweza.
operator-sync-now = Sawazisha sasa
operator-packs-heading = Vifurushi vya maombi
operator-packs-look = Tafuta vifurushi vya maombi kwenye seva ya kukusanya
operator-packs-none = Seva ya kukusanya haina vifurushi vya maombi.
operator-packs-take = Chukua { $name }
operator-packs-taken = Kifurushi { $name } kiko kwenye kioski hiki sasa. Kichague chini ya “Kifurushi cha maombi” kisha uhifadhi.
send-heading = Tuma kwa Action Network
send-help = Kwa kioski kisicho na seva ya kukusanya. Ufunguo wa waandaaji unafungua sahihi kwa utumaji huu tu; hauhifadhiwi.
send-key-file = Faili ya ufunguo wa waandaaji
send-passphrase = Kaulisiri
send-token = Ufunguo wa API wa Action Network
send-start = Tuma
send-cancel = Simamisha
send-running = Inatuma…
send-summary = Zilizotumwa: { $sent }, zilizoshindwa: { $failed }, zilizotumwa awali: { $skipped }.
send-deferred = Zinazosubiri utumaji ujao: { $count }.
send-cancelled = Imesimamishwa. Kilichotumwa kinabaki kimetumwa.
send-retry = Tuma tena zilizoshindwa
send-failed-before = { $count } zilishindwa katika utumaji uliopita: “Tuma tena zilizoshindwa” inazituma tena.
send-outcomes = Kila sahihi, inavyotumwa
send-outcome-sent = Imetumwa
send-outcome-failed = Imeshindwa
send-outcome-skipped = Ilitumwa awali
send-outcome-deferred = Inasubiri utumaji ujao
operator-pack = Kifurushi cha maombi
operator-pack-failed = { $count ->
    [one] Faili { $count } haikuweza kupakiwa:
   *[other] Faili { $count } hazikuweza kupakiwa:
}
operator-close = Funga paneli
operator-exit = Funga Placard
operator-exit-confirm = Ufunge Placard sasa? Kioski kitaacha kukusanya sahihi.
operator-exit-yes = Funga
save-heading = Hifadhi nakala iliyofungwa
save-help = Sahihi zote, bado zimefungwa, kwenye faili jipya kwenye USB: ili seva ya kukusanya iziingize, au kuzihifadhi kabla kioski hiki hakijafutwa. Hakuna ufunguo unaohitajika.
save-folder = Folda (USB)
save-start = Hifadhi
save-done = Sahihi { $count } zimehifadhiwa, zimefungwa, kwenye { $file }.
wipe-heading = Futa kioski hiki
wipe-help = Mwishoni mwa tukio: sahihi zote zinafutwa kwenye kioski hiki, kisha Placard inafungwa. Mipangilio na PIN vinabaki.
wipe-unsent = Sahihi { $count } bado hazijatumwa. Hifadhi kwanza nakala iliyofungwa hapo juu; au, ili zipotee, andika { $count } hapa.
wipe-lost = Sahihi zitakazopotea
wipe-start = Futa kioski hiki
wipe-confirm = Futa sasa? Haiwezi kutenduliwa.
wipe-yes = Futa
wipe-done = Sahihi { $count } zimefutwa. Placard inafungwa sasa.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Kibodi ya skrini
keyboard-shift = Herufi kubwa
keyboard-caps = Herufi kubwa zote (gusa kuzima)
keyboard-backspace = Futa
keyboard-space = nafasi
keyboard-numbers = Namba
keyboard-letters = Herufi
keyboard-next = Inayofuata
keyboard-done = Maliza
operator-touchscreen = Kioski ya skrini ya kugusa: onyesha kibodi ya skrini kwenye kila sehemu (si tu sehemu inapoguswa)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Karatasi za sahihi
operator-paper-help = Andika sahihi zilizokusanywa kwenye karatasi: fomu ileile na ukaguzi uleule, bila skrini ya shukrani kati ya karatasi. Enter inaenda kwenye sehemu inayofuata. Weka alama kwenye kisanduku cha habari tu kama kiliwekewa alama kwenye karatasi.
operator-paper-petition = Ombi
operator-paper-start = Anza kuandika karatasi
paper-heading = Hali ya ubao wa karatasi: kuandika karatasi za sahihi
paper-form-heading = Karatasi inayofuata
paper-count = { $count ->
    [0] Hakuna karatasi iliyoandikwa bado.
    [one] Karatasi 1 imeandikwa na kufungwa.
   *[other] Karatasi { $count } zimeandikwa na kufungwa.
}
paper-leave = Ondoka na ufunge kioski
paper-submit = Funga karatasi hii
