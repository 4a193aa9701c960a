# Emails to the person who made a request. Plain text; a blank line separates paragraphs.
# Links and references are inserted where the placeholders stand.

email-greeting = Szanowni Państwo,
email-follow = Stan realizacji żądania mogą Państwo w każdej chwili sprawdzić tutaj:
email-details = Szczegóły są dostępne tutaj:
email-complain = Jeżeli nie zgadzają się Państwo ze sposobem rozpatrzenia żądania, przysługuje Państwu prawo wniesienia skargi do organu nadzorczego zajmującego się ochroną danych osobowych.

## Please confirm (sent when a request is made)

email-verify-subject = Prosimy o potwierdzenie żądania dotyczącego danych osobowych { $reference }
email-verify-body =
    Otrzymaliśmy Państwa żądanie dotyczące danych osobowych { $reference } ({ $kind }).

    W celu ochrony Państwa danych prosimy potwierdzić, że żądanie pochodzi od Państwa, otwierając w ciągu 24 godzin poniższy link:

    { $link }

    Jeżeli to nie Państwo złożyli to żądanie, prosimy zignorować tę wiadomość – nic się nie stanie.
email-verify-due = Odpowiedzi udzielimy najpóźniej do { $due }.

## More time needed

email-extended-subject = Potrzebujemy więcej czasu na rozpatrzenie Państwa żądania dotyczącego danych osobowych { $reference }
email-extended-body =
    Potrzebujemy więcej czasu na udzielenie odpowiedzi na Państwa żądanie dotyczące danych osobowych { $reference }.

    Przyczyna: { $reason }

    Pierwotnie zakładaliśmy, że odpowiedzi udzielimy do { $old }. Odpowiedzi udzielimy najpóźniej do { $new }.

## Something is needed from the person

email-paused-subject = Potrzebujemy informacji od Państwa: żądanie { $reference }
email-paused-body =
    Aby kontynuować realizację Państwa żądania dotyczącego danych osobowych { $reference }, potrzebujemy od Państwa:

    { $reason }

    Prosimy o odpowiedź na tę wiadomość.

## The request is closed

email-completed-subject = Państwa żądanie dotyczące danych osobowych { $reference } zostało zrealizowane
email-completed-body = Zrealizowaliśmy Państwa żądanie dotyczące danych osobowych { $reference }.
email-package-ready = Państwa dane są gotowe. Przez 30 dni mogą je Państwo pobrać ze strony wskazanej poniżej; jest to plik CSV, który można otworzyć w dowolnym arkuszu kalkulacyjnym.
email-withdrawn-subject = Państwa żądanie dotyczące danych osobowych { $reference } zostało wycofane
email-withdrawn-body = Państwa żądanie dotyczące danych osobowych { $reference } zostało wycofane. Nie będziemy podejmować w tej sprawie dalszych działań.
email-denied-subject = Odmowa realizacji Państwa żądania dotyczącego danych osobowych { $reference }
email-denied-body =
    Nie możemy zrealizować Państwa żądania dotyczącego danych osobowych { $reference }.

    Przyczyna: { $reason }
email-denied-remedies = Przysługuje Państwu prawo wniesienia skargi do organu nadzorczego zajmującego się ochroną danych osobowych oraz prawo do skutecznego środka ochrony prawnej przed sądem.

## Corrections

email-corrected-subject = Państwa żądanie sprostowania danych { $reference }
email-corrected-body = Rozpatrzyliśmy Państwa żądanie sprostowania danych { $reference }. Wynik dla poszczególnych systemów i kategorii danych:
email-corrected-yes = - { $store } – { $category }: sprostowano
email-corrected-no = - { $store } – { $category }: nie sprostowano
email-corrected-no-because = - { $store } – { $category }: nie sprostowano ({ $reason })
email-corrected-none = Żaden z naszych systemów nie przechowywał danych, których sprostowania Państwo zażądali.

## The preference centre link

email-prefs-subject = Państwa ustawienia prywatności
email-prefs-body =
    Ktoś – prawdopodobnie Państwo – poprosił o link do ustawień prywatności.

    Prosimy otworzyć poniższy link w ciągu 24 godzin, aby sprawdzić udzielone zgody i je zmienić:

    { $link }

    Z linku można skorzystać tylko raz. Jeżeli to nie Państwo o niego prosili, prosimy zignorować tę wiadomość – nic się nie zmieni.

## A personal data breach (GDPR Art. 34), to the people it may affect

email-breach-subject = Ważne: naruszenie ochrony danych osobowych ({ $title })
email-breach-intro = Zawiadamiamy Państwa o naruszeniu ochrony danych osobowych, które może Państwa dotyczyć.
email-breach-what = Co się stało
email-breach-data = Jakich informacji dotyczy naruszenie
email-breach-consequences = Co to może oznaczać dla Państwa
email-breach-measures = Jakie działania podjęliśmy i podejmujemy
email-breach-contact = Do kogo mogą się Państwo zwrócić
email-breach-closing = Przepraszamy za zaistniałą sytuację. Niniejsze zawiadomienie przesyłamy na podstawie art. 34 RODO.

## The data package (CSV column headings)

package-store = system
package-table = tabela
package-record = rekord
package-field = pole
package-category = kategoria_danych
package-value = wartość
package-is-null = brak_wartości
package-true = tak
package-false = nie
# The name of this privacy portal as a store of the person's data (their requests and consent records).
package-portal = Centrum prywatności
