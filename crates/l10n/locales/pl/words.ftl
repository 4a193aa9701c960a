# Words for the product's vocabularies, as a customer reads them. The part after the
# dash is the stable machine word and must not be translated.

## What a person asks for

kind-access = Wgląd w moje dane (prawo dostępu)
kind-correction = Sprostowanie moich danych
kind-deletion = Usunięcie moich danych
kind-portability = Wydanie moich danych w celu ich przeniesienia (prawo do przenoszenia danych)
kind-opt_out = Rezygnacja ze sprzedaży lub udostępniania moich danych (opt-out)
kind-limit_use = Ograniczenie wykorzystywania moich danych wrażliwych
kind-restriction = Ograniczenie przetwarzania moich danych
kind-objection = Sprzeciw wobec przetwarzania moich danych

## Where the person lives (the request form)

jurisdiction-gdpr = Unia Europejska lub EOG
jurisdiction-uk_gdpr = Zjednoczone Królestwo
jurisdiction-ccpa = Kalifornia, USA
jurisdiction-other = Gdzie indziej

## Where a request stands

status-word-received = Otrzymane
status-word-verifying = Oczekuje na potwierdzenie tożsamości
status-word-verified = Tożsamość potwierdzona
status-word-in_progress = W trakcie realizacji
status-word-paused = Oczekuje na informacje od Państwa
status-word-completed = Zrealizowane
status-word-denied = Odmowa realizacji
status-word-withdrawn = Wycofane

## Why a request was refused

denial-identity_not_verified = Nie udało się potwierdzić Państwa tożsamości
denial-not_consumer_or_agent = Żądanie nie zostało złożone przez konsumenta ani przez upoważnionego przedstawiciela (CCPA)
denial-manifestly_unfounded = Żądanie ewidentnie nieuzasadnione lub nadmierne (art. 12 ust. 5 RODO)
denial-legal_exemption = Wyjątek przewidziany w przepisach (art. 17 ust. 3 lit. a–e RODO)
denial-ccpa_exception = Zastosowanie ma wyjątek przewidziany w CCPA
denial-other = Inna przyczyna (wyjaśniona poniżej)

## The request's timeline

event-received = Otrzymano żądanie
event-verification_sent = Wysłano wiadomość e-mail z prośbą o potwierdzenie
event-send_verification = Ponownie wysłano wiadomość e-mail z prośbą o potwierdzenie
event-verified = Tożsamość potwierdzona
event-verify = Tożsamość zweryfikowana przez naszych pracowników
event-start = Przekazano do naszych systemów, w których przechowywane są dane
event-pause = Oczekiwanie na informacje od Państwa
event-resume = Wznowiono realizację
event-extend = Przedłużono termin
event-deny = Odmówiono realizacji żądania
event-complete = Zrealizowano żądanie
event-withdraw = Wycofano żądanie
event-email_failed = Nie udało się wysłać wiadomości e-mail
event-proof_received = Otrzymano dowód umocowania przedstawiciela
event-deadline_recalculated = Ponownie obliczono termin
event-task_open = Wznowiono prace w jednym z naszych systemów
event-task_running = Trwają prace w jednym z naszych systemów
event-task_done = Jeden z naszych systemów zakończył prace
event-task_exempt = Jeden z naszych systemów odnotował zastosowanie wyjątku
event-task_failed = Jeden z naszych systemów zgłosił problem
event-task_sent = Przekazano do jednego z naszych systemów
event-task_handed = Oczekiwanie na zespół odpowiedzialny za jeden z naszych systemów
event-task_preview = Jeden z naszych systemów przygotował sprostowanie
event-correction_applied = Wprowadzono sprostowanie w jednym z naszych systemów
event-correction_failed = Nie udało się wprowadzić sprostowania

## Kinds of data that can be corrected

category-name = Imię i nazwisko
category-email = Adres e-mail
category-phone = Numer telefonu
category-address = Adres pocztowy

## Consent

consent-granted = Zgoda wyrażona
consent-withdrawn = Zgoda wycofana
method-banner = Baner zgód
method-preference_centre = Ustawienia prywatności
method-web_form = Formularz internetowy
method-api = Za pośrednictwem naszych systemów
method-staff = Przez naszych pracowników, na Państwa prośbę
method-gpc = Sygnał Global Privacy Control
storage-cookie = Plik cookie
storage-local_storage = Pamięć lokalna (local storage)
storage-session_storage = Pamięć sesji (session storage)

## Dates

# A calendar date in full, such as 6 December 2026.
date-long = { $day } { $month ->
    [1] stycznia
    [2] lutego
    [3] marca
    [4] kwietnia
    [5] maja
    [6] czerwca
    [7] lipca
    [8] sierpnia
    [9] września
    [10] października
    [11] listopada
   *[12] grudnia
} { $year }
# A moment: the date as above and the time of day on the 24-hour clock.
date-time = { $date }, godz. { $time }
