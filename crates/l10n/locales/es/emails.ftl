# Correos electrónicos a la persona que presentó una solicitud. Texto sin formato; una
# línea en blanco separa los párrafos. Los enlaces y las referencias se insertan donde
# figuran los marcadores.

email-greeting = Estimado/a cliente:
email-follow = Puede consultar el estado de su solicitud en cualquier momento aquí:
email-details = Puede consultar los detalles aquí:
email-complain = Si no está de acuerdo con la forma en que hemos tramitado su solicitud, tiene derecho a presentar una reclamación ante una autoridad de control de protección de datos.

## Please confirm (sent when a request is made)

email-verify-subject = Confirme su solicitud de ejercicio de derechos { $reference }
email-verify-body =
    Hemos recibido su solicitud de ejercicio de derechos { $reference } ({ $kind }).

    Para proteger sus datos, confirme que esta solicitud procede de usted abriendo este enlace en las próximas 24 horas:

    { $link }

    Si no ha presentado esta solicitud, puede ignorar este correo electrónico; no ocurrirá nada.
email-verify-due = Le responderemos a más tardar el { $due }.

## More time needed

email-extended-subject = Prórroga del plazo de su solicitud de ejercicio de derechos { $reference }
email-extended-body =
    Necesitamos más tiempo para responder a su solicitud de ejercicio de derechos { $reference }.

    Motivo: { $reason }

    Inicialmente preveíamos responderle a más tardar el { $old }. Ahora le responderemos a más tardar el { $new }.

## Something is needed from the person

email-paused-subject = Necesitamos información suya: solicitud { $reference }
email-paused-body =
    Para continuar con su solicitud de ejercicio de derechos { $reference }, necesitamos lo siguiente:

    { $reason }

    Le rogamos que responda a este correo electrónico.

## The request is closed

email-completed-subject = Su solicitud de ejercicio de derechos { $reference } ha sido atendida
email-completed-body = Hemos atendido su solicitud de ejercicio de derechos { $reference }.
email-package-ready = Sus datos están listos. Puede descargarlos durante 30 días desde la página indicada a continuación; se trata de un archivo CSV que puede abrirse con cualquier programa de hojas de cálculo.
email-withdrawn-subject = Su solicitud de ejercicio de derechos { $reference } ha sido retirada
email-withdrawn-body = Su solicitud de ejercicio de derechos { $reference } ha sido retirada. No realizaremos ninguna otra actuación al respecto.
email-denied-subject = Su solicitud de ejercicio de derechos { $reference } ha sido denegada
email-denied-body =
    No podemos atender su solicitud de ejercicio de derechos { $reference }.

    Motivo: { $reason }
email-denied-remedies = Tiene derecho a presentar una reclamación ante una autoridad de control de protección de datos y a la tutela judicial efectiva.

## Corrections

email-corrected-subject = Su solicitud de rectificación { $reference }
email-corrected-body = Hemos tramitado su solicitud de rectificación { $reference }. Resultado para cada sistema y categoría de datos:
email-corrected-yes = - { $store } – { $category }: se ha rectificado
email-corrected-no = - { $store } – { $category }: no se ha rectificado
email-corrected-no-because = - { $store } – { $category }: no se ha rectificado ({ $reason })
email-corrected-none = Ninguno de nuestros sistemas contenía los datos cuya rectificación solicitó.

## The preference centre link

email-prefs-subject = Sus preferencias de privacidad
email-prefs-body =
    Alguien, probablemente usted, ha solicitado un enlace a sus preferencias de privacidad.

    Abra este enlace en las próximas 24 horas para consultar y modificar lo que ha aceptado:

    { $link }

    El enlace solo puede utilizarse una vez. Si no lo ha solicitado, puede ignorar este correo electrónico; no se modificará nada.

## A personal data breach (GDPR Art. 34), to the people it may affect

email-breach-subject = Importante: violación de la seguridad de los datos personales ({ $title })
email-breach-intro = Le escribimos para informarle de una violación de la seguridad de los datos personales que puede afectarle.
email-breach-what = Qué ha ocurrido
email-breach-data = Qué información se ha visto afectada
email-breach-consequences = Qué puede suponer para usted
email-breach-measures = Qué medidas hemos adoptado y estamos adoptando
email-breach-contact = A quién dirigirse
email-breach-closing = Lamentamos lo ocurrido. Esta comunicación se le envía en virtud del artículo 34 del RGPD.

## The data package (CSV column headings)

package-store = almacén
package-table = tabla
package-record = registro
package-field = campo
package-category = categoría_datos
package-value = valor
package-is-null = es_nulo
package-true = sí
package-false = no
# El nombre de este centro de privacidad como almacén de los datos de la persona (sus solicitudes y los registros de su consentimiento).
package-portal = Centro de privacidad
