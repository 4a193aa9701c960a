# As páginas públicas: o centro de privacidade, o formulário de pedido, a confirmação, o estado
# e o centro de preferências. Registo formal em todo o texto; o leitor é cliente de uma loja.

## Every page

skip-link = Ir para o conteúdo principal
brand-default = Centro de privacidade
nav-label = Principal
nav-rights = Os seus direitos
nav-request = Apresentar um pedido
nav-choices = As suas opções
language-label = Idioma
footer-law = Os pedidos aqui apresentados são tratados nos termos da legislação de proteção de dados.
# O que a loja configurou sobre si própria, no rodapé de cada página e de cada e-mail.
footer-controller = Responsável pelo tratamento: { $name }
footer-dpo = Encarregado da proteção de dados: { $contact }
footer-policy = Política de privacidade

## Error pages

error-back = Ir para o centro de privacidade
error-title-too-many = Demasiadas tentativas
error-title-not-found = Não encontrado
error-title-forbidden = Não permitido
error-title-gone = Ligação expirada
error-title-server = Ocorreu um erro
error-title-other = Não foi possível concluir a operação
error-server = Ocorreu um erro do nosso lado. Tente novamente dentro de momentos.
error-too-many = Foram feitas demasiadas tentativas a partir da sua rede num curto espaço de tempo. Aguarde alguns minutos e tente novamente.
error-other = Não foi possível concluir a operação. Verifique os dados que introduziu e tente novamente.
error-page-missing = Esta página não existe.
error-request-missing = Não foi possível encontrar este pedido. Abra a ligação que consta do e-mail que lhe enviámos.
error-link-unknown = Não reconhecemos esta ligação de confirmação. Se já confirmou o seu pedido, a ligação de acompanhamento incluída no nosso e-mail mostra o ponto de situação; caso contrário, apresente novamente o pedido.
error-link-expired = Esta ligação expirou.
error-link-used = Esta ligação já foi utilizada ou não é válida.
error-form-expired = Este formulário expirou. Recarregue a página e tente novamente.
error-page-expired = Esta página expirou. Abra novamente a ligação que consta do seu e-mail.
error-file-unreadable = Não foi possível ler o ficheiro. Tente novamente.
error-server-reference = Ocorreu um erro do nosso lado. Tente novamente dentro de momentos; se voltar a acontecer, indique ao administrador a seguinte referência: { $reference }.
error-upload-large = Os dados enviados têm mais de { $max } MB.
error-upload-length = É necessário indicar o tamanho dos dados enviados.
error-upload-fields = O formulário enviou mais de { $max } campos.
error-upload-field-long = Um dos campos do formulário é demasiado longo.

## Your privacy rights (/privacy)

rights-title = Os seus direitos de privacidade
rights-lead = Pode perguntar-nos que dados temos sobre si, pedir que sejam retificados ou apagados, levá-los consigo ou pedir-nos que deixemos de os vender ou partilhar. O pedido é gratuito e responderemos dentro do prazo previsto na lei.
rights-what = O que pode pedir
rights-access-title = Aceder aos seus dados
rights-access-text = Obtenha uma cópia dos dados pessoais que conservamos sobre si, bem como informação sobre a sua origem, as finalidades para que os utilizamos e as entidades com quem os partilhamos.
rights-access-link = Pedir uma cópia
rights-correction-title = Retificar os seus dados
rights-correction-text = Indique-nos o que está incorreto e corrigiremos os dados em todos os locais onde os conservamos.
rights-correction-link = Pedir a retificação
rights-deletion-title = Apagar os seus dados
rights-deletion-text = Peça-nos o apagamento dos seus dados. Somos legalmente obrigados a conservar alguns registos, como as faturas; nesse caso, indicar-lhe-emos quais e porquê.
rights-deletion-link = Pedir o apagamento
rights-portability-title = Levar os seus dados consigo
rights-portability-text = Receba os dados que nos forneceu num formato de ficheiro de uso corrente (CSV), que pode abrir ou transmitir a terceiros.
rights-portability-link = Pedir os seus dados
rights-optout-title = Não vender nem partilhar
rights-optout-text = Se reside na Califórnia, pode pedir-nos que não vendamos nem partilhemos as suas informações pessoais, ou que limitemos a utilização das suas informações sensíveis.
rights-optout-link = Recusar a venda ou partilha
rights-objection-title = Limitar o tratamento ou opor-se
rights-objection-text = Peça-nos que suspendamos a utilização dos seus dados enquanto uma questão é esclarecida, ou oponha-se a uma utilização com a qual não concorda.
rights-objection-link = Opor-se
rights-how = Como funciona
rights-step-form = Preencha o breve formulário. Demora cerca de dois minutos.
rights-step-email = Enviamos-lhe uma ligação por e-mail. Abra-a para confirmar que o pedido é seu; assim, impedimos que outra pessoa obtenha os seus dados.
rights-step-work = Tratamos o seu pedido e comunicamos-lhe quando estiver concluído. Pode acompanhar cada passo através da ligação que consta do e-mail.
rights-deadlines = Na UE e no Reino Unido, respondemos no prazo de um mês (no caso de pedidos complexos, podemos prorrogar este prazo por mais dois meses, indicando-lhe o motivo). Na Califórnia, respondemos no prazo de 45 dias.

## The request form

form-title = Apresentar um pedido de exercício de direitos
form-lead = Enviar-lhe-emos uma ligação por e-mail para confirmar que o pedido é seu. Os campos assinalados como opcionais podem ficar em branco.
form-kind = O que pretende fazer?
form-jurisdiction = Onde reside?
form-jurisdiction-hint = Isto determina a lei aplicável e o prazo em que temos de responder.
form-email = O seu endereço de e-mail
form-email-hint = O endereço que utiliza connosco, para podermos encontrar os seus dados.
form-name = O seu nome (opcional)
form-corrections = Apenas para retificações
form-corrections-hint = Preencha apenas o que está incorreto, indicando o valor correto. Antes de qualquer alteração, mostramos-lhe a si e aos nossos colaboradores exatamente o que será alterado.
form-correct-name = Nome correto
form-correct-email = Endereço de e-mail correto
form-correct-phone = Número de telefone correto
form-correct-address = Morada correta
form-correction-what = Há mais alguma informação incorreta?
form-correction-value = O que deveria constar em vez disso?
form-details = Há mais alguma informação que devamos saber? (opcional)
form-details-hint = Por exemplo, outros endereços de e-mail ou números de cliente que tenha utilizado connosco.
form-agent = Apresenta o pedido em nome de outra pessoa? (apenas Califórnia)
form-agent-check = Sou agente autorizado e atuo em nome da pessoa acima indicada
form-agent-name = Nome do agente
form-agent-email = Endereço de e-mail do agente
form-agent-hint = Pediremos à pessoa que representa que confirme o pedido e poderemos pedir-lhe prova dos seus poderes de representação.
form-send = Enviar pedido

# O resumo apresentado acima de um formulário com erros.
errors-title = { $count ->
    [one] Corrija o seguinte erro
   *[other] Corrija os { $count } erros seguintes
}

## After sending

sent-title = Consulte o seu e-mail
sent-received = Recebemos o seu pedido.
sent-received-ref = Recebemos o seu pedido { $reference }.
sent-lead = Enviámos-lhe um e-mail com uma ligação. Abra-a no prazo de 24 horas para confirmar que o pedido é seu; começaremos a tratá-lo assim que o fizer.
sent-no-email = Não recebeu nenhum e-mail após alguns minutos? Verifique a pasta de spam (correio não solicitado).
sent-again = Enviar o pedido novamente

## Confirming by the emailed link

confirm-title = Confirme o seu pedido
confirm-lead = Pedido { $reference }: { $kind }.
confirm-text = Confirme que este pedido foi feito por si. Se não foi, feche esta página e nada acontecerá.
confirm-button = Sim, este pedido é meu

## The request's status page

status-title = Pedido { $reference }
status-heading = O seu pedido { $reference }
status-confirmed-now = Obrigado: o seu pedido está confirmado. Já começámos a tratá-lo.
status-confirmed-before = Já confirmou este pedido; eis o ponto de situação.
status-proof-received = Obrigado: recebemos o seu ficheiro.
status-received = Recebido
status-acknowledge-by = Confirmaremos a receção até
status-closed = Encerrado
status-answer-by = Responderemos até
status-extended-from = (prazo prorrogado; prazo inicial: { $date })
status-extension-reason = Motivo pelo qual precisamos de mais tempo
status-denial = Motivo da recusa
status-verify-first = Abra a ligação de confirmação que consta do e-mail que lhe enviámos. Só poderemos começar depois de o fazer.
status-ready = Os seus dados estão prontos.
status-download = Descarregar os seus dados (CSV)
status-download-hint = Disponível durante 30 dias após a conclusão do seu pedido. Pode abrir o ficheiro com qualquer programa de folha de cálculo. Cada linha corresponde a um valor que conservamos: onde estava guardado (sistema, tabela, registo), o que é (campo, categoria de dados) e o próprio valor. Quando a coluna «é_nulo» indica «sim», esse campo não contém absolutamente nada; um valor vazio com «não» corresponde a um texto vazio.
status-proof-title = Prova dos poderes de representação
status-proof-text = Este pedido foi apresentado por um agente autorizado. Envie-nos prova de que pode atuar em nome desta pessoa, como uma autorização assinada ou uma procuração.
status-proof-have = Recebido: { $files }. Pode enviar outro ficheiro, se lhe tivermos pedido mais elementos.
status-proof-file = Ficheiro (PDF, PNG ou JPEG, no máximo 5 MB)
status-proof-send = Enviar prova
status-corrected-title = O que retificámos
status-corrected-yes = { $store } – { $category }: retificado
status-corrected-no = { $store } – { $category }: não retificado
status-corrected-no-because = { $store } – { $category }: não retificado, porque { $reason }
status-stores-title = Onde conservamos os seus dados e porquê
status-stores-lead = As informações a que tem direito nos termos da lei (artigo 15.º, n.º 1, do RGPD), para cada um dos nossos sistemas abrangidos pelo seu pedido.
status-store-what = O que é
status-store-why = Finalidades da utilização dos seus dados
status-store-basis = Fundamento jurídico
status-store-categories = Categorias de dados
status-store-recipients = Destinatários
status-store-transfers = Transferências para fora do seu país
status-store-retention = Prazo de conservação
status-store-source = Origem dos dados
status-store-source-text = Fornecidos por si, quando utilizou os nossos serviços, salvo indicação em contrário acima.
status-consent-title = Os seus registos de consentimento
status-consent-text = Quando concluirmos o seu pedido de apagamento, removeremos o seu endereço de e-mail e qualquer outro identificador dos registos daquilo com que concordou nos nossos sítios Web. Conservamos, sem qualquer elemento que permita identificá-lo, o aviso que foi apresentado, a escolha feita e a data: a lei exige que possamos demonstrar o consentimento (artigo 7.º, n.º 1, do RGPD) e este registo pode ser necessário para efeitos de declaração, exercício ou defesa de um direito num processo judicial (artigo 17.º, n.º 3, alínea e), do RGPD).
status-timeline = O que aconteceu até agora

## The preference centre

prefs-title = As suas opções de privacidade
prefs-check-email = Consulte o seu e-mail.
prefs-sent = Se { $email } for o seu endereço, receberá em breve uma ligação para as suas opções. A ligação funciona uma única vez, durante 24 horas.
prefs-ask-lead = Veja aquilo com que concordou e altere as suas opções a qualquer momento. Enviamos-lhe uma ligação por e-mail, para que mais ninguém possa abrir as suas opções.
prefs-email = O seu endereço de e-mail
prefs-email-me = Enviar-me uma ligação por e-mail
prefs-new-link = Pedir uma nova ligação
prefs-open-lead = Abra as suas opções para ver e alterar aquilo com que concordou.
prefs-open = Abrir as minhas opções
prefs-saved = As suas opções foram guardadas.
prefs-changed = Um aviso foi alterado enquanto fazia a sua escolha. Leia-o e escolha novamente; nada foi guardado relativamente a esse aviso.
prefs-lead = Para { $email }. Pode alterar qualquer opção a qualquer momento; a retirada do consentimento não afeta a licitude do tratamento efetuado anteriormente.
prefs-sale = (venda ou partilha de informações pessoais)
prefs-notice = Ler o aviso (versão { $version })
prefs-notice-recipients = Ler o aviso (versão { $version }) e os destinatários dos dados
prefs-set-by = definido por { $provider }
prefs-always-on = Sempre ativo: necessário para o funcionamento do serviço.
prefs-outdated = O aviso foi alterado desde a sua última escolha; escolha novamente.
prefs-yes = Sim, concordo
prefs-no = Não
prefs-save = Guardar as minhas opções
prefs-history = Histórico
prefs-history-hint = Cada escolha tem um comprovativo: indique-o se nos contactar acerca dessa escolha.
prefs-history-label = O seu histórico de consentimentos
prefs-col-when = Quando
prefs-col-purpose = Finalidade
prefs-col-choice = Escolha
prefs-col-how = Como
prefs-col-receipt = Comprovativo
prefs-notice-version = (versão do aviso { $version })
