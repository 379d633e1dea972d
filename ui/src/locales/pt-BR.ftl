languages-label = Idioma
loading = Carregando…

## Start (attract) screen
attract-sign = Assine a petição
attract-read = Leia a petição
attract-count = { $count ->
    [0] Seja a primeira pessoa a assinar aqui.
    [one] { $count } pessoa assinou aqui.
   *[other] { $count } pessoas assinaram aqui.
}
attract-goal = { $count } de { $goal } assinaturas
attract-goal-label = Progresso rumo à meta
attract-next = Próxima petição
attract-operator = Operador
attract-none = Nenhuma petição está sendo exibida. Peça ajuda a uma pessoa voluntária.

## Petition page
back-to-start = Voltar ao início
petition-draft = Não publicada
sign-default = Assine a petição

## Signing form
form-heading = Adicione seu nome
form-email-suggestion = Você quis dizer { $email }? Toque para usar.
required-note = * Indica um campo obrigatório
field-given_name = Nome
field-family_name = Sobrenome
field-email = E-mail
field-postal_code = CEP / código postal
field-street_address = Endereço
field-city = Cidade
field-country = País
field-comment = Comentário
field-subscribe = Quero receber novidades sobre esta e outras campanhas
field-consent = Li como meus dados são usados e concordo
privacy-heading = Como usamos seus dados
field-signature = Sua assinatura (opcional)
signature-hint = Desenhe com o dedo ou com o mouse.
signature-clear = Apagar a assinatura
form-cancel = Voltar
form-submit-default = Assine a petição
form-saving = Salvando…
fix-required = Este campo é obrigatório.
fix-invalid_email = Digite um e-mail como nome@example.org.
fix-too_long = Está longo demais.
fix-forbidden_characters = Contém caracteres que não podem ser usados.
fix-invalid_postal_code = Este código postal não parece certo para o país. Confira, por favor.
fix-invalid_country = Escolha um país da lista.
fix-unknown_field = Esta petição não pede isso.
fix-invalid_signature = Não foi possível ler o desenho. Apague e desenhe de novo.
fix-consent_missing = Marque a caixa para confirmar que você leu como seus dados são usados.

## Errors
error-pack_unavailable = Não foi possível carregar as petições.
error-petition_not_found = Esta petição não está no pacote.
error-unknown = Algo deu errado.
error-not_set_up = Este quiosque ainda não foi configurado.
error-already_set_up = Este quiosque já está configurado.
error-weak_pin = O PIN deve ter de 6 a 12 dígitos.
error-bad_recipient = Isso não é uma chave pública da organização (ela começa com age1).
error-invalid_input = Confira os campos marcados.
error-storage_full = O armazenamento deste quiosque está cheio. Avise uma pessoa voluntária. Sua assinatura não foi salva.
error-storage_error = Não foi possível salvar sua assinatura. Avise uma pessoa voluntária.
error-not_a_vault = O armazenamento de assinaturas deste quiosque não foi encontrado. Avise uma pessoa voluntária.
error-already_a_vault = Já existe um armazenamento de assinaturas aqui.
error-bad_device_key = A chave de dispositivo deste quiosque está danificada. Avise uma pessoa voluntária.
error-seal_failed = Não foi possível selar sua assinatura. Avise uma pessoa voluntária.
error-vault_corrupt = O armazenamento de assinaturas deste quiosque está danificado. Avise uma pessoa voluntária.
error-wrong_pin = PIN incorreto.
error-pin_locked_out = PIN incorreto vezes demais. Tente de novo em { $minutes } min.
error-pin_change_required = O PIN deste quiosque é curto demais. Escolha um novo de 6 a 12 dígitos.
error-recipient_mismatch = Este quiosque não pode receber assinaturas agora: o cofre dele não corresponde à chave da organização. Chame um voluntário.
error-unsent_records = Algumas assinaturas ainda não foram enviadas. Salve-as primeiro em um pendrive ou confirme que serão perdidas.
error-forged_answer = Uma resposta que dizia vir do servidor de coleta não foi assinada por ele e foi ignorada. Alguém nesta rede pode estar interferindo.
error-operator_only = Digite primeiro o PIN do operador.
error-bad_setting = Essa configuração não pode ser usada.

## Thank you
thanks-heading = Obrigado!
thanks-count = { $count ->
    [1] Você é a primeira pessoa a assinar aqui.
    [one] { $count } pessoa assinou aqui.
   *[other] { $count } pessoas assinaram aqui.
}
thanks-share = Compartilhe a petição do seu próprio celular: escaneie este código.
thanks-done = Pronto
thanks-returning = { $seconds ->
    [one] Voltando ao início em { $seconds } segundo.
   *[other] Voltando ao início em { $seconds } segundos.
}

## Still there? (inactivity)
idle-heading = Ainda está aí?
idle-body = { $seconds ->
    [one] Para proteger sua privacidade, tudo o que você digitou será apagado em { $seconds } segundo.
   *[other] Para proteger sua privacidade, tudo o que você digitou será apagado em { $seconds } segundos.
}
idle-stay = Ainda estou aqui
idle-reset = Recomeçar

## First-run set-up
setup-heading = Configure este quiosque
setup-intro = As assinaturas são seladas com a chave pública da organização no momento em que são dadas. Este quiosque nunca consegue lê-las.
setup-key-help = Cole a chave pública (age1…) criada com “placard keys new” ou crie uma nova aqui: a metade privada vai para um pendrive, nunca para este quiosque.
setup-recipient = Chave pública da organização (começa com age1)
setup-pin = PIN do operador (de 6 a 12 dígitos)
setup-pin-again = PIN do operador de novo
setup-pin-mismatch = Os dois PINs são diferentes.
setup-submit = Começar a coletar assinaturas

setup-next = Continuar
setup-pack = Quais petições este quiosque deve mostrar?
pack-demo = Petições de demonstração (incluídas)
pack-configured = O pacote configurado deste quiosque
pack-local = Pacote “{ $name }”

setup-new-key = Criar uma nova chave da organização
newkey-intro = A chave privada é salva, criptografada com sua frase-senha, em um pendrive ou outra pasta fora deste quiosque, com uma folha de recuperação para imprimir. Guarde ambas, e a frase-senha, em segurança: sem elas ninguém jamais poderá ler as assinaturas.
newkey-folder = Onde salvar (um pendrive)
newkey-passphrase = Frase-senha (pelo menos 12 caracteres)
newkey-passphrase-again = Frase-senha de novo
newkey-mismatch = As duas frases-senha são diferentes.
newkey-create = Criar a chave
newkey-done = Chave salva em { $file }. Imprima a folha de recuperação ao lado: { $sheet }
error-weak_passphrase = A frase-senha deve ter pelo menos 12 caracteres.
error-key_on_kiosk = Escolha uma pasta fora deste quiosque, como um pendrive.
error-key_exists = Essa pasta já tem uma chave. Escolha outra pasta.
error-bad_collector_url = Isso não é o endereço de um servidor de coleta. Ele começa com https://.
error-collector_unreachable = O servidor de coleta não respondeu. Verifique o endereço e a rede.
error-enrol_refused = O servidor de coleta não aceitou este código. Confira e digite de novo; depois de três tentativas erradas, peça um novo à organização.
error-sync_error = Não foi possível iniciar a sincronização.
error-not_enrolled = Este quiosque ainda não está registrado em um servidor de coleta.
error-bad_pack = Não foi possível trazer o pacote de petições. As petições deste quiosque não mudaram.
error-wrong_passphrase = Frase secreta errada.
error-bad_identity = Esse arquivo não é uma chave da organização.
error-bad_token = O Action Network recusou a chave de API.
error-action_network_unreachable = O Action Network não respondeu. Verifique a rede.
error-send_failed = O envio falhou.

## Operator
pin-heading = PIN do operador
pin-submit = Abrir o painel
pin-new-heading = Novo PIN do operador (de 6 a 12 dígitos)
pin-new-again = Novo PIN de novo
pin-new-submit = Salvar o novo PIN
pin-clear = Apagar
pin-cancel = Cancelar
operator-heading = Painel do operador
operator-totals = { $total ->
    [one] { $total } assinatura neste quiosque, { $pending } aguardando envio.
   *[other] { $total } assinaturas neste quiosque, { $pending } aguardando envio.
}
operator-chart = Assinaturas por hora
operator-petitions = Petições na tela inicial
operator-petitions-help = Se nenhuma estiver marcada, todas as petições publicadas se revezam.
operator-petition-count = { $count ->
    [one] { $count } assinatura
   *[other] { $count } assinaturas
}
operator-rotate = Segundos por petição
operator-event = Nome do evento
operator-tags = Etiquetas, separadas por vírgulas
operator-source = Código de origem (para a lista; vazio: o nome do evento)
operator-lock = Bloqueio do quiosque: tela cheia, não pode ser fechado
operator-thanks-seconds = Segundos na tela de agradecimento
operator-idle-seconds = Segundos até “Ainda está aí?”
operator-countdown-seconds = Segundos de contagem regressiva
operator-retention = Horas que uma assinatura confirmada fica neste quiosque (0: apagada na hora)
operator-recipient = Selado com a chave da organização
operator-save = Salvar
operator-saved = Salvo.
operator-sync = Sincronização
operator-sync-none = Ainda não há coletor configurado. As assinaturas ficam seladas neste quiosque até que haja um.
operator-sync-enrol-help = Peça à organização o endereço do servidor de coleta e um código curto de pareamento (como 417-K7MQ-P2XD). O código em si nunca é enviado.
operator-sync-collector = Endereço do servidor de coleta
operator-sync-code = Código de registro
operator-sync-enrol = Registrar este quiosque
operator-sync-to = Enviando para { $collector }
operator-sync-status = { $pending } aguardando, { $sent } enviadas desde o início
operator-sync-sending = Enviando…
operator-sync-waiting = Aguardando envio
operator-sync-last-success = Último envio: { $time }
operator-sync-never = Nada foi enviado ainda.
operator-sync-last-error = Último problema: { $error }
operator-sync-clock-behind = O relógio deste quiosque está { $minutes } min atrasado em relação ao servidor de coleta. A sincronização compensa isso; acerte o relógio quando puder.
operator-sync-clock-ahead = O relógio deste quiosque está { $minutes } min adiantado em relação ao servidor de coleta. A sincronização compensa isso; acerte o relógio quando puder.
operator-sync-now = Sincronizar agora
operator-packs-heading = Pacotes de petições
operator-packs-look = Procurar pacotes de petições no servidor de coleta
operator-packs-none = O servidor de coleta não oferece pacotes de petições.
operator-packs-take = Trazer { $name }
operator-packs-taken = O pacote { $name } já está neste quiosque. Escolha-o em “Pacote de petições” e salve.
send-heading = Enviar ao Action Network
send-help = Para um quiosque sem servidor de coleta. A chave da organização abre as assinaturas só para este envio; ela não é guardada.
send-key-file = Arquivo da chave da organização
send-passphrase = Frase secreta
send-token = Chave de API do Action Network
send-start = Enviar
send-cancel = Parar
send-running = Enviando…
send-summary = { $sent } enviadas, { $failed } com falha, { $skipped } enviadas antes.
send-deferred = { $count } aguardam um próximo envio.
send-cancelled = Parado. O que foi enviado continua enviado.
send-retry = Reenviar as que falharam
send-failed-before = { $count } falharam em um envio anterior: “Reenviar as que falharam” as envia de novo.
send-outcomes = Cada assinatura, conforme é enviada
send-outcome-sent = Enviada
send-outcome-failed = Falhou
send-outcome-skipped = Já enviada
send-outcome-deferred = Aguarda o próximo envio
operator-pack = Pacote de petições
operator-pack-failed = { $count ->
    [one] { $count } arquivo não pôde ser carregado:
   *[other] { $count } arquivos não puderam ser carregados:
}
operator-close = Fechar o painel
operator-exit = Sair do Placard
operator-exit-confirm = Sair do Placard agora? O quiosque vai parar de coletar assinaturas.
operator-exit-yes = Sair
save-heading = Salvar uma cópia selada
save-help = Todas as assinaturas, ainda seladas, em um arquivo novo num pendrive: para o servidor de coleta importar, ou para guardar antes de apagar este quiosque. Nenhuma chave é necessária.
save-folder = Pasta (um pendrive)
save-start = Salvar
save-done = { $count } assinaturas salvas, seladas, em { $file }.
wipe-heading = Apagar este quiosque
wipe-help = No fim de um evento: todas as assinaturas saem deste quiosque e o Placard fecha. As configurações e o PIN ficam.
wipe-unsent = { $count } assinaturas ainda não foram enviadas. Salve primeiro uma cópia lacrada acima; ou, para perdê-las, digite { $count } aqui.
wipe-lost = Assinaturas a perder
wipe-start = Apagar este quiosque
wipe-confirm = Apagar agora? Não é possível desfazer.
wipe-yes = Apagar
wipe-done = { $count } assinaturas apagadas. O Placard fecha agora.

# On-screen keyboard (keys whose face is a symbol are read by these names)
keyboard-label = Teclado na tela
keyboard-shift = Shift
keyboard-caps = Caps Lock (toque para desligar)
keyboard-backspace = Apagar
keyboard-space = espaço
keyboard-numbers = Números
keyboard-letters = Letras
keyboard-next = Próximo
keyboard-done = Pronto
operator-touchscreen = Quiosque com tela sensível ao toque: mostrar o teclado na tela em todos os campos (não só quando um campo é tocado)

# Clipboard mode: paper sheets typed in by an operator
operator-paper = Folhas de papel
operator-paper-help = Digite as assinaturas coletadas em papel: o mesmo formulário e as mesmas verificações, sem tela de agradecimento entre as folhas. Enter vai para o próximo campo. Marque a caixa de novidades só se ela estava marcada na folha.
operator-paper-petition = Petição
operator-paper-start = Começar a digitar folhas
paper-heading = Modo prancheta: digitando folhas de papel
paper-form-heading = Próxima folha
paper-count = { $count ->
    [0] Nenhuma folha digitada ainda.
    [one] 1 folha digitada e selada.
   *[other] { $count } folhas digitadas e seladas.
}
paper-leave = Sair e bloquear o quiosque
paper-submit = Selar esta folha
