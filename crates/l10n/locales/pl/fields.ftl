# Form fields as named in error messages, and what can be wrong with them. Each problem
# is a sentence of its own, shown after the field's name.

field-kind = Rodzaj żądania
field-jurisdiction = Miejsce zamieszkania
field-email = Adres e-mail
field-name = Imię i nazwisko
field-details = Szczegóły
field-correction_what = Co jest nieprawidłowe
field-correction_value = Prawidłowe dane
field-agent = Upoważniony przedstawiciel
field-agent_name = Imię i nazwisko przedstawiciela
field-agent_email = Adres e-mail przedstawiciela
field-csrf = Formularz
field-file = Plik

problem-required = Prosimy wypełnić to pole.
problem-choose = Prosimy wybrać jedną z opcji.
problem-too-long = Prosimy skrócić tekst do maksymalnie { $max } znaków.
problem-control = Prosimy usunąć znaki sterujące.
problem-email = Prosimy podać prawidłowy adres e-mail, np. jan.kowalski@example.com.
problem-phone = Prosimy podać numer telefonu, używając wyłącznie cyfr, spacji i znaków + - ( ), np. +48 22 123 45 67.
problem-agent-ccpa = Złożenie żądania jako upoważniony przedstawiciel jest możliwe wyłącznie w przypadku żądań dotyczących Kalifornii (CCPA).
problem-form-expired = Ważność formularza wygasła. Prosimy sprawdzić odpowiedzi i wysłać formularz ponownie.
problem-file-empty = Prosimy wybrać plik.
problem-file-large = Plik jest większy niż 5 MB.
problem-file-type = Plik musi być w formacie PDF, PNG lub JPEG.
problem-proof-not-agent = Dowodu umocowania wymagamy wyłącznie wtedy, gdy żądanie składa upoważniony przedstawiciel.
problem-other = Prosimy sprawdzić ten wpis.
