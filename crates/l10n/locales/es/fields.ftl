# Campos del formulario tal como se nombran en los mensajes de error, y lo que puede
# fallar en ellos. Cada problema es una frase independiente que se muestra tras el nombre
# del campo.

field-kind = Tipo de solicitud
field-jurisdiction = Lugar de residencia
field-email = Dirección de correo electrónico
field-name = Nombre
field-details = Información adicional
field-correction_what = Dato incorrecto
field-correction_value = Dato correcto
field-agent = Agente autorizado
field-agent_name = Nombre del agente
field-agent_email = Dirección de correo electrónico del agente
field-csrf = Formulario
field-file = Archivo

problem-required = Rellene este campo.
problem-choose = Elija una de las opciones.
problem-too-long = Acórtelo a un máximo de { $max } caracteres.
problem-control = Elimine los caracteres de control.
problem-email = Introduzca una dirección de correo electrónico válida, como nombre@ejemplo.com.
problem-phone = Introduzca un número de teléfono utilizando solo cifras, espacios y los signos + - ( ), como +34 912 345 678.
problem-agent-ccpa = Solo es posible presentar una solicitud como agente autorizado en el caso de solicitudes relativas a California (CCPA).
problem-form-expired = El formulario ha caducado. Revise sus respuestas y vuelva a enviarlo.
problem-file-empty = Elija un archivo.
problem-file-large = El archivo supera los 5 MB.
problem-file-type = El archivo debe estar en formato PDF, PNG o JPEG.
problem-proof-not-agent = La acreditación de la representación solo se pide cuando la solicitud la presenta un agente autorizado.
problem-other = Revise este dato.
