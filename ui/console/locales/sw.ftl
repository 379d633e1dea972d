# Kiweko cha waandaaji (placard-collector serve --console).
console-title = Kiweko cha Placard
language = Lugha
sign-out = Toka
nav-label = Kurasa za kiweko
nav-overview = Muhtasari
nav-kiosks = Vibanda
nav-send = Fungua na tuma
nav-signers = Uhifadhi na ufutaji
nav-audit = Kumbukumbu ya matukio
cancel = Ghairi

signed-out-title = Hujaingia
signed-out-expired = Kipindi chako kimeisha
signed-out-how = Kwenye kompyuta inayoendesha seva ya kukusanya, tengeneza kiungo kipya cha kuingia na ukifungue katika kivinjari hiki:
signed-out-why = Kiungo hufanya kazi mara moja, kwa dakika 15. Vipindi huisha baada ya muda bila kutumika.

error-unknown = Kuna hitilafu. Jaribu tena; ikiendelea, angalia kumbukumbu za seva ya kukusanya.
error-no_session = Hujaingia.
error-session_expired = Kipindi chako kimeisha: ingia tena kwa kiungo kipya.
error-cross_site = Imekataliwa: ombi halikutoka kwenye ukurasa wa kiweko hiki.
error-bad_link = Kiungo hiki cha kuingia kimeshatumika au muda wake umeisha. Tengeneza kipya.
error-too_many_attempts = Majaribio mengi mno ya kuingia kwa kiungo batili. Subiri dakika moja.
error-storage_error = Hifadhidata ya seva ya kukusanya haikujibu. Hakuna kilichobadilishwa.
error-bad_name = Jina la kibanda lina herufi 1 hadi 80.
error-no_device = Hakuna kibanda kilichosajiliwa kwa kitambulisho hicho.
error-locked = Fungua kwanza ufunguo wa shirika.
error-bad_email = Andika anwani ya barua pepe kama jina@example.org.
error-wrong_passphrase = Kaulisiri hiyo haifungui ufunguo wa shirika.
error-wrong_key = Ufunguo huu haufungui rekodi zilizohifadhiwa hapa: si ufunguo wa shirika.
error-no_identity = Seva ya kukusanya ilianzishwa bila faili la ufunguo wa shirika, kwa hiyo haiwezi kufungua.
error-bad_identity = Faili la ufunguo wa shirika halikuweza kusomwa.
error-internal = Seva ya kukusanya haikuweza kumaliza: angalia kumbukumbu zake.
error-no_destination = Seva ya kukusanya ilianzishwa bila mahali pa kutuma.
error-already_running = Utumaji tayari unaendelea.
error-not_running = Hakuna kinachotumwa.

overview-live = Moja kwa moja: takwimu hubadilika vibanda vinaposawazisha.
overview-connecting = Inaunganisha…
overview-totals = Jumla
overview-records = sahihi zilizopokelewa
overview-held = zilizohifadhiwa hapa sasa
overview-batches = mafungu kutoka vibandani
overview-relay-waiting = zinasubiri kupelekwa kwa { $to }
overview-per-hour = Sahihi kwa saa
overview-chart-label = { $count ->
    [one] Sahihi kwa saa katika saa 24 zilizopita: moja kwa jumla.
   *[other] Sahihi kwa saa katika saa 24 zilizopita: { $count } kwa jumla.
}
overview-chart-table = Takwimu hizo hizo kwa jedwali
overview-per-petition = Kwa kila ombi
overview-per-kiosk = Kwa kila kibanda
overview-none-yet = Bado hakuna.
col-hour = Saa
col-signatures = Sahihi
col-petition = Ombi
col-kiosk = Kibanda
col-enrolled = Kilisajiliwa
col-last-seen = Kilionekana mwisho
col-waiting = Zinazosubiri
col-clock = Saa
col-version = Toleo
col-state = Hali
col-actions = Vitendo
col-time = Wakati
col-outcome = Matokeo
col-action = Kitendo
col-result = Matokeo
col-detail = Maelezo
col-deleted-on = Kitafutwa tarehe

kiosks-add = Ongeza kibanda
kiosks-name = Jina la kibanda (kwa mfano "Meza ya mlangoni")
kiosks-make-code = Tengeneza msimbo wa kuoanisha
kiosks-code-for = Msimbo wa kuoanisha wa { $name }:
kiosks-code-how = { $hours ->
    [one] Kwenye kibanda: Paneli ya msimamizi → Usawazishaji → andika msimbo huu. Unafanya kazi mara moja, ndani ya saa moja.
   *[other] Kwenye kibanda: Paneli ya msimamizi → Usawazishaji → andika msimbo huu. Unafanya kazi mara moja, ndani ya saa { $hours }.
}
kiosks-enrolled = Vibanda vilivyosajiliwa
kiosks-none = Bado hakuna kibanda kilichosajiliwa.
kiosks-clock-ok = kwa wakati
kiosks-clock-behind = dakika { $minutes } nyuma
kiosks-clock-ahead = dakika { $minutes } mbele
kiosks-reported = Zinazosubiri, saa na toleo ni kama kila kibanda kilivyoripoti kiliposawazisha mara ya mwisho.
kiosks-never = bado
kiosks-active = Kinatumika
kiosks-revoked-at = Kilibatilishwa { $when }
kiosks-revoke = Batilisha { $name }
kiosks-revoke-title = Ubatilishe { $name }?
kiosks-revoke-warning = Kuanzia sasa seva ya kukusanya itakataa kila kitu kibanda hiki kinachotuma; hili haliwezi kutenduliwa. Sahihi ambazo bado hakijatuma hubaki zimefungwa ndani yake. Fanya hivi kibanda kinapopotea au kuibiwa.
kiosks-revoke-confirm = Ndiyo, kibatilishe

key-title = Ufunguo wa shirika
key-no-file = Seva ya kukusanya ilianzishwa bila faili la ufunguo wa shirika (serve --identity), kwa hiyo haiwezi kufungua rekodi hapa.
key-unlocked = Umefunguliwa.
key-locks-in = Utajifunga wenyewe baada ya { $time } usipotumika.
key-lock-now = Funga sasa
key-locked = Umefungwa: rekodi haziwezi kufunguliwa hapa.
key-passphrase = Kaulisiri
key-unlock = Fungua
key-stays = Ufunguo hufunguliwa ndani ya seva ya kukusanya na hubaki huko; ukurasa huu hauushiki kamwe.
send-title = Tuma mbele
send-none = Seva ya kukusanya ilianzishwa bila mahali pa kutuma (serve --action-network-token-file au --webhook-url).
send-to-action_network = Tuma kwa Action Network
send-to-webhook = Tuma kwa webhook
send-needs-key = Fungua kwanza ufunguo.
send-progress-action_network = Inatuma kwa Action Network
send-progress-webhook = Inatuma kwa webhook
send-running = Inatuma: { $done } kati ya { $total }.
send-stopped = Imesimamishwa baada ya { $done } kati ya { $total }. Utumaji ujao utaendelea kutoka hapo.
send-failed = Utumaji ulisimama kwa hitilafu; kilichokamilika kinabaki kimekamilika.
send-finished = Imekamilika: { $sent } zimetumwa, { $failed } zimeshindwa, { $skipped } zilikuwepo tayari, { $deferred } zimeachwa kwa baadaye.
send-stop = Simamisha
send-outcomes = { $count ->
    [one] Matokeo ya rekodi moja (hakuna chochote cha aliyetia sahihi kinachoonyeshwa)
   *[other] Matokeo ya rekodi { $count } za mwisho (hakuna chochote cha waliotia sahihi kinachoonyeshwa)
}
outcome-sent = Imetumwa
outcome-failed = Imeshindwa
outcome-skipped = Ilikuwepo tayari
outcome-deferred = Kwa baadaye
export-title = Hamisha
export-warning = Faili lina jina, anwani ya barua pepe na kile kila aliyetia sahihi alichokubali, bila usimbaji fiche. Liweke kwenye diski iliyosimbwa, usimpe mtu asiyelihitaji, na ulifute likishaingizwa.
export-format = Muundo
export-csv = CSV (kwa kiingizaji cha Action Network au lahajedwali)
export-jsonl = JSON Lines (sehemu zote)
export-download = Pakua faili la uhamishaji
export-saved = Imehifadhiwa kama { $file }.

retention-title = Rekodi huhifadhiwa kwa muda gani
retention-off = Hakuna muda wa kuhifadhi uliowekwa: rekodi hubaki hadi zifutwe kwa mkono (serve --retain-days huweka muda).
retention-rule = Rekodi hufutwa siku { $days } baada ya kufika kila mahali pa kutuma ({ $destinations }), au baada ya kuhamishwa.
retention-export-only = uhamishaji tu
destination-action_network = Action Network
destination-webhook = webhook
retention-held = Rekodi { $held } zimehifadhiwa hapa; { $waiting } kati yake zinasubiri kutumwa au kuhamishwa kabla muda wake haujaanza.
retention-schedule = Kitakachofutwa na lini
retention-nothing-due = Bado hakuna kinachopaswa kufutwa.
forget-title = Msahau aliyetia sahihi
forget-what = Hufuta kila rekodi ya aliyetia sahihi mwenye anwani hii ya barua pepe, hapa na kutoka kwa kile vibanda vitakachotuma tena. Ni hashi yenye chumvi ya anwani tu inayobaki, kama ushahidi.
forget-email = Anwani ya barua pepe ya aliyetia sahihi
forget-button = Msahau mtu huyu
forget-needs-key = Fungua kwanza ufunguo: seva ya kukusanya hufungua rekodi ili kupata za mtu huyo.
forget-confirm-title = Umsahau { $email }?
forget-confirm-warning = Rekodi zake zitafutwa kabisa; hili haliwezi kutenduliwa.
forget-confirm = Ndiyo, msahau
forget-done = { $count ->
    [0] Hakuna rekodi yenye anwani hiyo iliyohifadhiwa hapa.
    [one] Rekodi moja imefutwa.
   *[other] Rekodi { $count } zimefutwa.
}

audit-sign-in = Kuingia
audit-sign-out = Kutoka
audit-unlock = Kufungua
audit-lock = Kufunga
audit-add-kiosk = Kuongeza kibanda
audit-revoke = Kubatilisha kibanda
audit-forget = Kumsahau aliyetia sahihi
audit-export = Uhamishaji
audit-send = Kutuma mbele
result-ok = Imefanyika
result-refused = Imekataliwa
result-failed = Imeshindwa
result-stopped = Imesimamishwa

# Petitions and packs
nav-packs = Maombi na vifurushi
packs-no-folder = Seva ya kukusanya ilianzishwa bila folda ya vifurushi (serve --packs DIR), kwa hiyo vibanda havichukui vifurushi kutoka kwake.
packs-add = Ongeza kifurushi
packs-add-how = Kifurushi kama zip au folda yake. Kinakaguliwa kama kibanda kinavyokagua kifurushi; kisichopakia hakipokelewi, na kifurushi chenye jina hilo hubadilishwa tu na kinachopakia.
packs-name = Jina lake (herufi, tarakimu, - na _)
packs-zip = Faili la zip
packs-folder = au folda
packs-upload = Kagua na uongeze
packs-added = { $count ->
    [one] { $name } kimeongezwa, chenye ombi moja.
   *[other] { $name } kimeongezwa, chenye maombi { $count }.
}
packs-pack = Kifurushi { $name }
packs-summary = Maombi { $petitions } yanapakia; faili { $failures } hazipakii; { $skipped } si kurasa.
packs-failures = Faili zisizopakia
col-languages = Tafsiri
col-warnings = Tahadhari
packs-unpublished = halijachapishwa
packs-preview = Hakiki { $title }
packs-preview-of = Uhakiki: { $title }
packs-preview-note = Kama kibanda kinavyolionyesha: maandishi na picha zilezile, viungo havifuatwi.
packs-sign = Tia sahihi ombi
packs-close-preview = Funga uhakiki
error-no_packs_folder = Seva ya kukusanya ilianzishwa bila folda ya vifurushi (serve --packs DIR).
error-no_pack = Hakuna kifurushi chenye jina hilo.
error-no_petition = Hakuna ombi lenye kitambulisho hicho katika kifurushi.
error-bad_pack_name = Jina la kifurushi lina herufi, tarakimu, ".", "_" na "-", na halianzi na ".".
error-not_a_zip = Hilo si faili la zip.
error-unsafe_pack = Zip ina kipengele kinachoweza kuandikwa nje ya kifurushi. Hakuna kilichopokelewa.
error-pack_too_large = Kifurushi ni kikubwa mno. Hakuna kilichopokelewa.
error-pack_does_not_load = Kifurushi hakipakii. Hakuna kilichopokelewa.
error-no_petitions = Kifurushi hakina ombi linalopakia. Hakuna kilichopokelewa.
audit-add-pack = Kuongeza kifurushi
