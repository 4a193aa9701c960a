# Das Einwilligungsbanner auf den Seiten des Shops, sein Auswahlbereich, die Platzhalter für
# gesperrte Inhalte und der Beleg nach dem Speichern. Werte in geschweiften Klammern setzt das Banner ein.

banner-title = Ihre Datenschutzeinstellungen
banner-notice-title = Hinweis bei der Datenerhebung
banner-text = Bevor wir Ihre Daten für etwas verwenden, das für den Betrieb dieser Website nicht erforderlich ist, bitten wir Sie um Ihre Einwilligung. Sie können Ihre Entscheidung jederzeit über die Schaltfläche „Datenschutzeinstellungen“ ändern.
banner-text-optout = Diese Website erhebt personenbezogene Daten für die unter „Nach Zweck auswählen“ aufgeführten Zwecke; der Hinweis zu jedem Zweck gibt an, welche Daten erhoben werden, warum und wer sie erhält. Einige dieser Zwecke können einen Verkauf oder eine Weitergabe personenbezogener Daten darstellen: Dies können Sie uns jederzeit untersagen.
banner-accept = Alle akzeptieren
banner-reject = Alle ablehnen
banner-choose = Anpassen
banner-choose-purpose = Nach Zweck auswählen
banner-save = Meine Auswahl speichern
banner-close = Schließen
banner-reopen = Datenschutzeinstellungen
# Der gesetzlich vorgeschriebene Linktext Kaliforniens (Cal. Civ. Code § 1798.135).
banner-dns = Meine personenbezogenen Daten nicht verkaufen oder weitergeben
banner-sale = (Verkauf oder Weitergabe personenbezogener Daten)
banner-always-on = Immer aktiv: für die Funktion des Dienstes erforderlich.
banner-gpc = Aus: Das Signal „Global Privacy Control“ Ihres Browsers wurde berücksichtigt
banner-notice = Hinweis und Empfänger der Daten ansehen
# Nur für Screenreader, hinter banner-notice angefügt.
banner-notice-for = (Zweck: { $purpose })
banner-policy = Datenschutzerklärung
banner-manage = Einstellungen per E-Mail verwalten
banner-your-choices-of = Ihre Auswahl vom { $date }, Beleg { $receipt }
banner-failed-one = Ihre Auswahl konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.
banner-failed = Ihre Einstellungen konnten nicht gespeichert werden. Bitte versuchen Sie es erneut.
banner-saved = Ihre Einstellungen wurden gespeichert.
banner-saved-on = Ihre Einstellungen wurden am { $date } gespeichert. Beleg: { $receipt }.
banner-cannot-remove = Cookies, die andere Unternehmen auf ihren eigenen Websites setzen, können nur in den Einstellungen Ihres Browsers gelöscht werden: { $names }.
banner-saved-title = Einstellungen gespeichert
banner-embed = Dieser Inhalt stammt von { $service }. Beim Laden werden Daten mit { $service } geteilt.
banner-embed-purpose = Dieser Inhalt stammt von { $service }. Beim Laden werden Daten mit { $service } geteilt ({ $purpose }).
banner-load = Inhalt laden
# Im Dativ: wird in banner-embed nach „von“ und „mit“ als Dienstname eingesetzt.
banner-another-company = einem anderen Unternehmen
