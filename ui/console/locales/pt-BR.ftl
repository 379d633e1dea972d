# O console de quem organiza (placard-collector serve --console).
console-title = Console do Placard
language = Idioma
sign-out = Sair
nav-label = Páginas do console
nav-overview = Visão geral
nav-kiosks = Quiosques
nav-send = Desbloquear e enviar
nav-signers = Retenção e exclusão
nav-audit = Registro de auditoria
cancel = Cancelar

signed-out-title = Você não está conectado
signed-out-expired = Sua sessão terminou
signed-out-how = No computador onde roda o servidor de coleta, gere um novo link de acesso e abra-o neste navegador:
signed-out-why = Um link funciona uma vez, por 15 minutos. As sessões terminam depois de um tempo sem uso.

error-unknown = Algo deu errado. Tente de novo; se continuar acontecendo, veja o registro do servidor de coleta.
error-no_session = Você não está conectado.
error-session_expired = Sua sessão terminou: entre de novo com um novo link.
error-cross_site = Recusado: o pedido não veio da página deste console.
error-bad_link = Este link de acesso já foi usado ou expirou. Gere um novo.
error-too_many_attempts = Muitas entradas com link inválido. Espere um minuto.
error-storage_error = O banco de dados do servidor de coleta não respondeu. Nada foi alterado.
error-bad_name = O nome de um quiosque tem de 1 a 80 caracteres.
error-no_device = Nenhum quiosque está registrado com esse identificador.
error-locked = Desbloqueie primeiro a chave da organização.
error-bad_email = Digite um e-mail como nome@example.org.
error-wrong_passphrase = Essa frase-senha não abre a chave da organização.
error-wrong_key = Esta chave não abre os registros guardados aqui: não é a chave da organização.
error-no_identity = O servidor de coleta foi iniciado sem o arquivo de chave da organização, então não pode desbloquear.
error-bad_identity = Não foi possível ler o arquivo de chave da organização.
error-internal = O servidor de coleta não conseguiu terminar: veja o registro dele.
error-no_destination = O servidor de coleta foi iniciado sem nenhum destino para envio.
error-already_running = O envio já está em andamento.
error-not_running = Nada está sendo enviado.

overview-live = Ao vivo: os números mudam quando os quiosques sincronizam.
overview-connecting = Conectando…
overview-totals = Totais
overview-records = assinaturas recebidas
overview-held = guardadas aqui agora
overview-batches = lotes dos quiosques
overview-relay-waiting = aguardam reenvio para { $to }
overview-per-hour = Assinaturas por hora
overview-chart-label = { $count ->
    [one] Assinaturas por hora nas últimas 24 horas: { $count } no total.
   *[other] Assinaturas por hora nas últimas 24 horas: { $count } no total.
}
overview-chart-table = Os mesmos números em uma tabela
overview-per-petition = Por petição
overview-per-kiosk = Por quiosque
overview-none-yet = Nenhuma ainda.
col-hour = Hora
col-signatures = Assinaturas
col-petition = Petição
col-kiosk = Quiosque
col-enrolled = Registrado
col-last-seen = Visto por último
col-waiting = Aguardando
col-clock = Relógio
col-version = Versão
col-state = Estado
col-actions = Ações
col-time = Hora
col-outcome = Resultado
col-action = Ação
col-result = Resultado
col-detail = Detalhe
col-deleted-on = Excluído em

kiosks-add = Adicionar um quiosque
kiosks-name = Nome do quiosque (por exemplo “Mesa da entrada”)
kiosks-make-code = Gerar um código de pareamento
kiosks-code-for = Código de pareamento para { $name }:
kiosks-code-how = { $hours ->
    [one] No quiosque: Painel do operador → Sincronização → digite este código. Ele funciona uma vez, dentro de { $hours } hora.
   *[other] No quiosque: Painel do operador → Sincronização → digite este código. Ele funciona uma vez, dentro de { $hours } horas.
}
kiosks-enrolled = Quiosques registrados
kiosks-none = Nenhum quiosque registrado ainda.
kiosks-clock-ok = na hora
kiosks-clock-behind = { $minutes } min atrasado
kiosks-clock-ahead = { $minutes } min adiantado
kiosks-reported = Aguardando, relógio e versão são o que cada quiosque informou ao sincronizar pela última vez.
kiosks-never = ainda não
kiosks-active = Ativo
kiosks-revoked-at = Revogado { $when }
kiosks-revoke = Revogar { $name }
kiosks-revoke-title = Revogar { $name }?
kiosks-revoke-warning = A partir de agora, o servidor de coleta recusará tudo o que este quiosque enviar; isso não pode ser desfeito. As assinaturas que ele ainda não enviou ficam lacradas nele. Faça isso quando um quiosque for perdido ou roubado.
kiosks-revoke-confirm = Sim, revogar

key-title = A chave da organização
key-no-file = O servidor de coleta foi iniciado sem o arquivo de chave da organização (serve --identity), então não pode abrir registros aqui.
key-unlocked = Desbloqueada.
key-locks-in = Ela se bloqueia sozinha em { $time } se não for usada.
key-lock-now = Bloquear agora
key-locked = Bloqueada: os registros não podem ser abertos aqui.
key-passphrase = Frase-senha
key-unlock = Desbloquear
key-stays = A chave é aberta dentro do servidor de coleta e fica lá; esta página nunca a tem.
send-title = Enviar adiante
send-none = O servidor de coleta foi iniciado sem destino (serve --action-network-token-file ou --webhook-url).
send-to-action_network = Enviar para o Action Network
send-to-webhook = Enviar para o webhook
send-needs-key = Desbloqueie primeiro a chave.
send-progress-action_network = Enviando para o Action Network
send-progress-webhook = Enviando para o webhook
send-running = Enviando: { $done } de { $total }.
send-stopped = Parado depois de { $done } de { $total }. O próximo envio continua daí.
send-failed = O envio parou por um erro; o que já foi resolvido continua resolvido.
send-finished = Concluído: { $sent } enviadas, { $failed } com falha, { $skipped } já estavam lá, { $deferred } para depois.
send-stop = Parar
send-outcomes = { $count ->
    [one] O resultado de { $count } registro (nada de quem assinou é mostrado)
   *[other] Os resultados dos últimos { $count } registros (nada de quem assinou é mostrado)
}
outcome-sent = Enviada
outcome-failed = Com falha
outcome-skipped = Já estava lá
outcome-deferred = Para depois
export-title = Exportar
export-warning = O arquivo contém o nome, o e-mail e o que cada pessoa aceitou, sem criptografia. Guarde-o em um disco criptografado, não o compartilhe com quem não precisa e apague-o depois de importado.
export-format = Formato
export-csv = CSV (para o importador do Action Network ou uma planilha)
export-jsonl = JSON Lines (todos os campos)
export-download = Baixar a exportação
export-saved = Salvo como { $file }.

retention-title = Por quanto tempo os registros são guardados
retention-off = Não há prazo de retenção: os registros ficam até serem excluídos à mão (serve --retain-days define um).
retention-rule = Os registros são excluídos { $days } dias depois de chegarem a todos os destinos ({ $destinations }) ou depois de uma exportação.
retention-export-only = só exportações
destination-action_network = Action Network
destination-webhook = o webhook
retention-held = { $held } registros guardados aqui; { $waiting } deles esperam ser enviados ou exportados antes de o prazo começar.
retention-schedule = O que será excluído e quando
retention-nothing-due = Nada está para ser excluído ainda.
forget-title = Esquecer uma pessoa
forget-what = Exclui todos os registros da pessoa com este e-mail, aqui e do que os quiosques enviarem de novo. Só um hash com sal do endereço é guardado, como prova.
forget-email = E-mail da pessoa
forget-button = Esquecer esta pessoa
forget-needs-key = Desbloqueie primeiro a chave: o servidor de coleta abre os registros para achar os da pessoa.
forget-confirm-title = Esquecer { $email }?
forget-confirm-warning = Os registros são excluídos para sempre; isso não pode ser desfeito.
forget-confirm = Sim, esquecer
forget-done = { $count ->
    [0] Nenhum registro com esse endereço estava guardado aqui.
    [one] { $count } registro foi excluído.
   *[other] { $count } registros foram excluídos.
}

audit-sign-in = Entrada
audit-sign-out = Saída
audit-unlock = Desbloqueio
audit-lock = Bloqueio
audit-add-kiosk = Adição de quiosque
audit-revoke = Revogação de quiosque
audit-forget = Esquecimento de pessoa
audit-export = Exportação
audit-send = Envio
result-ok = Feito
result-refused = Recusado
result-failed = Com falha
result-stopped = Parado

# Petitions and packs
nav-packs = Petições e pacotes
packs-no-folder = O servidor de coleta foi iniciado sem pasta de pacotes (serve --packs DIR), então os quiosques não recebem pacotes dele.
packs-add = Adicionar um pacote
packs-add-how = Um pacote em zip ou a pasta dele. Ele é verificado como um quiosque verifica um pacote; um que não carrega não é aceito, e um pacote de mesmo nome só é substituído por um que carrega.
packs-name = O nome (letras, algarismos, - e _)
packs-zip = Um arquivo zip
packs-folder = ou uma pasta
packs-upload = Verificar e adicionar
packs-added = { $count ->
    [one] { $name } foi adicionado, com { $count } petição.
   *[other] { $name } foi adicionado, com { $count } petições.
}
packs-pack = Pacote { $name }
packs-summary = { $petitions } petições carregam; { $failures } arquivos não; { $skipped } não são páginas.
packs-failures = Arquivos que não carregam
col-languages = Traduções
col-warnings = Avisos
packs-unpublished = não publicada
packs-preview = Pré-visualizar { $title }
packs-preview-of = Pré-visualização: { $title }
packs-preview-note = Como o quiosque a mostra: o mesmo texto e as mesmas imagens, sem seguir os links.
packs-sign = Assinar a petição
packs-close-preview = Fechar a pré-visualização
error-no_packs_folder = O servidor de coleta foi iniciado sem pasta de pacotes (serve --packs DIR).
error-no_pack = Não há pacote com esse nome.
error-no_petition = Não há petição com esse identificador no pacote.
error-bad_pack_name = O nome de um pacote tem letras, algarismos, “.”, “_” e “-”, e não começa com “.”.
error-not_a_zip = Isso não é um arquivo zip.
error-unsafe_pack = O zip tem uma entrada que poderia ser gravada fora do pacote. Nada foi aceito.
error-pack_too_large = O pacote é grande demais. Nada foi aceito.
error-pack_does_not_load = O pacote não carrega. Nada foi aceito.
error-no_petitions = O pacote não tem nenhuma petição que carregue. Nada foi aceito.
audit-add-pack = Adição de pacote
