# El banner de consentimiento en las páginas de la propia tienda, su panel «Elegir», los
# marcadores de posición del contenido bloqueado y el justificante tras guardar. Los valores
# entre llaves los rellena el banner.

banner-title = Sus preferencias de privacidad
banner-notice-title = Texto informativo en el momento de la recogida
banner-text = Antes de utilizar sus datos para cualquier finalidad que no sea necesaria para el funcionamiento de este sitio web, le pedimos su consentimiento. Puede modificar su decisión en cualquier momento con el botón «Preferencias de privacidad».
banner-text-optout = Este sitio web recopila información personal para las finalidades que figuran en «Elegir por finalidad»; el texto informativo de cada finalidad indica qué información se recopila, con qué fin y quién la recibe. Algunas de ellas pueden consistir en vender o compartir información personal: puede solicitar la exclusión en cualquier momento.
banner-accept = Aceptar todo
banner-reject = Rechazar todo
banner-choose = Elegir
banner-choose-purpose = Elegir por finalidad
banner-save = Guardar mis preferencias
banner-close = Cerrar
banner-reopen = Preferencias de privacidad
# Texto legal del enlace exigido en California (Cal. Civ. Code § 1798.135).
banner-dns = No vender ni compartir mi información personal
banner-sale = (vender o compartir información personal)
banner-always-on = Siempre activo: necesario para que el servicio funcione.
banner-gpc = Desactivado: se ha respetado la señal Global Privacy Control de su navegador
banner-notice = Leer el texto informativo y los destinatarios de los datos
banner-notice-for = (finalidad: { $purpose })
banner-policy = Política de privacidad
banner-manage = Gestionar sus preferencias por correo electrónico
banner-your-choices-of = Sus preferencias del { $date }, justificante { $receipt }
banner-failed-one = No se ha podido guardar su elección. Inténtelo de nuevo.
banner-failed = No se han podido guardar sus preferencias. Inténtelo de nuevo.
banner-saved = Se han guardado sus preferencias.
banner-saved-on = Sus preferencias se guardaron el { $date }. Justificante: { $receipt }.
banner-cannot-remove = Las cookies que otras empresas instalan en sus propios sitios web solo pueden eliminarse desde la configuración de su navegador: { $names }.
banner-saved-title = Preferencias guardadas
banner-embed = Este contenido procede de { $service }. Al cargarlo, se comparten datos con { $service }.
banner-embed-purpose = Este contenido procede de { $service }. Al cargarlo, se comparten datos con { $service } ({ $purpose }).
banner-load = Cargar contenido
banner-another-company = otra empresa
