# Palabras de los vocabularios del producto, tal como las lee el cliente. La parte que
# sigue al guion es la palabra técnica estable y no debe traducirse.

## What a person asks for

kind-access = Acceder a mis datos (acceso)
kind-correction = Rectificar mis datos (rectificación)
kind-deletion = Suprimir mis datos (supresión)
kind-portability = Obtener mis datos para llevarlos a otro lugar (portabilidad)
kind-opt_out = No vender ni compartir mis datos (exclusión voluntaria)
kind-limit_use = Limitar el uso de mis datos sensibles
kind-restriction = Limitar el tratamiento de mis datos (limitación del tratamiento)
kind-objection = Oponerme al tratamiento de mis datos (oposición)

## Where the person lives (the request form)

jurisdiction-gdpr = Unión Europea o EEE
jurisdiction-uk_gdpr = Reino Unido
jurisdiction-ccpa = California (EE. UU.)
jurisdiction-other = Otro lugar

## Where a request stands

status-word-received = Recibida
status-word-verifying = Pendiente de confirmar su identidad
status-word-verified = Identidad confirmada
status-word-in_progress = En trámite
status-word-paused = A la espera de información por su parte
status-word-completed = Finalizada
status-word-denied = Denegada
status-word-withdrawn = Retirada

## Why a request was refused

denial-identity_not_verified = No se ha podido verificar su identidad
denial-not_consumer_or_agent = No presentada por el consumidor ni por un agente autorizado (CCPA)
denial-manifestly_unfounded = Manifiestamente infundada o excesiva (art. 12, apartado 5, del RGPD)
denial-legal_exemption = Excepción legal (art. 17, apartado 3, letras a) a e), del RGPD)
denial-ccpa_exception = Es aplicable una excepción prevista en la CCPA
denial-other = Otro motivo (se explica a continuación)

## The request's timeline

event-received = Solicitud recibida
event-verification_sent = Correo electrónico de confirmación enviado
event-send_verification = Correo electrónico de confirmación reenviado
event-verified = Identidad confirmada
event-verify = Identidad verificada por nuestro personal
event-start = Remitida a los sistemas en los que conservamos datos
event-pause = A la espera de información por su parte
event-resume = Tramitación reanudada
event-extend = Plazo prorrogado
event-deny = Solicitud denegada
event-complete = Solicitud finalizada
event-withdraw = Solicitud retirada
event-email_failed = No se ha podido enviar un correo electrónico
event-proof_received = Recibida la acreditación de la representación del agente
event-deadline_recalculated = Fecha límite recalculada
event-task_open = Se ha reabierto la tramitación en uno de nuestros sistemas
event-task_running = Tramitación en curso en uno de nuestros sistemas
event-task_done = Uno de nuestros sistemas ha finalizado
event-task_exempt = Uno de nuestros sistemas ha registrado una excepción
event-task_failed = Uno de nuestros sistemas ha notificado un problema
event-task_sent = Remitida a uno de nuestros sistemas
event-task_handed = A la espera del equipo responsable de uno de nuestros sistemas
event-task_preview = Uno de nuestros sistemas ha preparado la rectificación
event-correction_applied = Rectificación aplicada en uno de nuestros sistemas
event-correction_failed = No se ha podido aplicar una rectificación

## Kinds of data that can be corrected

category-name = Nombre
category-email = Dirección de correo electrónico
category-phone = Número de teléfono
category-address = Dirección postal

## Consent

consent-granted = Otorgado
consent-withdrawn = Retirado
method-banner = Banner de consentimiento
method-preference_centre = Centro de preferencias
method-web_form = Formulario web
method-api = A través de nuestros sistemas
method-staff = Por nuestro personal, a petición suya
method-gpc = Señal Global Privacy Control
storage-cookie = Cookie
storage-local_storage = Almacenamiento local
storage-session_storage = Almacenamiento de sesión

## Dates

# Una fecha completa, como 6 de diciembre de 2026.
date-long = { $day } de { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }
# Un momento: la fecha como arriba y la hora en formato de 24 horas.
date-time = { $date }, { $time }
