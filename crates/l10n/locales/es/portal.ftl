# Las páginas públicas: el centro de privacidad, el formulario de solicitud, la confirmación,
# el estado y el centro de preferencias. Registro formal (usted) en todo momento; el lector
# es cliente de una tienda.

## Every page

skip-link = Ir al contenido principal
brand-default = Centro de privacidad
nav-label = Principal
nav-rights = Sus derechos
nav-request = Presentar una solicitud
nav-choices = Sus preferencias
language-label = Idioma
footer-law = Las solicitudes presentadas aquí se tramitan conforme a la normativa de protección de datos.
# Lo que la tienda ha configurado sobre sí misma, en el pie de cada página y de cada correo electrónico.
footer-controller = Responsable del tratamiento: { $name }
footer-dpo = Delegado de protección de datos: { $contact }
footer-policy = Política de privacidad

## Error pages

error-back = Ir al centro de privacidad
error-title-too-many = Demasiados intentos
error-title-not-found = No encontrado
error-title-forbidden = Acceso no permitido
error-title-gone = Enlace caducado
error-title-server = Se ha producido un error
error-title-other = No ha sido posible completar la operación
error-server = Se ha producido un error en nuestros sistemas. Vuelva a intentarlo dentro de unos instantes.
error-too-many = Se han producido demasiados intentos desde su red en poco tiempo. Espere unos minutos y vuelva a intentarlo.
error-other = No ha sido posible completar la operación. Compruebe los datos introducidos y vuelva a intentarlo.
error-page-missing = Esta página no existe.
error-request-missing = No hemos encontrado esta solicitud. Abra el enlace del correo electrónico que le enviamos.
error-link-unknown = No reconocemos este enlace de confirmación. Si ya confirmó su solicitud, el enlace de seguimiento de nuestro correo electrónico le muestra en qué estado se encuentra; en caso contrario, presente de nuevo la solicitud.
error-link-expired = Este enlace ha caducado.
error-link-used = Este enlace ya se ha utilizado o no es válido.
error-form-expired = Este formulario ha caducado. Vuelva a cargar la página e inténtelo de nuevo.
error-page-expired = Esta página ha caducado. Vuelva a abrir el enlace de su correo electrónico.
error-file-unreadable = No se ha podido leer el archivo. Inténtelo de nuevo.
error-server-reference = Se ha producido un error en nuestros sistemas. Vuelva a intentarlo dentro de unos instantes; si vuelve a producirse, facilite al administrador la siguiente referencia: { $reference }.
error-upload-large = Los datos enviados superan los { $max } MB.
error-upload-length = Debe indicarse el tamaño de los datos enviados.
error-upload-fields = El formulario ha enviado más de { $max } campos.
error-upload-field-long = Uno de los campos del formulario es demasiado largo.

## Your privacy rights (/privacy)

rights-title = Sus derechos sobre sus datos personales
rights-lead = Puede preguntarnos qué datos tenemos sobre usted, pedirnos que los rectifiquemos o suprimamos, llevárselos a otro lugar o indicarnos que dejemos de venderlos o compartirlos. Es gratuito y le responderemos dentro del plazo que establece la ley.
rights-what = Qué puede solicitar
rights-access-title = Acceder a sus datos
rights-access-text = Obtenga una copia de los datos personales que tratamos sobre usted y sepa de dónde proceden, para qué los utilizamos y con quién los compartimos.
rights-access-link = Solicitar una copia
rights-correction-title = Rectificar sus datos
rights-correction-text = Indíquenos qué datos son inexactos y los rectificaremos en todos los lugares en los que los conservemos.
rights-correction-link = Solicitar la rectificación
rights-deletion-title = Suprimir sus datos
rights-deletion-text = Solicite la supresión de sus datos. Algunos registros, como las facturas, estamos obligados por ley a conservarlos; le indicaremos cuáles y por qué.
rights-deletion-link = Solicitar la supresión
rights-portability-title = Llevar sus datos a otro lugar
rights-portability-text = Reciba los datos que nos ha facilitado en un formato de archivo de uso común (CSV) que puede abrir o transmitir a terceros.
rights-portability-link = Solicitar sus datos
rights-optout-title = No vender ni compartir
rights-optout-text = Si reside en California, puede pedirnos que no vendamos ni compartamos su información personal o que limitemos el uso de su información personal sensible.
rights-optout-link = Solicitar la exclusión
rights-objection-title = Limitación u oposición
rights-objection-text = Puede pedirnos que suspendamos el uso de sus datos mientras se resuelve una cuestión, u oponerse a un uso con el que no esté de acuerdo.
rights-objection-link = Oponerse
rights-how = Cómo funciona
rights-step-form = Rellene el breve formulario. Solo le llevará unos dos minutos.
rights-step-email = Le enviamos un enlace por correo electrónico. Ábralo para confirmar que la solicitud es suya; así evitamos que otra persona obtenga sus datos.
rights-step-work = Tramitamos la solicitud y le avisamos cuando esté resuelta. Puede seguir cada paso desde el enlace del correo electrónico.
rights-deadlines = En la UE y en el Reino Unido respondemos en el plazo de un mes (prorrogable otros dos meses en el caso de solicitudes complejas, en cuyo caso le indicaremos el motivo). En California respondemos en un plazo de 45 días.

## The request form

form-title = Presentar una solicitud de ejercicio de derechos
form-lead = Le enviaremos un enlace por correo electrónico para que confirme que la solicitud es suya. Los campos marcados como opcionales pueden dejarse en blanco.
form-kind = ¿Qué desea hacer?
form-jurisdiction = ¿Dónde reside?
form-jurisdiction-hint = De ello dependen la ley aplicable y el plazo en el que debemos responder.
form-email = Su dirección de correo electrónico
form-email-hint = La que utiliza con nosotros, para que podamos encontrar sus datos.
form-name = Su nombre (opcional)
form-corrections = Solo para rectificaciones
form-corrections-hint = Rellene únicamente lo que sea incorrecto, indicando el valor correcto. Antes de modificar nada, le mostraremos a usted y a nuestro personal exactamente qué va a cambiar.
form-correct-name = Nombre correcto
form-correct-email = Dirección de correo electrónico correcta
form-correct-phone = Número de teléfono correcto
form-correct-address = Dirección postal correcta
form-correction-what = ¿Hay algún otro dato incorrecto?
form-correction-value = ¿Qué debería figurar en su lugar?
form-details = ¿Hay algo más que debamos saber? (opcional)
form-details-hint = Por ejemplo, otras direcciones de correo electrónico o números de cliente que haya utilizado con nosotros.
form-agent = ¿Presenta la solicitud en nombre de otra persona? (solo California)
form-agent-check = Soy un agente autorizado que actúa en nombre de la persona indicada arriba
form-agent-name = Nombre del agente
form-agent-email = Dirección de correo electrónico del agente
form-agent-hint = Pediremos a la persona a la que representa que confirme la solicitud y podremos pedirle a usted que acredite su representación.
form-send = Enviar solicitud

# El resumen que aparece sobre un formulario con errores.
errors-title = { $count ->
    [one] Corrija el siguiente error
   *[other] Corrija los siguientes { $count } errores
}

## After sending

sent-title = Revise su correo electrónico
sent-received = Hemos recibido su solicitud.
sent-received-ref = Hemos recibido su solicitud { $reference }.
sent-lead = Le hemos enviado un correo electrónico con un enlace. Ábralo en las próximas 24 horas para confirmar que la solicitud es suya; empezaremos a tramitarla en cuanto lo haga.
sent-no-email = ¿No ha recibido ningún correo electrónico al cabo de unos minutos? Revise su carpeta de correo no deseado.
sent-again = Enviar de nuevo la solicitud

## Confirming by the emailed link

confirm-title = Confirme su solicitud
confirm-lead = Solicitud { $reference }: { $kind }.
confirm-text = Confirme que ha presentado usted esta solicitud. Si no es así, cierre esta página y no ocurrirá nada.
confirm-button = Sí, esta solicitud es mía

## The request's status page

status-title = Solicitud { $reference }
status-heading = Su solicitud { $reference }
status-confirmed-now = Gracias: su solicitud ha quedado confirmada. Ya hemos empezado a tramitarla.
status-confirmed-before = Ya había confirmado esta solicitud; este es su estado actual.
status-proof-received = Gracias: hemos recibido su archivo.
status-received = Recibida
status-acknowledge-by = Acuse de recibo a más tardar
status-closed = Cerrada
status-answer-by = Respuesta a más tardar
status-extended-from = (plazo prorrogado; fecha inicial: { $date })
status-extension-reason = Motivo de la prórroga
status-denial = Motivo de la denegación
status-verify-first = Abra el enlace de confirmación del correo electrónico que le enviamos. No podremos empezar a tramitar la solicitud hasta que lo haga.
status-ready = Sus datos están listos.
status-download = Descargar sus datos (CSV)
status-download-hint = Disponible durante 30 días desde que atendimos su solicitud. Puede abrirlo con cualquier programa de hojas de cálculo. Cada fila corresponde a un valor que conservamos: dónde se guardaba (almacén, tabla, registro), qué es (campo, categoría de datos) y el propio valor. Cuando la columna «es_nulo» indica «sí», ese campo no contiene nada en absoluto; un valor vacío con «no» es un texto vacío.
status-proof-title = Acreditación de la representación
status-proof-text = Esta solicitud la ha presentado un agente autorizado. Envíenos un documento que acredite que puede actuar en nombre de esta persona, como una autorización firmada o un poder notarial.
status-proof-have = Recibido: { $files }. Puede enviar otro archivo si le hemos pedido más documentación.
status-proof-file = Archivo (PDF, PNG o JPEG, de 5 MB como máximo)
status-proof-send = Enviar acreditación
status-corrected-title = Qué hemos rectificado
status-corrected-yes = { $store } – { $category }: se ha rectificado
status-corrected-no = { $store } – { $category }: no se ha rectificado
status-corrected-no-because = { $store } – { $category }: no se ha rectificado porque { $reason }
status-stores-title = Dónde conservamos sus datos y por qué
status-stores-lead = La información a la que tiene derecho según la ley (art. 15, apartado 1, del RGPD), para cada uno de nuestros sistemas afectados por su solicitud.
status-store-what = Qué es
status-store-why = Para qué utilizamos sus datos
status-store-basis = Base jurídica
status-store-categories = Categorías de datos
status-store-recipients = Destinatarios
status-store-transfers = Transferencias fuera de su país
status-store-retention = Plazo de conservación
status-store-source = Origen de los datos
status-store-source-text = Facilitados por usted al utilizar nuestros servicios, salvo que se indique otra cosa más arriba.
status-consent-title = Registros de su consentimiento
status-consent-text = Cuando atendamos su solicitud de supresión, eliminaremos su dirección de correo electrónico y cualquier otro identificador de los registros de lo que usted aceptó en nuestros sitios web. Conservaremos, sin ningún dato que permita identificarle, qué texto informativo se le mostró, qué eligió y cuándo: la ley nos obliga a poder demostrar el consentimiento (art. 7, apartado 1, del RGPD), y este registro puede ser necesario para la formulación, el ejercicio o la defensa de reclamaciones (art. 17, apartado 3, letra e), del RGPD).
status-timeline = Historial de la solicitud hasta la fecha

## The preference centre

prefs-title = Sus preferencias de privacidad
prefs-check-email = Revise su correo electrónico.
prefs-sent = Si { $email } es su dirección, en breve recibirá un enlace a sus preferencias. Solo puede utilizarse una vez y es válido durante 24 horas.
prefs-ask-lead = Consulte lo que ha aceptado y modifíquelo en cualquier momento. Le enviamos un enlace por correo electrónico para que solo usted pueda acceder a sus preferencias.
prefs-email = Su dirección de correo electrónico
prefs-email-me = Enviarme un enlace por correo electrónico
prefs-new-link = Solicitar un nuevo enlace
prefs-open-lead = Acceda a sus preferencias para consultar y modificar lo que ha aceptado.
prefs-open = Ver mis preferencias
prefs-saved = Se han guardado sus preferencias.
prefs-changed = Uno de los textos informativos ha cambiado mientras elegía. Léalo y vuelva a elegir; no se ha guardado nada respecto de él.
prefs-lead = Para { $email }. Puede modificar cualquiera de sus elecciones en cualquier momento; la retirada del consentimiento no afecta a la licitud del tratamiento realizado antes de retirarlo.
prefs-sale = (vender o compartir información personal)
prefs-notice = Leer el texto informativo (versión { $version })
prefs-notice-recipients = Leer el texto informativo (versión { $version }) y los destinatarios de los datos
prefs-set-by = (proveedor: { $provider })
prefs-always-on = Siempre activo: necesario para que el servicio funcione.
prefs-outdated = El texto informativo ha cambiado desde su última elección; vuelva a elegir.
prefs-yes = Sí, acepto
prefs-no = No
prefs-save = Guardar mis preferencias
prefs-history = Historial
prefs-history-hint = Cada elección tiene un justificante: indíquelo si nos consulta sobre esa elección.
prefs-history-label = Historial de sus consentimientos
prefs-col-when = Fecha
prefs-col-purpose = Finalidad
prefs-col-choice = Elección
prefs-col-how = Medio
prefs-col-receipt = Justificante
prefs-notice-version = (versión { $version } del texto informativo)
