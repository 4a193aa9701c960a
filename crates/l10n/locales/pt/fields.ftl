# Campos do formulário tal como são designados nas mensagens de erro, e o que pode estar
# errado neles. Cada problema é uma frase autónoma, apresentada após o nome do campo.

field-kind = Tipo de pedido
field-jurisdiction = Local de residência
field-email = Endereço de e-mail
field-name = Nome
field-details = Informações adicionais
field-correction_what = O que está incorreto
field-correction_value = A informação correta
field-agent = Agente autorizado
field-agent_name = Nome do agente
field-agent_email = Endereço de e-mail do agente
field-csrf = Formulário
field-file = Ficheiro

problem-required = Preencha este campo.
problem-choose = Escolha uma das opções.
problem-too-long = Reduza o texto para, no máximo, { $max } carateres.
problem-control = Remova os carateres de controlo.
problem-email = Introduza um endereço de e-mail válido, por exemplo nome@example.com.
problem-phone = Introduza um número de telefone utilizando apenas algarismos, espaços e + - ( ), por exemplo +351 212 345 678.
problem-agent-ccpa = A apresentação de pedidos por um agente autorizado só é possível para pedidos relativos à Califórnia (CCPA).
problem-form-expired = O formulário expirou. Verifique as suas respostas e envie-o novamente.
problem-file-empty = Escolha um ficheiro.
problem-file-large = O ficheiro tem mais de 5 MB.
problem-file-type = O ficheiro tem de estar em formato PDF, PNG ou JPEG.
problem-proof-not-agent = A prova dos poderes de representação só é exigida quando o pedido é apresentado por um agente autorizado.
problem-other = Verifique esta informação.
