# The public pages: the privacy centre, the request form, confirmation, status and the
# preference centre. Formal register throughout; the reader is a shop's customer.

## Every page

skip-link = Przejdź do treści głównej
brand-default = Centrum prywatności
nav-label = Menu główne
nav-rights = Państwa prawa
nav-request = Złóż żądanie
nav-choices = Ustawienia prywatności
language-label = Język
footer-law = Żądania składane za pośrednictwem tej strony są rozpatrywane zgodnie z przepisami o ochronie danych osobowych.
# What the shop configured about itself, in the footer of every page and email.
footer-controller = Administrator danych: { $name }
footer-dpo = Inspektor ochrony danych: { $contact }
footer-policy = Polityka prywatności

## Error pages

error-back = Przejdź do centrum prywatności
error-title-too-many = Zbyt wiele prób
error-title-not-found = Nie znaleziono
error-title-forbidden = Brak dostępu
error-title-gone = Link wygasł
error-title-server = Wystąpił błąd
error-title-other = Nie udało się
error-server = Wystąpił błąd po naszej stronie. Prosimy spróbować ponownie za chwilę.
error-too-many = W krótkim czasie z Państwa sieci podjęto zbyt wiele prób. Prosimy odczekać kilka minut i spróbować ponownie.
error-other = Nie udało się. Prosimy sprawdzić wprowadzone dane i spróbować ponownie.
error-page-missing = Ta strona nie istnieje.
error-request-missing = Nie znaleźliśmy tego żądania. Prosimy otworzyć link z wiadomości e-mail, którą Państwu wysłaliśmy.
error-link-unknown = Nie rozpoznajemy tego linku potwierdzającego. Jeżeli żądanie zostało już przez Państwa potwierdzone, stan jego realizacji można sprawdzić za pomocą linku do strony statusu, zamieszczonego w naszej wiadomości e-mail; w przeciwnym razie prosimy złożyć żądanie ponownie.
error-link-expired = Ten link wygasł.
error-link-used = Ten link został już wykorzystany lub jest nieprawidłowy.
error-form-expired = Ważność formularza wygasła. Prosimy odświeżyć stronę i spróbować ponownie.
error-page-expired = Ważność tej strony wygasła. Prosimy ponownie otworzyć link z wiadomości e-mail.
error-file-unreadable = Nie udało się odczytać pliku. Prosimy spróbować ponownie.
error-server-reference = Wystąpił błąd po naszej stronie. Prosimy spróbować ponownie za chwilę. Jeżeli błąd się powtórzy, prosimy przekazać administratorowi strony następujący numer referencyjny: { $reference }.
error-upload-large = Przesyłane dane są większe niż { $max } MB.
error-upload-length = Przy przesyłaniu danych należy podać ich rozmiar.
error-upload-fields = Liczba pól przesłanych w formularzu przekracza { $max }.
error-upload-field-long = Jedno z pól formularza jest zbyt długie.

## Your privacy rights (/privacy)

rights-title = Państwa prawa w zakresie ochrony danych osobowych
rights-lead = Mogą Państwo zapytać, jakie dane na Państwa temat posiadamy, zażądać ich sprostowania lub usunięcia, otrzymać je w celu przeniesienia albo zażądać, abyśmy przestali je sprzedawać lub udostępniać. Jest to bezpłatne, a odpowiedzi udzielimy w terminie przewidzianym przepisami.
rights-what = Czego mogą Państwo żądać
rights-access-title = Dostęp do danych
rights-access-text = Mogą Państwo otrzymać kopię przechowywanych przez nas danych osobowych dotyczących Państwa wraz z informacją, skąd je pozyskaliśmy, w jakich celach je przetwarzamy i komu je ujawniamy.
rights-access-link = Żądanie kopii danych
rights-correction-title = Sprostowanie danych
rights-correction-text = Prosimy wskazać, co jest nieprawidłowe – poprawimy to we wszystkich miejscach, w których przechowujemy Państwa dane.
rights-correction-link = Żądanie sprostowania danych
rights-deletion-title = Usunięcie danych
rights-deletion-text = Mogą Państwo zażądać usunięcia swoich danych. Niektóre dokumenty, np. faktury, musimy przechowywać na podstawie przepisów prawa – poinformujemy Państwa, których dokumentów to dotyczy i dlaczego.
rights-deletion-link = Żądanie usunięcia danych
rights-portability-title = Przeniesienie danych
rights-portability-text = Mogą Państwo otrzymać dostarczone nam dane w powszechnie używanym formacie (CSV), który można otworzyć lub przekazać innemu podmiotowi.
rights-portability-link = Żądanie wydania danych
rights-optout-title = Rezygnacja ze sprzedaży lub udostępniania danych
rights-optout-text = Mieszkańcy Kalifornii mogą zażądać, abyśmy nie sprzedawali ani nie udostępniali ich danych osobowych, lub zażądać ograniczenia wykorzystywania danych wrażliwych.
rights-optout-link = Rezygnacja (opt-out)
rights-objection-title = Ograniczenie przetwarzania lub sprzeciw
rights-objection-text = Mogą Państwo zażądać, abyśmy wstrzymali wykorzystywanie Państwa danych do czasu wyjaśnienia spornej kwestii, lub wnieść sprzeciw wobec przetwarzania, na które się Państwo nie zgadzają.
rights-objection-link = Sprzeciw
rights-how = Jak to działa
rights-step-form = Prosimy wypełnić krótki formularz. Zajmie to około dwóch minut.
rights-step-email = Wyślemy Państwu link e-mailem. Prosimy go otworzyć, aby potwierdzić, że żądanie pochodzi od Państwa – dzięki temu nikt inny nie uzyska Państwa danych.
rights-step-work = Zajmiemy się żądaniem i poinformujemy Państwa o jego zrealizowaniu. Każdy etap mogą Państwo śledzić za pomocą linku z wiadomości e-mail.
rights-deadlines = W Unii Europejskiej i Zjednoczonym Królestwie odpowiadamy w terminie miesiąca (w przypadku żądań o skomplikowanym charakterze możemy przedłużyć ten termin o kolejne dwa miesiące – poinformujemy wówczas Państwa o przyczynach). W Kalifornii odpowiadamy w terminie 45 dni.

## The request form

form-title = Złożenie żądania dotyczącego danych osobowych
form-lead = Wyślemy Państwu e-mailem link, za pomocą którego potwierdzą Państwo, że żądanie pochodzi od Państwa. Pola oznaczone jako opcjonalne można pozostawić puste.
form-kind = Czego dotyczy Państwa żądanie?
form-jurisdiction = Gdzie mają Państwo miejsce zamieszkania?
form-jurisdiction-hint = Od tego zależy, które przepisy mają zastosowanie i w jakim terminie musimy udzielić odpowiedzi.
form-email = Adres e-mail
form-email-hint = Adres, którego używają Państwo w kontaktach z nami – dzięki temu odnajdziemy Państwa dane.
form-name = Imię i nazwisko (opcjonalnie)
form-corrections = Dotyczy wyłącznie sprostowania danych
form-corrections-hint = Prosimy wypełnić tylko pola, w których dane są nieprawidłowe, wpisując prawidłowe wartości. Zanim cokolwiek zmienimy, pokażemy Państwu i naszym pracownikom dokładnie, co zostanie zmienione.
form-correct-name = Prawidłowe imię i nazwisko
form-correct-email = Prawidłowy adres e-mail
form-correct-phone = Prawidłowy numer telefonu
form-correct-address = Prawidłowy adres pocztowy
form-correction-what = Czy coś jeszcze jest nieprawidłowe?
form-correction-value = Jak powinno brzmieć prawidłowo?
form-details = Czy chcą Państwo przekazać nam jeszcze jakieś informacje? (opcjonalnie)
form-details-hint = Na przykład inne adresy e-mail lub numery klienta, których używali Państwo w kontaktach z nami.
form-agent = Czy składają Państwo żądanie w imieniu innej osoby? (dotyczy wyłącznie Kalifornii)
form-agent-check = Jestem upoważnionym przedstawicielem działającym w imieniu wskazanej powyżej osoby
form-agent-name = Imię i nazwisko przedstawiciela
form-agent-email = Adres e-mail przedstawiciela
form-agent-hint = Poprosimy osobę, w której imieniu Państwo działają, o potwierdzenie żądania, a od Państwa możemy zażądać dowodu umocowania.
form-send = Wyślij żądanie

# The summary above a form with mistakes.
errors-title = { $count ->
    [one] Prosimy poprawić ten błąd
    [few] Prosimy poprawić { $count } błędy
    [many] Prosimy poprawić { $count } błędów
   *[other] Prosimy poprawić błędy (liczba błędów: { $count })
}

## After sending

sent-title = Prosimy sprawdzić skrzynkę e-mail
sent-received = Otrzymaliśmy Państwa żądanie.
sent-received-ref = Otrzymaliśmy Państwa żądanie { $reference }.
sent-lead = Wysłaliśmy Państwu wiadomość e-mail z linkiem. Prosimy otworzyć go w ciągu 24 godzin, aby potwierdzić, że żądanie pochodzi od Państwa – realizację rozpoczniemy zaraz po potwierdzeniu.
sent-no-email = Wiadomość nie dotarła w ciągu kilku minut? Prosimy sprawdzić folder ze spamem.
sent-again = Wyślij żądanie ponownie

## Confirming by the emailed link

confirm-title = Potwierdzenie żądania
confirm-lead = Żądanie { $reference }: { $kind }.
confirm-text = Prosimy potwierdzić, że to Państwo złożyli to żądanie. Jeżeli nie, wystarczy zamknąć tę stronę – nic się nie stanie.
confirm-button = Tak, to moje żądanie

## The request's status page

status-title = Żądanie { $reference }
status-heading = Państwa żądanie { $reference }
status-confirmed-now = Dziękujemy – Państwa żądanie zostało potwierdzone. Rozpoczęliśmy jego realizację.
status-confirmed-before = To żądanie zostało już przez Państwa potwierdzone. Poniżej przedstawiamy stan jego realizacji.
status-proof-received = Dziękujemy – otrzymaliśmy Państwa plik.
status-received = Otrzymano
status-acknowledge-by = Potwierdzimy otrzymanie najpóźniej do
status-closed = Zamknięto
status-answer-by = Odpowiemy najpóźniej do
status-extended-from = (termin przedłużony, pierwotnie { $date })
status-extension-reason = Dlaczego potrzebujemy więcej czasu
status-denial = Przyczyna odmowy
status-verify-first = Prosimy otworzyć link potwierdzający z wiadomości e-mail, którą Państwu wysłaliśmy. Do tego czasu nie możemy rozpocząć realizacji żądania.
status-ready = Państwa dane są gotowe.
status-download = Pobierz swoje dane (CSV)
status-download-hint = Plik jest dostępny przez 30 dni od zrealizowania żądania. Można go otworzyć w dowolnym arkuszu kalkulacyjnym. Każdy wiersz zawiera jedną przechowywaną przez nas wartość: gdzie była przechowywana (system, tabela, rekord), czym jest (pole, kategoria danych) oraz samą wartość. Jeżeli w kolumnie „brak_wartości” widnieje „tak”, pole nie zawiera żadnej wartości; pusta wartość przy „nie” oznacza pusty tekst.
status-proof-title = Dowód umocowania
status-proof-text = To żądanie zostało złożone przez upoważnionego przedstawiciela. Prosimy przesłać nam dowód, że mogą Państwo działać w imieniu tej osoby, np. podpisane upoważnienie lub pełnomocnictwo.
status-proof-have = Otrzymano: { $files }. Jeżeli poprosiliśmy o dodatkowe dokumenty, mogą Państwo przesłać kolejny plik.
status-proof-file = Plik (PDF, PNG lub JPEG, maks. 5 MB)
status-proof-send = Wyślij dowód umocowania
status-corrected-title = Co sprostowaliśmy
status-corrected-yes = { $store } – { $category }: sprostowano
status-corrected-no = { $store } – { $category }: nie sprostowano
status-corrected-no-because = { $store } – { $category }: nie sprostowano, ponieważ { $reason }
status-stores-title = Gdzie przechowujemy Państwa dane i w jakim celu
status-stores-lead = Informacje, do których otrzymania są Państwo uprawnieni na podstawie art. 15 ust. 1 RODO – dla każdego z naszych systemów objętych Państwa żądaniem.
status-store-what = Czym jest ten system
status-store-why = Cele przetwarzania Państwa danych
status-store-basis = Podstawa prawna
status-store-categories = Kategorie danych
status-store-recipients = Odbiorcy danych
status-store-transfers = Przekazywanie danych poza Państwa kraj
status-store-retention = Okres przechowywania
status-store-source = Źródło danych
status-store-source-text = Dane pochodzą od Państwa i zostały zebrane w związku z korzystaniem z naszych usług, chyba że powyżej wskazano inaczej.
status-consent-title = Rejestr Państwa zgód
status-consent-text = Po zrealizowaniu żądania usunięcia danych usuniemy Państwa adres e-mail i wszelkie inne identyfikatory z rejestru zgód wyrażonych przez Państwa w naszych serwisach internetowych. Zachowamy – bez jakichkolwiek danych pozwalających Państwa zidentyfikować – informację o tym, która klauzula została wyświetlona, jakiego wyboru dokonano i kiedy: przepisy wymagają, abyśmy byli w stanie wykazać, że zgoda została wyrażona (art. 7 ust. 1 RODO), a zapis ten może być niezbędny do ustalenia, dochodzenia lub obrony roszczeń (art. 17 ust. 3 lit. e RODO).
status-timeline = Przebieg realizacji żądania

## The preference centre

prefs-title = Państwa ustawienia prywatności
prefs-check-email = Prosimy sprawdzić skrzynkę e-mail.
prefs-sent = Jeżeli { $email } jest Państwa adresem, wysłaliśmy na niego link do ustawień prywatności. Link jest jednorazowy i ważny przez 24 godziny.
prefs-ask-lead = Mogą Państwo sprawdzić, na co wyrazili Państwo zgodę, i w każdej chwili to zmienić. Wyślemy Państwu link e-mailem, aby tylko Państwo mieli dostęp do swoich ustawień.
prefs-email = Adres e-mail
prefs-email-me = Wyślij mi link
prefs-new-link = Poproś o nowy link
prefs-open-lead = Prosimy otworzyć ustawienia, aby sprawdzić udzielone zgody i je zmienić.
prefs-open = Otwórz moje ustawienia
prefs-saved = Państwa ustawienia zostały zapisane.
prefs-changed = W trakcie dokonywania wyboru zmieniła się treść jednej z klauzul. Prosimy się z nią zapoznać i ponownie dokonać wyboru; decyzja dotycząca tej klauzuli nie została zapisana.
prefs-lead = Dotyczy adresu { $email }. Każdą decyzję mogą Państwo zmienić w dowolnym momencie; wycofanie zgody nie wpływa na zgodność z prawem przetwarzania, którego dokonano przed jej wycofaniem.
prefs-sale = (sprzedaż lub udostępnianie danych osobowych)
prefs-notice = Przeczytaj klauzulę (wersja { $version })
prefs-notice-recipients = Przeczytaj klauzulę (wersja { $version }) i sprawdź, kto jest odbiorcą danych
prefs-set-by = ustawiane przez { $provider }
prefs-always-on = Zawsze włączone: niezbędne do działania usługi.
prefs-outdated = Od czasu Państwa ostatniej decyzji treść klauzuli uległa zmianie; prosimy ponownie dokonać wyboru.
prefs-yes = Tak, wyrażam zgodę
prefs-no = Nie
prefs-save = Zapisz moje ustawienia
prefs-history = Historia
prefs-history-hint = Każda decyzja ma swoje potwierdzenie – prosimy powołać się na nie, kontaktując się z nami w sprawie tej decyzji.
prefs-history-label = Historia Państwa zgód
prefs-col-when = Data
prefs-col-purpose = Cel
prefs-col-choice = Decyzja
prefs-col-how = Sposób
prefs-col-receipt = Potwierdzenie
prefs-notice-version = (wersja klauzuli: { $version })
