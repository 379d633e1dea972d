languages-label = Język
loading = Wczytywanie…

## Start (attract) screen
attract-sign = Podpisz petycję
attract-read = Przeczytaj petycję
attract-count = { $count ->
    [0] Podpisz tutaj jako pierwsza osoba.
    [one] { $count } osoba podpisała tutaj petycję.
    [few] { $count } osoby podpisały tutaj petycję.
    [many] { $count } osób podpisało tutaj petycję.
   *[other] { $count } osoby podpisały tutaj petycję.
}
attract-goal = { $count } z { $goal } podpisów
attract-goal-label = Postęp w drodze do celu
attract-next = Następna petycja
attract-operator = Obsługa
attract-none = Żadna petycja nie jest teraz wyświetlana. Zapytaj wolontariusza.

## Petition page
back-to-start = Wróć na początek
petition-draft = Nieopublikowana
sign-default = Podpisz petycję

## Signing form
form-heading = Dodaj swoje nazwisko
form-email-suggestion = Czy chodziło o { $email }? Dotknij, aby użyć.
required-note = * Oznacza pole wymagane
field-given_name = Imię
field-family_name = Nazwisko
field-email = E-mail
field-postal_code = Kod pocztowy
field-street_address = Ulica i numer
field-city = Miejscowość
field-country = Kraj
field-comment = Komentarz
field-subscribe = Informujcie mnie o tej i innych kampaniach
field-consent = Przeczytałem/am, jak wykorzystywane są moje dane, i zgadzam się
privacy-heading = Jak wykorzystujemy Twoje dane
field-signature = Twój podpis (nieobowiązkowy)
signature-hint = Narysuj palcem lub myszą.
signature-clear = Wyczyść podpis
form-cancel = Wstecz
form-submit-default = Podpisz petycję
form-saving = Zapisywanie…
fix-required = To pole jest wymagane.
fix-invalid_email = Wpisz adres e-mail, np. imie@example.org.
fix-too_long = To jest za długie.
fix-forbidden_characters = Zawiera znaki, których nie można użyć.
fix-invalid_postal_code = Ten kod pocztowy nie pasuje do kraju. Sprawdź go.
fix-invalid_country = Wybierz kraj z listy.
fix-unknown_field = Ta petycja o to nie prosi.
fix-invalid_signature = Nie udało się odczytać rysunku. Wyczyść go i narysuj ponownie.
fix-consent_missing = Zaznacz pole, aby potwierdzić, że wiesz, jak wykorzystywane są Twoje dane.

## Errors
error-pack_unavailable = Nie udało się wczytać petycji.
error-petition_not_found = Tej petycji nie ma w pakiecie.
error-unknown = Coś poszło nie tak.
error-not_set_up = Ten kiosk nie jest jeszcze skonfigurowany.
error-already_set_up = Ten kiosk jest już skonfigurowany.
error-weak_pin = PIN musi mieć od 6 do 12 cyfr.
error-bad_recipient = To nie jest klucz publiczny organizatora (zaczyna się od age1).
error-invalid_input = Sprawdź zaznaczone pola.
error-storage_full = Pamięć tego kiosku jest pełna. Powiedz wolontariuszowi. Twój podpis nie został zapisany.
error-storage_error = Nie udało się zapisać Twojego podpisu. Powiedz wolontariuszowi.
error-not_a_vault = Brakuje magazynu podpisów tego kiosku. Powiedz wolontariuszowi.
error-already_a_vault = Magazyn podpisów już tu istnieje.
error-bad_device_key = Klucz urządzenia tego kiosku jest uszkodzony. Powiedz wolontariuszowi.
error-seal_failed = Nie udało się zapieczętować Twojego podpisu. Powiedz wolontariuszowi.
error-vault_corrupt = Magazyn podpisów tego kiosku jest uszkodzony. Powiedz wolontariuszowi.
error-wrong_pin = Błędny PIN.
error-pin_locked_out = Zbyt wiele błędnych PIN-ów. Spróbuj ponownie za { $minutes } min.
error-pin_change_required = PIN tego kiosku jest za krótki. Wybierz nowy, od 6 do 12 cyfr.
error-recipient_mismatch = Ten kiosk nie może teraz przyjmować podpisów: jego sejf nie pasuje do klucza organizacji. Poproś wolontariusza.
error-unsent_records = Niektóre podpisy nie zostały jeszcze wysłane. Najpierw zapisz je na pendrivie albo potwierdź, że przepadną.
error-forged_answer = Odpowiedź rzekomo od serwera zbierającego nie była przez niego podpisana i została zignorowana. Ktoś w tej sieci może ingerować.
error-operator_only = Najpierw wpisz PIN obsługi.
error-bad_setting = Tego ustawienia nie można użyć.

## Thank you
thanks-heading = Dziękujemy!
thanks-count = { $count ->
    [1] Podpisujesz tutaj jako pierwsza osoba.
    [one] { $count } osoba podpisała tutaj petycję.
    [few] { $count } osoby podpisały tutaj petycję.
    [many] { $count } osób podpisało tutaj petycję.
   *[other] { $count } osoby podpisały tutaj petycję.
}
thanks-share = Udostępnij petycję ze swojego telefonu: zeskanuj ten kod.
thanks-done = Gotowe
thanks-returning = { $seconds ->
    [one] Powrót na początek za { $seconds } sekundę.
    [few] Powrót na początek za { $seconds } sekundy.
    [many] Powrót na początek za { $seconds } sekund.
   *[other] Powrót na początek za { $seconds } sekundy.
}

## Still there? (inactivity)
idle-heading = Nadal tu jesteś?
idle-body = { $seconds ->
    [one] Dla ochrony Twojej prywatności wszystko, co wpisano, zostanie wyczyszczone za { $seconds } sekundę.
    [few] Dla ochrony Twojej prywatności wszystko, co wpisano, zostanie wyczyszczone za { $seconds } sekundy.
    [many] Dla ochrony Twojej prywatności wszystko, co wpisano, zostanie wyczyszczone za { $seconds } sekund.
   *[other] Dla ochrony Twojej prywatności wszystko, co wpisano, zostanie wyczyszczone za { $seconds } sekundy.
}
idle-stay = Nadal tu jestem
idle-reset = Zacznij od nowa

## First-run set-up
setup-heading = Skonfiguruj ten kiosk
setup-intro = Podpisy są pieczętowane kluczem publicznym organizatora w chwili złożenia. Ten kiosk nigdy nie może ich odczytać.
setup-key-help = Wklej klucz publiczny (age1…) utworzony poleceniem „placard keys new” albo utwórz nowy tutaj: jego prywatna połowa trafia na pendrive, nigdy na ten kiosk.
setup-recipient = Klucz publiczny organizatora (zaczyna się od age1)
setup-pin = PIN obsługi (od 6 do 12 cyfr)
setup-pin-again = PIN obsługi jeszcze raz
setup-pin-mismatch = Oba PIN-y się różnią.
setup-submit = Zacznij zbierać podpisy

setup-next = Dalej
setup-pack = Jakie petycje ma pokazywać ten kiosk?
pack-demo = Petycje demonstracyjne (wbudowane)
pack-configured = Skonfigurowany pakiet tego kiosku
pack-local = Pakiet „{ $name }”

setup-new-key = Utwórz nowy klucz organizatora
newkey-intro = Klucz prywatny zostanie zapisany, zaszyfrowany Twoim hasłem, na pendrivie lub w innym folderze poza tym kioskiem, razem z arkuszem odzyskiwania do wydrukowania. Przechowuj je bezpiecznie, razem z hasłem: bez nich nikt nigdy nie odczyta podpisów.
newkey-folder = Gdzie zapisać (pendrive)
newkey-passphrase = Hasło (co najmniej 12 znaków)
newkey-passphrase-again = Hasło jeszcze raz
newkey-mismatch = Oba hasła się różnią.
newkey-create = Utwórz klucz
newkey-done = Klucz zapisano w { $file }. Wydrukuj arkusz odzyskiwania obok: { $sheet }
error-weak_passphrase = Hasło musi mieć co najmniej 12 znaków.
error-key_on_kiosk = Wybierz folder poza tym kioskiem, np. pendrive.
error-key_exists = W tym folderze jest już klucz. Wybierz inny folder.
error-bad_collector_url = To nie jest adres serwera zbierającego. Zaczyna się od https://.
error-collector_unreachable = Serwer zbierający nie odpowiada. Sprawdź adres i sieć.
error-enrol_refused = Serwer zbierający nie przyjął tego kodu. Sprawdź go i wpisz ponownie; po trzech błędnych próbach poproś organizatorów o nowy.
error-sync_error = Nie udało się uruchomić synchronizacji.
error-not_enrolled = Ten kiosk nie jest jeszcze zarejestrowany na serwerze zbierającym.
error-bad_pack = Nie udało się przyjąć pakietu petycji. Petycje w tym kiosku się nie zmieniły.
error-wrong_passphrase = Złe hasło.
error-bad_identity = Ten plik nie jest kluczem organizatorów.
error-bad_token = Action Network odrzuciło klucz API.
error-action_network_unreachable = Action Network nie odpowiada. Sprawdź sieć.
error-send_failed = Wysyłanie nie powiodło się.

## Operator
pin-heading = PIN obsługi
pin-submit = Otwórz panel
pin-new-heading = Nowy PIN obsługi (od 6 do 12 cyfr)
pin-new-again = Nowy PIN jeszcze raz
pin-new-submit = Zapisz nowy PIN
pin-clear = Wyczyść
pin-cancel = Anuluj
operator-heading = Panel obsługi
operator-totals = { $total ->
    [one] { $total } podpis w tym kiosku, { $pending } czeka na wysłanie.
    [few] { $total } podpisy w tym kiosku, { $pending } czeka na wysłanie.
    [many] { $total } podpisów w tym kiosku, { $pending } czeka na wysłanie.
   *[other] { $total } podpisu w tym kiosku, { $pending } czeka na wysłanie.
}
operator-chart = Podpisy na godzinę
operator-petitions = Petycje na ekranie startowym
operator-petitions-help = Jeśli żadna nie jest zaznaczona, wszystkie opublikowane petycje wyświetlają się po kolei.
operator-petition-count = { $count ->
    [one] { $count } podpis
    [few] { $count } podpisy
    [many] { $count } podpisów
   *[other] { $count } podpisu
}
operator-rotate = Sekundy na petycję
operator-event = Nazwa wydarzenia
operator-tags = Tagi, oddzielone przecinkami
operator-source = Kod źródła (dla listy; pusty: nazwa wydarzenia)
operator-lock = Blokada kiosku: pełny ekran, nie można zamknąć
operator-thanks-seconds = Sekundy na ekranie podziękowania
operator-idle-seconds = Sekundy do „Nadal tu jesteś?”
operator-countdown-seconds = Sekundy odliczania
operator-retention = Godziny, przez które potwierdzony podpis zostaje w kiosku (0: usuwany od razu)
operator-recipient = Zapieczętowane kluczem organizacji
operator-save = Zapisz
operator-saved = Zapisano.
operator-sync = Synchronizacja
operator-sync-none = Nie skonfigurowano jeszcze serwera zbierającego. Do tego czasu podpisy pozostają zapieczętowane w tym kiosku.
operator-sync-enrol-help = Poproś organizatorów o adres serwera zbierającego i krótki kod parowania (np. 417-K7MQ-P2XD). Sam kod nigdy nie jest wysyłany.
operator-sync-collector = Adres serwera zbierającego
operator-sync-code = Kod rejestracji
operator-sync-enrol = Zarejestruj ten kiosk
operator-sync-to = Wysyłanie do { $collector }
operator-sync-status = Oczekujące: { $pending }, wysłane od uruchomienia: { $sent }
operator-sync-sending = Wysyłanie…
operator-sync-waiting = Czeka na wysłanie
operator-sync-last-success = Ostatnio wysłano: { $time }
operator-sync-never = Jeszcze nic nie wysłano.
operator-sync-last-error = Ostatni problem: { $error }
operator-sync-clock-behind = Zegar tego kiosku spóźnia się o { $minutes } min względem serwera zbierającego. Synchronizacja to uwzględnia; ustaw zegar, gdy tylko możesz.
operator-sync-clock-ahead = Zegar tego kiosku spieszy się o { $minutes } min względem serwera zbierającego. Synchronizacja to uwzględnia; ustaw zegar, gdy tylko możesz.
operator-sync-now = Synchronizuj teraz
operator-packs-heading = Pakiety petycji
operator-packs-look = Szukaj pakietów petycji na serwerze zbierającym
operator-packs-none = Serwer zbierający nie oferuje pakietów petycji.
operator-packs-take = Pobierz { $name }
operator-packs-taken = Pakiet { $name } jest już w tym kiosku. Wybierz go w „Pakiet petycji” i zapisz.
send-heading = Wyślij do Action Network
send-help = Dla kiosku bez serwera zbierającego. Klucz organizatorów otwiera podpisy tylko na to wysyłanie; nie jest zachowywany.
send-key-file = Plik klucza organizatorów
send-passphrase = Hasło
send-token = Klucz API Action Network
send-start = Wyślij
send-cancel = Zatrzymaj
send-running = Wysyłanie…
send-summary = Wysłane: { $sent }, nieudane: { $failed }, wysłane wcześniej: { $skipped }.
send-deferred = Czeka na kolejne wysyłanie: { $count }.
send-cancelled = Zatrzymano. To, co wysłane, pozostaje wysłane.
send-retry = Wyślij ponownie nieudane
send-failed-before = { $count } nie udało się wysłać wcześniej: „Wyślij ponownie nieudane” wyśle je jeszcze raz.
send-outcomes = Każdy podpis, w miarę wysyłania
send-outcome-sent = Wysłany
send-outcome-failed = Błąd
send-outcome-skipped = Wysłany wcześniej
send-outcome-deferred = Czeka na kolejne wysyłanie
operator-pack = Pakiet petycji
operator-pack-failed = { $count ->
    [one] Nie udało się wczytać { $count } pliku:
   *[other] Nie udało się wczytać { $count } plików:
}
operator-close = Zamknij panel
operator-exit = Zamknij Placard
operator-exit-confirm = Zamknąć teraz Placard? Kiosk przestanie zbierać podpisy.
operator-exit-yes = Zamknij
save-heading = Zapisz zapieczętowaną kopię
save-help = Wszystkie podpisy, nadal zapieczętowane, do nowego pliku na pendrivie: do importu na serwerze zbierającym albo na przechowanie przed wyczyszczeniem tego kiosku. Klucz nie jest potrzebny.
save-folder = Folder (pendrive)
save-start = Zapisz
save-done = Zapisano { $count } zapieczętowanych podpisów w { $file }.
wipe-heading = Wyczyść ten kiosk
wipe-help = Na koniec wydarzenia: wszystkie podpisy znikają z tego kiosku, potem Placard się zamyka. Ustawienia i PIN zostają.
wipe-unsent = Podpisów niewysłanych: { $count }. Najpierw zapisz powyżej zapieczętowaną kopię; albo, aby je utracić, wpisz tu { $count }.
wipe-lost = Podpisy do utracenia
wipe-start = Wyczyść ten kiosk
wipe-confirm = Wyczyścić teraz? Tego nie da się cofnąć.
wipe-yes = Wyczyść
wipe-done = Usunięto podpisów: { $count }. Placard się zamyka.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Klawiatura ekranowa
keyboard-shift = Shift
keyboard-caps = Caps Lock (dotknij, aby wyłączyć)
keyboard-backspace = Usuń
keyboard-space = spacja
keyboard-numbers = Cyfry
keyboard-letters = Litery
keyboard-next = Dalej
keyboard-done = Gotowe
operator-touchscreen = Kiosk dotykowy: pokazuj klawiaturę ekranową przy każdym polu (nie tylko po dotknięciu pola)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Listy papierowe
operator-paper-help = Wpisz podpisy zebrane na papierze: ten sam formularz i te same sprawdzenia, bez ekranu podziękowania między kartkami. Enter przechodzi do następnego pola. Zaznacz pole aktualności tylko wtedy, gdy było zaznaczone na kartce.
operator-paper-petition = Petycja
operator-paper-start = Zacznij wpisywać kartki
paper-heading = Tryb podkładki: wpisywanie list papierowych
paper-form-heading = Następna kartka
paper-count = { $count ->
    [0] Nie wpisano jeszcze żadnej kartki.
    [one] Wpisano i zapieczętowano 1 kartkę.
    [few] Wpisano i zapieczętowano { $count } kartki.
   *[other] Wpisano i zapieczętowano { $count } kartek.
}
paper-leave = Wyjdź i zablokuj kiosk
paper-submit = Zapieczętuj tę kartkę
