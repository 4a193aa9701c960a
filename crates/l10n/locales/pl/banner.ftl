# The consent banner on the shop's own pages, its Choose panel, the placeholders of gated
# content and the receipt after saving. Values in braces are filled in by the banner.

banner-title = Państwa ustawienia prywatności
banner-notice-title = Klauzula informacyjna przy zbieraniu danych
banner-text = Zanim wykorzystamy Państwa dane w jakimkolwiek celu, który nie jest niezbędny do działania tej strony, prosimy o Państwa zgodę. W każdej chwili mogą Państwo zmienić decyzję za pomocą przycisku „Ustawienia prywatności”.
banner-text-optout = Ta strona zbiera dane osobowe w celach wymienionych pod przyciskiem „Wybierz według celu”; klauzula dotycząca każdego celu określa, jakie dane są zbierane, dlaczego i kto jest ich odbiorcą. Przetwarzanie w niektórych z tych celów może stanowić sprzedaż lub udostępnianie danych osobowych – w każdej chwili mogą Państwo z tego zrezygnować.
banner-accept = Zaakceptuj wszystkie
banner-reject = Odrzuć wszystkie
banner-choose = Wybierz
banner-choose-purpose = Wybierz według celu
banner-save = Zapisz moje ustawienia
banner-close = Zamknij
banner-reopen = Ustawienia prywatności
# California's statutory link text (Cal. Civ. Code § 1798.135).
banner-dns = Nie sprzedawać ani nie udostępniać moich danych osobowych
banner-sale = (sprzedaż lub udostępnianie danych osobowych)
banner-always-on = Zawsze włączone: niezbędne do działania usługi.
banner-gpc = Wyłączone: uwzględniono sygnał Global Privacy Control z Państwa przeglądarki
banner-notice = Przeczytaj klauzulę i sprawdź, kto jest odbiorcą danych
banner-notice-for = (cel: { $purpose })
banner-policy = Polityka prywatności
banner-manage = Zarządzaj ustawieniami przez e-mail
banner-your-choices-of = Państwa ustawienia z dnia { $date }, potwierdzenie: { $receipt }
banner-failed-one = Nie udało się zapisać Państwa decyzji. Prosimy spróbować ponownie.
banner-failed = Nie udało się zapisać Państwa ustawień. Prosimy spróbować ponownie.
banner-saved = Państwa ustawienia zostały zapisane.
banner-saved-on = Państwa ustawienia zostały zapisane dnia { $date }. Potwierdzenie: { $receipt }.
banner-cannot-remove = Pliki cookie zapisane przez inne firmy w ich własnych serwisach można usunąć wyłącznie w ustawieniach przeglądarki: { $names }.
banner-saved-title = Ustawienia zapisane
banner-embed = Te treści dostarcza { $service }. Jeżeli je Państwo wczytają, { $service } otrzyma Państwa dane.
banner-embed-purpose = Te treści dostarcza { $service }. Jeżeli je Państwo wczytają, { $service } otrzyma Państwa dane ({ $purpose }).
banner-load = Wczytaj treści
banner-another-company = inna firma
