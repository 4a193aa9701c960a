# Palavras dos vocabulários do produto, tal como o cliente as lê. A parte após o hífen é
# a palavra estável da máquina e não deve ser traduzida.

## What a person asks for

kind-access = Aceder aos meus dados (acesso)
kind-correction = Retificar os meus dados
kind-deletion = Apagar os meus dados
kind-portability = Receber os meus dados para os transmitir a outro serviço (portabilidade)
kind-opt_out = Não vender nem partilhar os meus dados (opt-out)
kind-limit_use = Limitar a utilização dos meus dados sensíveis
kind-restriction = Limitar o tratamento dos meus dados
kind-objection = Opor-me ao tratamento dos meus dados

## Where the person lives (the request form)

jurisdiction-gdpr = União Europeia ou EEE
jurisdiction-uk_gdpr = Reino Unido
jurisdiction-ccpa = Califórnia, EUA
jurisdiction-other = Noutro local

## Where a request stands

status-word-received = Recebido
status-word-verifying = A aguardar a confirmação da sua identidade
status-word-verified = Identidade confirmada
status-word-in_progress = Em curso
status-word-paused = A aguardar informações da sua parte
status-word-completed = Concluído
status-word-denied = Recusado
status-word-withdrawn = Retirado

## Why a request was refused

denial-identity_not_verified = Não foi possível verificar a sua identidade
denial-not_consumer_or_agent = Não apresentado pelo consumidor nem por um agente autorizado (CCPA)
denial-manifestly_unfounded = Manifestamente infundado ou excessivo (artigo 12.º, n.º 5, do RGPD)
denial-legal_exemption = Exceção legal (artigo 17.º, n.º 3, alíneas a) a e), do RGPD)
denial-ccpa_exception = Aplica-se uma exceção prevista na CCPA
denial-other = Outro motivo (explicado abaixo)

## The request's timeline

event-received = Pedido recebido
event-verification_sent = E-mail de confirmação enviado
event-send_verification = E-mail de confirmação reenviado
event-verified = Identidade confirmada
event-verify = Identidade verificada pelos nossos colaboradores
event-start = Enviado para os nossos sistemas que contêm dados
event-pause = A aguardar informações da sua parte
event-resume = Tratamento do pedido retomado
event-extend = Prazo prorrogado
event-deny = Pedido recusado
event-complete = Pedido concluído
event-withdraw = Pedido retirado
event-email_failed = Não foi possível enviar um e-mail
event-proof_received = Prova dos poderes do agente recebida
event-deadline_recalculated = Prazo recalculado
event-task_open = O tratamento do pedido foi reaberto num dos nossos sistemas
event-task_running = O pedido está a ser tratado num dos nossos sistemas
event-task_done = Um dos nossos sistemas concluiu o tratamento do pedido
event-task_exempt = Um dos nossos sistemas registou uma exceção
event-task_failed = Um dos nossos sistemas comunicou um problema
event-task_sent = Enviado para um dos nossos sistemas
event-task_handed = A aguardar a equipa responsável por um dos nossos sistemas
event-task_preview = Um dos nossos sistemas preparou a retificação
event-correction_applied = Retificação aplicada num dos nossos sistemas
event-correction_failed = Não foi possível aplicar uma retificação

## Kinds of data that can be corrected

category-name = Nome
category-email = Endereço de e-mail
category-phone = Número de telefone
category-address = Morada

## Consent

consent-granted = Concedido
consent-withdrawn = Retirado
method-banner = Banner de consentimento
method-preference_centre = Centro de preferências
method-web_form = Formulário Web
method-api = Através dos nossos sistemas
method-staff = Pelos nossos colaboradores, a seu pedido
method-gpc = Sinal Global Privacy Control
storage-cookie = Cookie
storage-local_storage = Armazenamento local
storage-session_storage = Armazenamento de sessão

## Dates

# Uma data completa, por exemplo 6 de dezembro de 2026.
date-long = { $day } de { $month ->
    [1] janeiro
    [2] fevereiro
    [3] março
    [4] abril
    [5] maio
    [6] junho
    [7] julho
    [8] agosto
    [9] setembro
    [10] outubro
    [11] novembro
   *[12] dezembro
} de { $year }
# Um momento: a data, como acima, e a hora no formato de 24 horas.
date-time = { $date }, { $time }
