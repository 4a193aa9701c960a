# Each language's name in itself, as the language switch shows it: the same in every
# language, so it is shared by all of them rather than translated.

language-en = English
language-de = Deutsch
language-fr = Français
language-es = Español
language-it = Italiano
language-nl = Nederlands
language-pl = Polski
language-pt = Português
