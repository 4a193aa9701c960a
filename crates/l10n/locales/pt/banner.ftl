# O banner de consentimento nas próprias páginas da loja, o seu painel de escolha, os
# marcadores de posição do conteúdo bloqueado e o comprovativo após guardar. Os valores entre
# chavetas são preenchidos pelo banner.

banner-title = As suas opções de privacidade
banner-notice-title = Aviso no momento da recolha
banner-text = Pedimos o seu consentimento antes de utilizar os seus dados para qualquer finalidade que não seja necessária ao funcionamento deste sítio Web. Pode alterar a sua escolha a qualquer momento através do botão «Opções de privacidade».
banner-text-optout = Este sítio Web recolhe informações pessoais para as finalidades indicadas em «Escolher por finalidade»; o aviso de cada finalidade indica que informações são recolhidas, porquê e quem as recebe. Algumas destas finalidades podem implicar a venda ou partilha de informações pessoais: pode recusá-la a qualquer momento.
banner-accept = Aceitar tudo
banner-reject = Rejeitar tudo
banner-choose = Escolher
banner-choose-purpose = Escolher por finalidade
banner-save = Guardar as minhas opções
banner-close = Fechar
banner-reopen = Opções de privacidade
# Texto da ligação exigida por lei na Califórnia (Cal. Civ. Code § 1798.135).
banner-dns = Não vender nem partilhar as minhas informações pessoais
banner-sale = (venda ou partilha de informações pessoais)
banner-always-on = Sempre ativo: necessário para o funcionamento do serviço.
banner-gpc = Desativado: foi respeitado o sinal Global Privacy Control do seu navegador
banner-notice = Ler o aviso e os destinatários dos dados
banner-notice-for = (finalidade: { $purpose })
banner-policy = Política de privacidade
banner-manage = Gerir as opções por e-mail
banner-your-choices-of = As suas opções de { $date }, comprovativo { $receipt }
banner-failed-one = Não foi possível guardar a sua escolha. Tente novamente.
banner-failed = Não foi possível guardar as suas opções. Tente novamente.
banner-saved = As suas opções foram guardadas.
banner-saved-on = As suas opções foram guardadas em { $date }. Comprovativo: { $receipt }.
banner-cannot-remove = Os cookies definidos por outras empresas nos respetivos sítios Web só podem ser removidos nas definições do seu navegador: { $names }.
banner-saved-title = Opções guardadas
banner-embed = Este conteúdo é fornecido por { $service }. Ao carregá-lo, são partilhados dados com { $service }.
banner-embed-purpose = Este conteúdo é fornecido por { $service }. Ao carregá-lo, são partilhados dados com { $service } ({ $purpose }).
banner-load = Carregar conteúdo
banner-another-company = outra empresa
