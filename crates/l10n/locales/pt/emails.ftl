# E-mails para a pessoa que apresentou um pedido. Texto simples; uma linha em branco separa
# os parágrafos. As ligações e referências são inseridas no lugar dos marcadores.

email-greeting = Caro(a) cliente,
email-follow = Pode acompanhar o seu pedido aqui, a qualquer momento:
email-details = Pode consultar os pormenores aqui:
email-complain = Se não concordar com a forma como tratámos o seu pedido, tem o direito de apresentar reclamação junto de uma autoridade de controlo em matéria de proteção de dados.

## Please confirm (sent when a request is made)

email-verify-subject = Confirme o seu pedido de exercício de direitos { $reference }
email-verify-body =
    Recebemos o seu pedido de exercício de direitos { $reference } ({ $kind }).

    Para proteger os seus dados, confirme que este pedido foi feito por si, abrindo a seguinte ligação no prazo de 24 horas:

    { $link }

    Se não fez este pedido, pode ignorar este e-mail; nada acontecerá.
email-verify-due = Responderemos, o mais tardar, até { $due }.

## More time needed

email-extended-subject = Precisamos de mais tempo para responder ao seu pedido de exercício de direitos { $reference }
email-extended-body =
    Precisamos de mais tempo para responder ao seu pedido de exercício de direitos { $reference }.

    Motivo: { $reason }

    Anteriormente, prevíamos responder até { $old }. Responderemos agora, o mais tardar, até { $new }.

## Something is needed from the person

email-paused-subject = Precisamos de algo da sua parte: pedido { $reference }
email-paused-body =
    Para darmos seguimento ao seu pedido de exercício de direitos { $reference }, precisamos do seguinte da sua parte:

    { $reason }

    Responda a este e-mail, por favor.

## The request is closed

email-completed-subject = O seu pedido de exercício de direitos { $reference } foi concluído
email-completed-body = Concluímos o seu pedido de exercício de direitos { $reference }.
email-package-ready = Os seus dados estão prontos. Pode descarregá-los na página indicada abaixo durante 30 dias; trata-se de um ficheiro CSV que pode ser aberto com qualquer programa de folha de cálculo.
email-withdrawn-subject = O seu pedido de exercício de direitos { $reference } foi retirado
email-withdrawn-body = O seu pedido de exercício de direitos { $reference } foi retirado. Não lhe daremos qualquer outro seguimento.
email-denied-subject = O seu pedido de exercício de direitos { $reference } foi recusado
email-denied-body =
    Não podemos dar seguimento ao seu pedido de exercício de direitos { $reference }.

    Motivo: { $reason }
email-denied-remedies = Tem o direito de apresentar reclamação junto de uma autoridade de controlo em matéria de proteção de dados, bem como o direito à ação judicial.

## Corrections

email-corrected-subject = O seu pedido de retificação { $reference }
email-corrected-body = Tratámos o seu pedido de retificação { $reference }. Para cada sistema e categoria de dados:
email-corrected-yes = - { $store } – { $category }: retificado
email-corrected-no = - { $store } – { $category }: não retificado
email-corrected-no-because = - { $store } – { $category }: não retificado ({ $reason })
email-corrected-none = Nenhum dos nossos sistemas continha os dados que nos pediu para retificar.

## The preference centre link

email-prefs-subject = As suas opções de privacidade
email-prefs-body =
    Alguém, provavelmente o(a) senhor(a), pediu uma ligação para as suas opções de privacidade.

    Abra esta ligação no prazo de 24 horas para ver e alterar aquilo com que concordou:

    { $link }

    A ligação funciona uma única vez. Se não a pediu, pode ignorar este e-mail; nada será alterado.

## A personal data breach (GDPR Art. 34), to the people it may affect

email-breach-subject = Importante: violação de dados pessoais ({ $title })
email-breach-intro = Vimos por este meio comunicar-lhe uma violação de dados pessoais que lhe pode dizer respeito.
email-breach-what = O que aconteceu
email-breach-data = Que informações estão em causa
email-breach-consequences = O que isto pode significar para si
email-breach-measures = O que fizemos e estamos a fazer
email-breach-contact = Quem contactar
email-breach-closing = Lamentamos o sucedido. A presente comunicação é-lhe enviada ao abrigo do artigo 34.º do RGPD.

## The data package (CSV column headings)

package-store = sistema
package-table = tabela
package-record = registo
package-field = campo
package-category = categoria_dados
package-value = valor
package-is-null = é_nulo
package-true = sim
package-false = não
# O nome deste centro de privacidade enquanto sistema que guarda dados da pessoa (os seus pedidos e registos de consentimento).
package-portal = Centro de privacidade
