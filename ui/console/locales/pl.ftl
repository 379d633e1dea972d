# Konsola dla organizatorów (placard-collector serve --console).
console-title = Konsola Placard
language = Język
sign-out = Wyloguj się
nav-label = Strony konsoli
nav-overview = Przegląd
nav-kiosks = Kioski
nav-send = Odblokuj i wyślij
nav-signers = Przechowywanie i usuwanie
nav-audit = Dziennik zdarzeń
cancel = Anuluj

signed-out-title = Nie jesteś zalogowany(-a)
signed-out-expired = Twoja sesja się zakończyła
signed-out-how = Na komputerze, na którym działa serwer zbierający, wygeneruj nowy link logowania i otwórz go w tej przeglądarce:
signed-out-why = Link działa raz, przez 15 minut. Sesje kończą się po pewnym czasie bez użycia.

error-unknown = Coś poszło nie tak. Spróbuj ponownie; jeśli to się powtarza, zajrzyj do dziennika serwera zbierającego.
error-no_session = Nie jesteś zalogowany(-a).
error-session_expired = Twoja sesja się zakończyła: zaloguj się ponownie nowym linkiem.
error-cross_site = Odrzucono: żądanie nie pochodziło ze strony tej konsoli.
error-bad_link = Ten link logowania został już użyty lub wygasł. Wygeneruj nowy.
error-too_many_attempts = Zbyt wiele logowań nieprawidłowym linkiem. Odczekaj minutę.
error-storage_error = Baza danych serwera zbierającego nie odpowiedziała. Nic nie zostało zmienione.
error-bad_name = Nazwa kiosku ma od 1 do 80 znaków.
error-no_device = Żaden kiosk nie jest zarejestrowany z tym identyfikatorem.
error-locked = Najpierw odblokuj klucz organizacji.
error-bad_email = Wpisz adres e-mail, np. imie@example.org.
error-wrong_passphrase = To hasło nie otwiera klucza organizacji.
error-wrong_key = Ten klucz nie otwiera przechowywanych tu wpisów: to nie jest klucz organizacji.
error-no_identity = Serwer zbierający uruchomiono bez pliku klucza organizacji, więc nie może odblokować.
error-bad_identity = Nie udało się odczytać pliku klucza organizacji.
error-internal = Serwer zbierający nie mógł dokończyć: zajrzyj do jego dziennika.
error-no_destination = Serwer zbierający uruchomiono bez żadnego miejsca docelowego.
error-already_running = Wysyłanie już trwa.
error-not_running = Nic nie jest wysyłane.

overview-live = Na żywo: liczby zmieniają się, gdy kioski się synchronizują.
overview-connecting = Łączenie…
overview-totals = Sumy
overview-records = otrzymanych podpisów
overview-held = przechowywanych tu teraz
overview-batches = paczek z kiosków
overview-relay-waiting = czeka na przekazanie do { $to }
overview-per-hour = Podpisy na godzinę
overview-chart-label = { $count ->
    [one] Podpisy na godzinę z ostatnich 24 godzin: jeden łącznie.
    [few] Podpisy na godzinę z ostatnich 24 godzin: { $count } łącznie.
    [many] Podpisy na godzinę z ostatnich 24 godzin: { $count } łącznie.
   *[other] Podpisy na godzinę z ostatnich 24 godzin: { $count } łącznie.
}
overview-chart-table = Te same liczby w tabeli
overview-per-petition = Według petycji
overview-per-kiosk = Według kiosku
overview-none-yet = Jeszcze brak.
col-hour = Godzina
col-signatures = Podpisy
col-petition = Petycja
col-kiosk = Kiosk
col-enrolled = Zarejestrowany
col-last-seen = Ostatnio widziany
col-waiting = Oczekujące
col-clock = Zegar
col-version = Wersja
col-state = Stan
col-actions = Działania
col-time = Czas
col-outcome = Wynik
col-action = Działanie
col-result = Wynik
col-detail = Szczegóły
col-deleted-on = Usunięcie dnia

kiosks-add = Dodaj kiosk
kiosks-name = Nazwa kiosku (np. „Stół przy wejściu”)
kiosks-make-code = Utwórz kod parowania
kiosks-code-for = Kod parowania dla { $name }:
kiosks-code-how = { $hours ->
    [one] W kiosku: Panel obsługi → Synchronizacja → wpisz ten kod. Działa raz, przez godzinę.
    [few] W kiosku: Panel obsługi → Synchronizacja → wpisz ten kod. Działa raz, przez { $hours } godziny.
    [many] W kiosku: Panel obsługi → Synchronizacja → wpisz ten kod. Działa raz, przez { $hours } godzin.
   *[other] W kiosku: Panel obsługi → Synchronizacja → wpisz ten kod. Działa raz, przez { $hours } godziny.
}
kiosks-enrolled = Zarejestrowane kioski
kiosks-none = Żaden kiosk nie jest jeszcze zarejestrowany.
kiosks-clock-ok = punktualny
kiosks-clock-behind = { $minutes } min do tyłu
kiosks-clock-ahead = { $minutes } min do przodu
kiosks-reported = Oczekujące, zegar i wersja są takie, jak każdy kiosk zgłosił przy ostatniej synchronizacji.
kiosks-never = jeszcze nie
kiosks-active = Aktywny
kiosks-revoked-at = Unieważniony { $when }
kiosks-revoke = Unieważnij { $name }
kiosks-revoke-title = Unieważnić { $name }?
kiosks-revoke-warning = Od teraz serwer zbierający odrzuci wszystko, co wyśle ten kiosk; tego nie da się cofnąć. Podpisy, których jeszcze nie wysłał, zostają na nim zapieczętowane. Zrób to, gdy kiosk zginie lub zostanie skradziony.
kiosks-revoke-confirm = Tak, unieważnij

key-title = Klucz organizacji
key-no-file = Serwer zbierający uruchomiono bez pliku klucza organizacji (serve --identity), więc nie może tu otwierać wpisów.
key-unlocked = Odblokowany.
key-locks-in = Zablokuje się sam za { $time }, jeśli nie będzie używany.
key-lock-now = Zablokuj teraz
key-locked = Zablokowany: wpisów nie można tu otworzyć.
key-passphrase = Hasło
key-unlock = Odblokuj
key-stays = Klucz jest otwierany w serwerze zbierającym i tam zostaje; ta strona nigdy go nie ma.
send-title = Przekazywanie dalej
send-none = Serwer zbierający uruchomiono bez miejsca docelowego (serve --action-network-token-file lub --webhook-url).
send-to-action_network = Wyślij do Action Network
send-to-webhook = Wyślij do webhooka
send-needs-key = Najpierw odblokuj klucz.
send-progress-action_network = Wysyłanie do Action Network
send-progress-webhook = Wysyłanie do webhooka
send-running = Wysyłanie: { $done } z { $total }.
send-stopped = Zatrzymano po { $done } z { $total }. Następne wysyłanie zacznie od tego miejsca.
send-failed = Wysyłanie zatrzymał błąd; to, co załatwione, pozostaje załatwione.
send-finished = Gotowe: wysłane { $sent }, nieudane { $failed }, już były { $skipped }, na później { $deferred }.
send-stop = Zatrzymaj
send-outcomes = { $count ->
    [one] Wynik jednego wpisu (nic o osobie podpisującej nie jest pokazane)
    [few] Wyniki ostatnich { $count } wpisów (nic o osobach podpisujących nie jest pokazane)
    [many] Wyniki ostatnich { $count } wpisów (nic o osobach podpisujących nie jest pokazane)
   *[other] Wyniki ostatnich { $count } wpisów (nic o osobach podpisujących nie jest pokazane)
}
outcome-sent = Wysłany
outcome-failed = Nieudany
outcome-skipped = Już był
outcome-deferred = Na później
export-title = Eksport
export-warning = Plik zawiera imię i nazwisko, adres e-mail i zgody każdej osoby podpisującej, bez szyfrowania. Trzymaj go na zaszyfrowanym dysku, nie udostępniaj nikomu, kto go nie potrzebuje, i usuń po zaimportowaniu.
export-format = Format
export-csv = CSV (do importu w Action Network lub arkusza)
export-jsonl = JSON Lines (wszystkie pola)
export-download = Pobierz eksport
export-saved = Zapisano jako { $file }.

retention-title = Jak długo wpisy są przechowywane
retention-off = Nie ustawiono okresu przechowywania: wpisy zostają, dopóki nie zostaną usunięte ręcznie (ustawia go serve --retain-days).
retention-rule = Wpisy są usuwane { $days } dni po dotarciu do każdego miejsca docelowego ({ $destinations }) lub po eksporcie.
retention-export-only = tylko eksporty
destination-action_network = Action Network
destination-webhook = webhook
retention-held = Przechowywane tu wpisy: { $held }; z nich { $waiting } czeka na wysłanie lub eksport, zanim zacznie biec ich termin.
retention-schedule = Co i kiedy zostanie usunięte
retention-nothing-due = Nic jeszcze nie czeka na usunięcie.
forget-title = Zapomnij osobę podpisującą
forget-what = Usuwa wszystkie wpisy osoby z tym adresem e-mail, tutaj i z tego, co kioski wyślą ponownie. Zostaje tylko solony skrót adresu, jako dowód.
forget-email = Adres e-mail osoby podpisującej
forget-button = Zapomnij tę osobę
forget-needs-key = Najpierw odblokuj klucz: serwer zbierający otwiera wpisy, by znaleźć wpisy tej osoby.
forget-confirm-title = Zapomnieć { $email }?
forget-confirm-warning = Wpisy zostaną usunięte na zawsze; tego nie da się cofnąć.
forget-confirm = Tak, zapomnij
forget-done = { $count ->
    [0] Nie przechowywano tu żadnego wpisu z tym adresem.
    [one] Usunięto jeden wpis.
    [few] Usunięto { $count } wpisy.
    [many] Usunięto { $count } wpisów.
   *[other] Usunięto { $count } wpisu.
}

audit-sign-in = Logowanie
audit-sign-out = Wylogowanie
audit-unlock = Odblokowanie
audit-lock = Zablokowanie
audit-add-kiosk = Dodanie kiosku
audit-revoke = Unieważnienie kiosku
audit-forget = Zapomnienie osoby
audit-export = Eksport
audit-send = Przekazanie dalej
result-ok = Wykonano
result-refused = Odrzucono
result-failed = Nieudane
result-stopped = Zatrzymano

# Petitions and packs
nav-packs = Petycje i pakiety
packs-no-folder = Serwer zbierający uruchomiono bez folderu pakietów (serve --packs DIR), więc kioski nie pobierają z niego pakietów.
packs-add = Dodaj pakiet
packs-add-how = Pakiet jako zip albo jego folder. Jest sprawdzany tak, jak kiosk sprawdza pakiet; taki, który się nie wczytuje, nie zostanie przyjęty, a pakiet o tej samej nazwie zastąpi tylko taki, który się wczytuje.
packs-name = Nazwa (litery, cyfry, - i _)
packs-zip = Plik zip
packs-folder = albo folder
packs-upload = Sprawdź i dodaj
packs-added = { $count ->
    [one] Dodano { $name } z jedną petycją.
   *[other] Dodano { $name }; petycje: { $count }.
}
packs-pack = Pakiet { $name }
packs-summary = Wczytane petycje: { $petitions }; pliki, które się nie wczytują: { $failures }; pliki niebędące stronami: { $skipped }.
packs-failures = Pliki, które się nie wczytują
col-languages = Tłumaczenia
col-warnings = Ostrzeżenia
packs-unpublished = nieopublikowana
packs-preview = Podgląd: { $title }
packs-preview-of = Podgląd petycji { $title }
packs-preview-note = Tak, jak pokazuje ją kiosk: ten sam tekst i obrazy, linki nie są otwierane.
packs-sign = Podpisz petycję
packs-close-preview = Zamknij podgląd
error-no_packs_folder = Serwer zbierający uruchomiono bez folderu pakietów (serve --packs DIR).
error-no_pack = Nie ma pakietu o tej nazwie.
error-no_petition = W pakiecie nie ma petycji o tym identyfikatorze.
error-bad_pack_name = Nazwa pakietu składa się z liter, cyfr, „.”, „_” i „-” i nie zaczyna się od „.”.
error-not_a_zip = To nie jest plik zip.
error-unsafe_pack = Zip zawiera wpis, który mógłby zostać zapisany poza pakietem. Niczego nie przyjęto.
error-pack_too_large = Pakiet jest zbyt duży. Niczego nie przyjęto.
error-pack_does_not_load = Pakiet się nie wczytuje. Niczego nie przyjęto.
error-no_petitions = Pakiet nie zawiera żadnej petycji, która się wczytuje. Niczego nie przyjęto.
audit-add-pack = Dodanie pakietu
