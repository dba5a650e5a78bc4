/* Generated from schema/conecta.schema.json by `npm run schema:write`. Do not edit. */

export const conectaSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://conecta-as-code.dev/schema/v1/conecta.schema.json",
  "title": "ConectaConfig",
  "description": "One conecta-as-code config file. A directory of such files merges into one desired state.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "version"
  ],
  "properties": {
    "version": {
      "const": 1,
      "description": "The config language version. Only `1` exists."
    },
    "prune": {
      "description": "Deletion policy. `true`: live objects missing from the config are deleted (after review in the plan). An object maps a kind (such as `teams`) to true/false. Default: missing objects are kept and listed as not managed.",
      "anyOf": [
        {
          "type": "boolean"
        },
        {
          "$ref": "#/$defs/PruneByKind"
        }
      ]
    },
    "userGroups": {
      "type": "array",
      "description": "Grupo de Usuários: A permission profile for administrators. UI: Configurações › Grupo de Usuários.",
      "items": {
        "$ref": "#/$defs/UserGroup"
      }
    },
    "administrators": {
      "type": "array",
      "description": "Administradores: A person who uses the admin screen. UI: Configurações › Administradores.",
      "items": {
        "$ref": "#/$defs/Administrator"
      }
    },
    "tabulations": {
      "type": "array",
      "description": "Tabulações: A disposition code that classifies a session when it ends. UI: Configurações › Tabulações.",
      "items": {
        "$ref": "#/$defs/Tabulation"
      }
    },
    "predefinedMessages": {
      "type": "array",
      "description": "Mensagens Predefinidas: A canned reply offered on the agent screen. UI: Mensagens Predefinidas.",
      "items": {
        "$ref": "#/$defs/PredefinedMessage"
      }
    },
    "contactGroups": {
      "type": "array",
      "description": "Grupo de Contatos: a named group of contacts, used to segment them and to restrict active contact by team. UI: Cadastro › Grupo de Contatos.",
      "items": {
        "$ref": "#/$defs/ContactGroup"
      }
    },
    "contactFields": {
      "type": "array",
      "description": "Campos Adicionais: custom contact fields, shown on the contact card and filled by flows (`saveTo: contact.<name>`). UI: Cadastro › Campos Adicionais.",
      "items": {
        "$ref": "#/$defs/ContactField"
      }
    },
    "blockedNumbers": {
      "type": "array",
      "description": "Números Bloqueados: phone numbers that cannot start new sessions. UI: Cadastro › Números Bloqueados.",
      "items": {
        "$ref": "#/$defs/BlockedNumber"
      }
    },
    "teams": {
      "type": "array",
      "description": "Equipes: A human-service queue such as SAC, Vendas or Financeiro. UI: Configurações › Equipes. Which agents belong to a team is set on the agents (`agents[].teams`).",
      "items": {
        "$ref": "#/$defs/Team"
      }
    },
    "agents": {
      "type": "array",
      "description": "Agentes: A person who serves contacts on the agent screen. UI: Configurações › Agentes.",
      "items": {
        "$ref": "#/$defs/Agent"
      }
    },
    "scheduleGroups": {
      "type": "array",
      "description": "Grupo de Horários: Named opening hours used by flow `schedule` blocks. UI: Configurações › Grupo de Horários.",
      "items": {
        "$ref": "#/$defs/ScheduleGroup"
      }
    },
    "wordFilters": {
      "$ref": "#/$defs/WordFilters"
    },
    "pauses": {
      "type": "array",
      "description": "Pausas: A reason for an agent break, with its rules. UI: Configurações › Pausas.",
      "items": {
        "$ref": "#/$defs/Pause"
      }
    },
    "flows": {
      "type": "array",
      "description": "Fluxo de Atendimento: Fluxo de Atendimento: a block diagram that takes a contact through self-service or hands it to a team.",
      "items": {
        "$ref": "#/$defs/Flow"
      }
    }
  },
  "$defs": {
    "UserGroup": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "description": "A permission profile for administrators. UI: Configurações › Grupo de Usuários.",
      "x-kind": "user-group",
      "x-key": "name",
      "x-plural": "user groups",
      "x-ui-label": "Grupo de Usuários",
      "x-order": 60,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome. Unique among user groups. The built-in group `Administrador` always exists and is never deleted."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        },
        "fullPermission": {
          "type": "boolean",
          "description": "Permissão total. When true the group may do everything and `permissions` is ignored.",
          "default": false
        },
        "viewByTeams": {
          "type": "boolean",
          "description": "Visualização por equipe. When true, administrators of this group only see the data of `visibleTeams`.",
          "default": false
        },
        "visibleTeams": {
          "type": "array",
          "description": "The teams whose data the group may see when `viewByTeams` is on. Names of teams.",
          "items": {
            "type": "string",
            "minLength": 1,
            "x-ref": "team"
          },
          "uniqueItems": true,
          "default": [],
          "x-set": true,
          "x-deferrable": true
        },
        "permissions": {
          "type": "array",
          "uniqueItems": true,
          "default": [],
          "x-set": true,
          "description": "Permissões: what the group may view and edit, from the vocabulary below (UI sections Cadastro, Configurações, Serviços, Relatórios). `registration.agents` = Cadastro › Agentes; `registration.teams` = Cadastro › Equipes; `registration.tabulations` = Cadastro › Tabulações; `registration.predefinedMessages` = Cadastro › Mensagens Predefinidas; `registration.contacts` = Cadastro › Contatos; `registration.contactGroups` = Cadastro › Grupo de Contatos; `registration.contactFields` = Cadastro › Campos Adicionais; `registration.blockedNumbers` = Cadastro › Números Bloqueados; `settings.userGroups` = Configurações › Grupo de Usuários; `settings.administrators` = Configurações › Administradores; `settings.scheduleGroups` = Configurações › Grupo de Horários; `settings.wordFilters` = Configurações › Filtro de Palavras; `settings.pauses` = Configurações › Pausas; `settings.channels` = Configurações › Canais; `settings.flows` = Configurações › Fluxo de Atendimento; `settings.application` = Configurações › Aplicação; `settings.integrations` = Configurações › Integrações; `settings.security` = Configurações › Segurança e Privacidade; `services.monitoring` = Serviços › Monitoramento; `services.activeContact` = Serviços › Contato Ativo; `services.massMessaging` = Serviços › Disparo em Massa; `reports.attendances` = Relatórios › Atendimentos; `reports.agents` = Relatórios › Agentes; `reports.pauses` = Relatórios › Pausas; `reports.ratings` = Relatórios › Avaliações; `reports.tabulations` = Relatórios › Tabulações; `reports.flows` = Relatórios › Fluxos.",
          "items": {
            "type": "string",
            "enum": [
              "registration.agents",
              "registration.teams",
              "registration.tabulations",
              "registration.predefinedMessages",
              "registration.contacts",
              "registration.contactGroups",
              "registration.contactFields",
              "registration.blockedNumbers",
              "settings.userGroups",
              "settings.administrators",
              "settings.scheduleGroups",
              "settings.wordFilters",
              "settings.pauses",
              "settings.channels",
              "settings.flows",
              "settings.application",
              "settings.integrations",
              "settings.security",
              "services.monitoring",
              "services.activeContact",
              "services.massMessaging",
              "reports.attendances",
              "reports.agents",
              "reports.pauses",
              "reports.ratings",
              "reports.tabulations",
              "reports.flows"
            ]
          }
        }
      }
    },
    "Administrator": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "email",
        "name",
        "userGroup"
      ],
      "description": "A person who uses the admin screen. UI: Configurações › Administradores.",
      "x-kind": "administrator",
      "x-key": "email",
      "x-key-case-insensitive": true,
      "x-plural": "administrators",
      "x-ui-label": "Administradores",
      "x-order": 70,
      "properties": {
        "email": {
          "type": "string",
          "maxLength": 254,
          "pattern": "^[^\\s@]+@[^\\s@]+$",
          "patternErrorMessage": "An e-mail address, such as `maria@acme.com.br`.",
          "description": "E-mail (login). Identifies the administrator; it must not also be an agent's login."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The login e-mail this administrator had before; the plan changes it in place."
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome."
        },
        "userGroup": {
          "type": "string",
          "minLength": 1,
          "description": "Grupo de usuários: the name of the user group that sets this administrator's permissions.",
          "x-ref": "user-group"
        },
        "recoveryEmail": {
          "type": "string",
          "maxLength": 254,
          "pattern": "^[^\\s@]+@[^\\s@]+$",
          "patternErrorMessage": "An e-mail address, such as `maria@acme.com.br`.",
          "description": "E-mail de recuperação: a real mailbox that receives the password link. Omitted: the login e-mail is used (Usar o login como recuperação)."
        },
        "disabled": {
          "type": "boolean",
          "description": "Desabilitar usuário: the administrator cannot log in (holidays, leave).",
          "default": false
        },
        "remoteAuth": {
          "type": "boolean",
          "description": "Autenticação remota: log in through the tenant's remote authentication.",
          "default": false
        },
        "language": {
          "type": "string",
          "enum": [
            "pt-BR",
            "en",
            "es"
          ],
          "default": "pt-BR",
          "description": "Idioma of the admin screen."
        },
        "initialPassword": {
          "type": "string",
          "minLength": 8,
          "x-sensitive": true,
          "writeOnly": true,
          "description": "Senha inicial, used only when the administrator is created; never read back, never shown. Use `${env:NAME}`. Omitted: Conecta e-mails a password link to the recovery address."
        }
      }
    },
    "Tabulation": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "x-kind": "tabulation",
      "x-key": "name",
      "x-plural": "tabulations",
      "x-ui-label": "Tabulações",
      "x-order": 10,
      "description": "A disposition code that classifies a session when it ends. UI: Configurações › Tabulações.",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome. Unique among tabulations."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        }
      }
    },
    "PredefinedMessage": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "text"
      ],
      "x-kind": "predefined-message",
      "x-key": "name",
      "x-plural": "predefined messages",
      "x-ui-label": "Mensagens Predefinidas",
      "x-order": 20,
      "description": "A canned reply offered on the agent screen. UI: Mensagens Predefinidas.",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Título/Descrição. Unique among predefined messages; teams refer to it by this name."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        },
        "text": {
          "type": "string",
          "minLength": 1,
          "maxLength": 20000,
          "description": "Mensagem: the text sent, which may use Conecta's variables (contact name, agent name, greeting).",
          "x-text": true
        }
      }
    },
    "ContactGroup": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "x-kind": "contact-group",
      "x-key": "name",
      "x-plural": "contact groups",
      "x-ui-label": "Grupo de Contatos",
      "x-order": 25,
      "description": "A named group of contacts. UI: Cadastro › Grupo de Contatos. Teams can restrict active contact to groups (`teams[].contactActiveByGroup`).",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome do grupo. Unique among contact groups."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        }
      }
    },
    "ContactField": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "x-kind": "contact-field",
      "x-key": "name",
      "x-plural": "contact fields",
      "x-ui-label": "Campos Adicionais",
      "x-order": 26,
      "description": "A custom contact field. UI: Cadastro › Campos Adicionais. Flows store answers in it with `saveTo: contact.<name>`.",
      "properties": {
        "name": {
          "type": "string",
          "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$",
          "patternErrorMessage": "A variable name: a letter or `_`, then letters, digits or `_` (64 at most), such as `cpf`.",
          "description": "Nome: letters, digits and `_` (Conecta turns spaces into `_`), such as `cpf`. Unique among contact fields; flows refer to it as `contact.<name>`."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        },
        "description": {
          "type": "string",
          "maxLength": 500,
          "default": "",
          "description": "Descrição."
        },
        "identifier": {
          "type": "boolean",
          "default": false,
          "description": "Identificador: the field identifies the contact."
        },
        "required": {
          "type": "boolean",
          "default": false,
          "description": "Obrigatório."
        },
        "confidential": {
          "type": "boolean",
          "default": false,
          "description": "Confidencial."
        },
        "encrypted": {
          "type": "boolean",
          "default": false,
          "description": "Criptografado: stored encrypted."
        },
        "searchable": {
          "type": "boolean",
          "default": false,
          "description": "Permitir busca: usable in searches and reports."
        },
        "showDescriptionToAgent": {
          "type": "boolean",
          "default": false,
          "description": "Descrição para o agente: the agent sees the description."
        },
        "validation": {
          "type": "string",
          "maxLength": 200,
          "default": "",
          "description": "Tipo de validação, as the tenant names it (its values are not documented; empty: none)."
        },
        "lengthRule": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "op",
            "value"
          ],
          "description": "Condição + total de caracteres: the answer length must satisfy `op value`.",
          "properties": {
            "op": {
              "type": "string",
              "enum": [
                ">=",
                "<=",
                "<>",
                "="
              ],
              "description": "Condição."
            },
            "value": {
              "type": "integer",
              "minimum": 0,
              "maximum": 10000,
              "description": "Total de caracteres."
            }
          }
        }
      }
    },
    "BlockedNumber": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "number"
      ],
      "x-kind": "blocked-number",
      "x-key": "number",
      "x-plural": "blocked numbers",
      "x-ui-label": "Números Bloqueados",
      "x-order": 27,
      "description": "A phone number that cannot start new sessions. UI: Cadastro › Números Bloqueados.",
      "properties": {
        "number": {
          "$comment": "`pattern` is written by `npm run schema:write` from `x-phone` (cli/core/normalize/normalize-phone.ts); edit that file, not the pattern.",
          "type": "string",
          "x-phone": true,
          "pattern": "^[ (]{0,2}\\+?[ (]{0,2}[1-9](?:[ ().-]{0,3}[0-9]){7,14}[ )]{0,2}$",
          "patternErrorMessage": "A phone number with its country code: 8 to 15 digits, not starting with 0, with a leading `+`, spaces, dashes, dots or parentheses if you like, such as `+55 (11) 99999-0000`.",
          "description": "Número: the phone number with its country code, written as you like — `+55 (11) 99999-0000`, `55 11 99999.0000` or `5511999990000` (a leading `+`, spaces, dashes, dots and parentheses are ignored). It is compared, sent and exported as its digits, country code first and no `+` (E.164 without the plus, `5511999990000`): 8 to 15 digits, not starting with 0 (a leading 0 is a trunk prefix: write the country code instead). Unique among blocked numbers: two spellings of one number are a duplicate."
        }
      }
    },
    "TeamPermissions": {
      "type": "object",
      "additionalProperties": false,
      "description": "Permissões da equipe: what the team's agents may do on the agent screen. UI labels are not documented; names follow the API.",
      "default": {},
      "properties": {
        "editContact": {
          "type": "boolean",
          "description": "Agents may edit the contact's data.",
          "default": true
        },
        "finishAttendance": {
          "type": "boolean",
          "description": "Agents may finish a session.",
          "default": true
        },
        "showNumber": {
          "type": "boolean",
          "description": "Agents see the contact's phone number.",
          "default": true
        },
        "offlineAttendance": {
          "type": "boolean",
          "description": "Agents may serve contacts while offline.",
          "default": false
        },
        "agentChat": {
          "type": "boolean",
          "description": "Internal chat between agents.",
          "default": true
        },
        "teamChat": {
          "type": "boolean",
          "description": "Internal chat between teams.",
          "default": true
        },
        "sendEmojis": {
          "type": "boolean",
          "description": "Agents may send emojis.",
          "default": true
        },
        "showMessagePreview": {
          "type": "boolean",
          "description": "Show a preview of the last message in the queue.",
          "default": true
        },
        "autoAttendance": {
          "type": "boolean",
          "description": "Sessions are assigned automatically without the agent accepting them.",
          "default": false
        },
        "hideContactOnHold": {
          "type": "boolean",
          "description": "Hide contacts on hold from agents.",
          "default": false
        },
        "hideContactOnAgentScreen": {
          "type": "boolean",
          "description": "Hide the contact list on the agent screen.",
          "default": false
        },
        "voiceRecording": {
          "type": "boolean",
          "description": "Agents may record voice messages.",
          "default": true
        }
      }
    },
    "Team": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "x-kind": "team",
      "x-key": "name",
      "x-plural": "teams",
      "x-ui-label": "Equipes",
      "x-order": 80,
      "description": "A human-service queue such as SAC, Vendas or Financeiro. UI: Configurações › Equipes. Which agents belong to a team is set on the agents (`agents[].teams`).",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome. Unique among teams."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        },
        "sessionTimeout": {
          "type": "string",
          "pattern": "^(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?$",
          "patternErrorMessage": "A duration in whole minutes, such as `30m`, `1h30m` or `2d` (units d, h, m, largest first; no seconds).",
          "description": "Tempo de sessão: the longest silence between contact and agent before the session closes itself, in whole minutes (Conecta holds it in days, hours and minutes), such as `30m` or `1h30m`. `0m` turns it off.",
          "x-duration": true,
          "default": "0m"
        },
        "distributionRule": {
          "type": "string",
          "enum": [
            "all",
            "leastBusy",
            "sequential",
            "contactGroup"
          ],
          "default": "all",
          "description": "Regra de distribuição: `all` = Todos (offer to every agent, the first to accept takes it); `leastBusy` = Agentes com menos atendimentos; `sequential` = Sequencial (in `agentOrder`); `contactGroup` = Grupo de Contatos."
        },
        "agentOrder": {
          "type": "array",
          "default": [],
          "uniqueItems": true,
          "description": "Ordem dos agentes for the `sequential` rule: agent e-mails in the order sessions are offered. Each must be a member of the team.",
          "items": {
            "type": "string",
            "minLength": 1,
            "x-ref": "agent"
          },
          "x-deferrable": true
        },
        "closingMessage": {
          "type": "string",
          "maxLength": 20000,
          "description": "Mensagem de finalização: sent to the contact when a session of this team ends.",
          "default": "",
          "x-text": true
        },
        "noAgentMessage": {
          "type": "string",
          "maxLength": 20000,
          "description": "Mensagem de nenhum agente disponível: sent when no agent of the team is available.",
          "default": "",
          "x-text": true
        },
        "conversationHistory": {
          "type": "string",
          "enum": [
            "none",
            "all",
            "teamSessions"
          ],
          "default": "none",
          "description": "Histórico de conversa shown to agents: `none` = Não se aplica, `all` = Todas, `teamSessions` = Todas as sessões destas equipes."
        },
        "overflowTeam": {
          "type": "string",
          "minLength": 1,
          "description": "Transbordo: the team that takes the session when this one is unavailable.",
          "x-ref": "team",
          "x-deferrable": true
        },
        "waitTimeout": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "after",
            "redirectTo"
          ],
          "description": "Tempo de espera: after waiting this long in the queue, the contact is sent to another team.",
          "properties": {
            "after": {
              "type": "string",
              "pattern": "^(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$",
              "patternErrorMessage": "A duration such as `90s`, `15m` or `1h30m` (whole numbers with the units d, h, m and s, largest first).",
              "description": "How long a contact may wait, such as `10m`.",
              "x-duration": true
            },
            "redirectTo": {
              "type": "string",
              "minLength": 1,
              "description": "The team that receives the contact.",
              "x-ref": "team",
              "x-deferrable": true
            }
          }
        },
        "transferTeams": {
          "type": "array",
          "description": "Restringir transferência: the only teams agents may transfer sessions to. Empty: any team.",
          "items": {
            "type": "string",
            "minLength": 1,
            "x-ref": "team"
          },
          "uniqueItems": true,
          "default": [],
          "x-set": true,
          "x-deferrable": true
        },
        "contactActiveByGroup": {
          "type": "array",
          "description": "Contato ativo apenas por grupo: agents of this team may start active contact only with contacts of these contact groups. Empty: with any contact.",
          "items": {
            "type": "string",
            "minLength": 1,
            "x-ref": "contact-group"
          },
          "uniqueItems": true,
          "default": [],
          "x-set": true
        },
        "tabulations": {
          "type": "array",
          "description": "Tabulações the agents choose from when they finish a session.",
          "items": {
            "type": "string",
            "minLength": 1,
            "x-ref": "tabulation"
          },
          "uniqueItems": true,
          "default": [],
          "x-set": true
        },
        "predefinedMessages": {
          "type": "array",
          "description": "Mensagens predefinidas offered to the team's agents, by name.",
          "items": {
            "type": "string",
            "minLength": 1,
            "x-ref": "predefined-message"
          },
          "uniqueItems": true,
          "default": [],
          "x-set": true
        },
        "endingFlow": {
          "type": "string",
          "minLength": 1,
          "description": "Fluxo de encerramento: a flow that runs after a session the agent started (active contact) ends.",
          "x-ref": "flow",
          "x-deferrable": true
        },
        "permissions": {
          "$ref": "#/$defs/TeamPermissions"
        }
      }
    },
    "Agent": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "email",
        "name"
      ],
      "x-kind": "agent",
      "x-key": "email",
      "x-key-case-insensitive": true,
      "x-plural": "agents",
      "x-ui-label": "Agentes",
      "x-order": 90,
      "description": "A person who serves contacts on the agent screen. UI: Configurações › Agentes.",
      "properties": {
        "email": {
          "type": "string",
          "maxLength": 254,
          "pattern": "^[^\\s@]+@[^\\s@]+$",
          "patternErrorMessage": "An e-mail address, such as `maria@acme.com.br`.",
          "description": "E-mail (login). Identifies the agent; it need not be a real mailbox."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The login e-mail this agent had before; the plan changes it in place."
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome."
        },
        "recoveryEmail": {
          "type": "string",
          "maxLength": 254,
          "pattern": "^[^\\s@]+@[^\\s@]+$",
          "patternErrorMessage": "An e-mail address, such as `maria@acme.com.br`.",
          "description": "E-mail de recuperação: a real mailbox for the password link. Omitted: the login e-mail is used."
        },
        "codename": {
          "type": "string",
          "maxLength": 100,
          "default": "",
          "description": "Codinome: contacts who write it skip the flow and reach this agent."
        },
        "extension": {
          "type": "string",
          "maxLength": 20,
          "pattern": "^[0-9]*$",
          "patternErrorMessage": "Digits only.",
          "default": "",
          "description": "Ramal: the PBX extension, needed only with the Central integration."
        },
        "teams": {
          "type": "array",
          "description": "Equipes the agent serves. This list is the only place team membership is set.",
          "items": {
            "type": "string",
            "minLength": 1,
            "x-ref": "team"
          },
          "uniqueItems": true,
          "default": [],
          "x-set": true
        },
        "loginHours": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "from",
            "to"
          ],
          "description": "Horário de login permitido: the agent may log in only between these times.",
          "properties": {
            "from": {
              "type": "string",
              "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
              "patternErrorMessage": "A time of day `HH:MM` from 00:00 to 23:59, in quotes, such as \"08:00\".",
              "description": "Hora inicial, `HH:MM`."
            },
            "to": {
              "type": "string",
              "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
              "patternErrorMessage": "A time of day `HH:MM` from 00:00 to 23:59, in quotes, such as \"08:00\".",
              "description": "Hora final, `HH:MM`."
            }
          }
        },
        "conversationHistory": {
          "type": "string",
          "enum": [
            "inherit",
            "none",
            "all",
            "teamSessions"
          ],
          "default": "inherit",
          "description": "Histórico de conversa: `inherit` uses the team's setting; the others override it (see teams)."
        },
        "maxSimultaneousChats": {
          "type": "integer",
          "minimum": 0,
          "maximum": 100,
          "default": 0,
          "description": "Atendimentos simultâneos: the most sessions the agent serves at once; `0` = no limit."
        },
        "hideRatingStars": {
          "type": "boolean",
          "description": "Ocultar estrelas: hide the satisfaction rating from the agent.",
          "default": false
        },
        "remoteAuth": {
          "type": "boolean",
          "description": "Autenticação remota: log in through the tenant's remote authentication.",
          "default": false
        },
        "initialPassword": {
          "type": "string",
          "minLength": 8,
          "x-sensitive": true,
          "writeOnly": true,
          "description": "Senha inicial, used only when the agent is created; never read back, never shown. Use `${env:NAME}`. Omitted: Conecta e-mails a password link."
        }
      }
    },
    "Weekday": {
      "$comment": "`pattern` is written by `npm run schema:write` from `x-aliases` (each name in any case, with or without its accents); edit the aliases, not the pattern.",
      "type": "string",
      "description": "A weekday: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`, or its Portuguese name, short or full (`seg`/`segunda`/`segunda-feira`, `ter`/`terça`/`terça-feira`, `qua`/`quarta`/`quarta-feira`, `qui`/`quinta`/`quinta-feira`, `sex`/`sexta`/`sexta-feira`, `sáb`/`sábado`, `dom`/`domingo`), in any case, with or without accents. The plan and `conecta export` write the English form.",
      "x-aliases": {
        "mon": [
          "seg",
          "segunda",
          "segunda-feira"
        ],
        "tue": [
          "ter",
          "terça",
          "terça-feira"
        ],
        "wed": [
          "qua",
          "quarta",
          "quarta-feira"
        ],
        "thu": [
          "qui",
          "quinta",
          "quinta-feira"
        ],
        "fri": [
          "sex",
          "sexta",
          "sexta-feira"
        ],
        "sat": [
          "sáb",
          "sábado"
        ],
        "sun": [
          "dom",
          "domingo"
        ]
      },
      "pattern": "^(?:[mM][oO][nN]|[tT][uU][eE]|[wW][eE][dD]|[tT][hH][uU]|[fF][rR][iI]|[sS][aA][tT]|[sS][uU][nN]|[sS][eE][gG]|[sS][eE][gG][uU][nN][dD][aA]|[sS][eE][gG][uU][nN][dD][aA]-[fF][eE][iI][rR][aA]|[tT][eE][rR]|[tT][eE][rR][çÇcC][aA]|[tT][eE][rR][çÇcC][aA]-[fF][eE][iI][rR][aA]|[qQ][uU][aA]|[qQ][uU][aA][rR][tT][aA]|[qQ][uU][aA][rR][tT][aA]-[fF][eE][iI][rR][aA]|[qQ][uU][iI]|[qQ][uU][iI][nN][tT][aA]|[qQ][uU][iI][nN][tT][aA]-[fF][eE][iI][rR][aA]|[sS][eE][xX]|[sS][eE][xX][tT][aA]|[sS][eE][xX][tT][aA]-[fF][eE][iI][rR][aA]|[sS][áÁaA][bB]|[sS][áÁaA][bB][aA][dD][oO]|[dD][oO][mM]|[dD][oO][mM][iI][nN][gG][oO])$",
      "patternErrorMessage": "A weekday: mon, tue, wed, thu, fri, sat, sun, or in Portuguese seg, ter, qua, qui, sex, sáb, dom (or the full name, such as segunda-feira)."
    },
    "ScheduleInterval": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "days",
        "from",
        "to"
      ],
      "description": "Opening hours on some weekdays.",
      "properties": {
        "days": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/Weekday"
          },
          "description": "Dias da semana: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`, or the Portuguese names, short or full: `seg`/`segunda`/`segunda-feira`, `ter`/`terça`/`terça-feira`, `qua`/`quarta`/`quarta-feira`, `qui`/`quinta`/`quinta-feira`, `sex`/`sexta`/`sexta-feira`, `sáb`/`sábado`, `dom`/`domingo` (any case, accents optional). The plan and `conecta export` write `mon` … `sun`.",
          "x-set": true
        },
        "from": {
          "type": "string",
          "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
          "patternErrorMessage": "A time of day `HH:MM` from 00:00 to 23:59, in quotes, such as \"08:00\".",
          "description": "Abre às, `HH:MM`."
        },
        "to": {
          "type": "string",
          "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
          "patternErrorMessage": "A time of day `HH:MM` from 00:00 to 23:59, in quotes, such as \"08:00\".",
          "description": "Fecha às, `HH:MM` (later than `from`)."
        }
      }
    },
    "ScheduleHoliday": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "date",
        "name"
      ],
      "description": "A day the operation is closed. Conecta's calendar has no year, so a holiday repeats every year.",
      "properties": {
        "date": {
          "type": "string",
          "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",
          "patternErrorMessage": "A date `MM-DD`, month first, such as \"12-25\".",
          "description": "Data, `MM-DD` (every year), such as `12-25`."
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Feriado: the holiday's name."
        }
      }
    },
    "HolidayCalendar": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "calendar",
        "year"
      ],
      "description": "A public holiday calendar, written out as that year's holidays (`MM-DD`, Portuguese names) when the config is read; the plan shows the dates. Conecta's calendar has no year and Carnaval, Sexta-feira Santa and Corpus Christi move every year, so `year` says which year's dates to write: change it when the year turns. A holiday written out on the same date wins.",
      "x-expand": "holiday-calendar",
      "properties": {
        "calendar": {
          "type": "string",
          "enum": [
            "br-national"
          ],
          "description": "`br-national`: Brazil's national holidays — Confraternização Universal (01-01), Sexta-feira Santa, Tiradentes (04-21), Dia do Trabalho (05-01), Independência do Brasil (09-07), Nossa Senhora Aparecida (10-12), Finados (11-02), Proclamação da República (11-15), Dia Nacional de Zumbi e da Consciência Negra (11-20, from 2024), Natal (12-25) — and the pontos facultativos Carnaval (Monday and Tuesday) and Corpus Christi."
        },
        "year": {
          "type": "integer",
          "minimum": 2000,
          "maximum": 2100,
          "description": "Ano: the year whose dates are written, such as `2027`."
        },
        "includeOptional": {
          "type": "boolean",
          "default": true,
          "description": "Include the pontos facultativos (Carnaval Monday and Tuesday, Corpus Christi): days off by decree for the federal civil service, not holidays by law, on which most businesses close. `false` leaves them out."
        }
      }
    },
    "ScheduleException": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "date",
        "name",
        "from",
        "to"
      ],
      "description": "A date with special opening hours (Exceções), replacing the weekday's intervals.",
      "properties": {
        "date": {
          "type": "string",
          "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",
          "patternErrorMessage": "A date `MM-DD`, month first, such as \"12-25\".",
          "description": "Data, `MM-DD` (every year)."
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Descrição."
        },
        "from": {
          "type": "string",
          "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
          "patternErrorMessage": "A time of day `HH:MM` from 00:00 to 23:59, in quotes, such as \"08:00\".",
          "description": "Abre às, `HH:MM`."
        },
        "to": {
          "type": "string",
          "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
          "patternErrorMessage": "A time of day `HH:MM` from 00:00 to 23:59, in quotes, such as \"08:00\".",
          "description": "Fecha às, `HH:MM`."
        }
      }
    },
    "ScheduleGroup": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "intervals"
      ],
      "x-kind": "schedule-group",
      "x-key": "name",
      "x-plural": "schedule groups",
      "x-ui-label": "Grupo de Horários",
      "x-order": 30,
      "description": "Named opening hours used by flow `schedule` blocks. UI: Configurações › Grupo de Horários.",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome. Unique among schedule groups."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        },
        "intervals": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ScheduleInterval"
          },
          "description": "Intervalos: when the operation is open, by weekday."
        },
        "holidays": {
          "type": "array",
          "default": [],
          "items": {
            "oneOf": [
              {
                "$ref": "#/$defs/ScheduleHoliday"
              },
              {
                "$ref": "#/$defs/HolidayCalendar"
              }
            ]
          },
          "description": "Feriados: days closed all day, each a date (`{date: \"12-25\", name: Natal}`) or a public calendar for one year (`{calendar: br-national, year: 2027}`, written out as its dates).",
          "x-set": true
        },
        "exceptions": {
          "type": "array",
          "default": [],
          "items": {
            "$ref": "#/$defs/ScheduleException"
          },
          "description": "Exceções: dates with special hours.",
          "x-set": true
        }
      }
    },
    "WordFilters": {
      "type": "object",
      "additionalProperties": false,
      "x-kind": "word-filter",
      "x-key-case-insensitive": true,
      "x-plural": "word filters",
      "x-ui-label": "Filtro de Palavras",
      "x-order": 50,
      "description": "Filtro de Palavras: two lists. A single word matches anywhere in a message; a phrase matches only the whole message; case is ignored.",
      "properties": {
        "agentBlocked": {
          "type": "array",
          "uniqueItems": true,
          "default": [],
          "items": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": "Bloqueio para agentes: terms an agent may not send.",
          "x-set": true
        },
        "noFlowStart": {
          "type": "array",
          "uniqueItems": true,
          "default": [],
          "items": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": "Palavras que não iniciam o fluxo: a contact message that matches does not open a new session (such as `obrigado` after a session ended).",
          "x-set": true
        }
      }
    },
    "Pause": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "x-kind": "pause",
      "x-key": "name",
      "x-plural": "pauses",
      "x-ui-label": "Pausas",
      "x-order": 40,
      "description": "A reason for an agent break, with its rules. UI: Configurações › Pausas.",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome. Unique among pauses."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        },
        "description": {
          "type": "string",
          "maxLength": 500,
          "default": "",
          "description": "Descrição."
        },
        "maxDuration": {
          "type": "string",
          "pattern": "^(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$",
          "patternErrorMessage": "A duration such as `90s`, `15m` or `1h30m` (whole numbers with the units d, h, m and s, largest first).",
          "description": "Tempo máximo of the pause, such as `15m` or `1h`. `0s` = no limit.",
          "x-duration": true,
          "default": "0s"
        },
        "productive": {
          "type": "boolean",
          "description": "Produtiva: the pause counts as productive time in reports.",
          "default": false
        },
        "cumulative": {
          "type": "boolean",
          "description": "Acumulativa: `maxDuration` is a daily total over several pauses of this kind.",
          "default": false
        },
        "supervised": {
          "type": "boolean",
          "description": "Supervisionada: a supervisor follows or approves the pause.",
          "default": false
        },
        "continueAttendances": {
          "type": "boolean",
          "description": "Continuar atendimentos: the agent keeps current sessions during the pause.",
          "default": false
        },
        "active": {
          "type": "boolean",
          "description": "Ativa: agents can choose this pause.",
          "default": true
        },
        "message": {
          "type": "string",
          "maxLength": 20000,
          "description": "Mensagem shown to the agent during the pause.",
          "default": "",
          "x-text": true
        }
      }
    },
    "Flow": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "start",
        "blocks"
      ],
      "x-kind": "flow",
      "x-key": "name",
      "x-plural": "flows",
      "x-ui-label": "Fluxo de Atendimento",
      "x-order": 100,
      "description": "Fluxo de Atendimento: a block diagram that takes a contact through self-service or hands it to a team. Blocks are keyed by an id you choose; edges (`next`, `open`, `options[].next`, …) name the id of the block that follows. See docs/flows.md.",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "pattern": "^[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]([^\\p{Cc}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*[^\\s\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069])?$",
          "patternErrorMessage": "Text without spaces at either end and without control characters (line breaks, escape codes, bidi overrides).",
          "description": "Nome. Unique among flows."
        },
        "renamedFrom": {
          "type": "string",
          "minLength": 1,
          "description": "The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied."
        },
        "description": {
          "type": "string",
          "maxLength": 1000,
          "default": "",
          "description": "Descrição."
        },
        "start": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Início: the id of the block the contact enters first.",
          "x-edge": true
        },
        "blocks": {
          "type": "object",
          "minProperties": 1,
          "maxProperties": 500,
          "description": "The blocks, by id (a letter, then letters, digits, `_` or `-`; at most 64 characters). The id is yours: it names the block in edges, diagnostics and plans.",
          "propertyNames": {
            "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
            "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`."
          },
          "additionalProperties": {
            "$ref": "#/$defs/FlowBlock"
          }
        }
      }
    },
    "FlowBlock": {
      "type": "object",
      "description": "A block of a flow, one of the types below, chosen by `type`.",
      "discriminator": {
        "propertyName": "type"
      },
      "required": [
        "type"
      ],
      "oneOf": [
        {
          "$ref": "#/$defs/FlowBlockMessage"
        },
        {
          "$ref": "#/$defs/FlowBlockMenu"
        },
        {
          "$ref": "#/$defs/FlowBlockInput"
        },
        {
          "$ref": "#/$defs/FlowBlockCondition"
        },
        {
          "$ref": "#/$defs/FlowBlockSchedule"
        },
        {
          "$ref": "#/$defs/FlowBlockTransfer"
        },
        {
          "$ref": "#/$defs/FlowBlockHttp"
        },
        {
          "$ref": "#/$defs/FlowBlockSetVariable"
        },
        {
          "$ref": "#/$defs/FlowBlockRating"
        },
        {
          "$ref": "#/$defs/FlowBlockGotoFlow"
        },
        {
          "$ref": "#/$defs/FlowBlockEnd"
        }
      ]
    },
    "FlowBlockMessage": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "text",
        "next"
      ],
      "description": "Mensagem: sends a text to the contact, then goes on without waiting for an answer.",
      "properties": {
        "type": {
          "const": "message",
          "description": "Block type: `message` (Mensagem)."
        },
        "text": {
          "type": "string",
          "minLength": 1,
          "maxLength": 4096,
          "description": "Texto sent to the contact.",
          "x-text": true
        },
        "next": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "The block that follows once the text is sent.",
          "x-edge": true
        }
      }
    },
    "FlowBlockMenu": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "text",
        "options"
      ],
      "description": "Menu: sends a text with numbered options and waits for the contact to choose one (Submenu is a menu reached from another menu).",
      "properties": {
        "type": {
          "const": "menu",
          "description": "Block type: `menu` (Menu)."
        },
        "text": {
          "type": "string",
          "minLength": 1,
          "maxLength": 4096,
          "description": "Texto: the question, sent before the options.",
          "x-text": true
        },
        "options": {
          "type": "array",
          "minItems": 1,
          "description": "Opções, in the order shown. Keys are unique within the menu.",
          "items": {
            "$ref": "#/$defs/FlowMenuOption"
          }
        },
        "invalid": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Opção inválida: the block that follows an answer matching no key. Omitted: Conecta sends the application's invalid-option message and asks again (inferred).",
          "x-edge": true
        },
        "timeout": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Tempo esgotado: the block that follows when the contact does not answer in time. Omitted: the session follows the tenant's inactivity rule (inferred).",
          "x-edge": true
        }
      }
    },
    "FlowMenuOption": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "key",
        "label",
        "next"
      ],
      "description": "One option of a Menu block.",
      "properties": {
        "key": {
          "type": "string",
          "minLength": 1,
          "maxLength": 10,
          "pattern": "^\\S+$",
          "patternErrorMessage": "One word, without spaces.",
          "description": "Tecla: what the contact types to choose the option, such as `1` or `#`. Unique within the menu. Write digits in quotes (`\"1\"`)."
        },
        "label": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "description": "Rótulo shown next to the key.",
          "x-text": true
        },
        "next": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "The block that follows when the contact chooses this option.",
          "x-edge": true
        }
      }
    },
    "FlowBlockInput": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "prompt",
        "saveTo",
        "next"
      ],
      "description": "Entrada de dados: asks a question, validates the answer and stores it in a contact field or a flow variable.",
      "properties": {
        "type": {
          "const": "input",
          "description": "Block type: `input` (Entrada de dados)."
        },
        "prompt": {
          "type": "string",
          "minLength": 1,
          "maxLength": 4096,
          "description": "Pergunta sent to the contact.",
          "x-text": true
        },
        "saveTo": {
          "type": "string",
          "pattern": "^(contact\\.)?[A-Za-z_][A-Za-z0-9_]{0,63}$",
          "patternErrorMessage": "A variable name (a letter or `_`, then letters, digits or `_`), or `contact.` and a contact field, such as `contact.cpf`.",
          "description": "Where the answer is stored: `contact.<field>` for a contact field (Campos Adicionais, such as `contact.cpf`), or a variable name (such as `protocolo`) that later blocks read.",
          "x-ref-prefixed": {
            "prefix": "contact.",
            "kind": "contact-field"
          }
        },
        "validation": {
          "type": "string",
          "enum": [
            "text",
            "email",
            "cpf",
            "cnpj",
            "cep",
            "number"
          ],
          "default": "text",
          "description": "Validação of the answer: `text` (anything), `email`, `cpf`, `cnpj`, `cep` or `number`."
        },
        "next": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "The block that follows a valid answer.",
          "x-edge": true
        },
        "invalid": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "The block that follows an answer that fails validation. Omitted: the question is asked again (inferred).",
          "x-edge": true
        }
      }
    },
    "FlowBlockCondition": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "rules",
        "then",
        "else"
      ],
      "description": "Condição: compares variables or contact fields with values (SE/OU) and branches.",
      "properties": {
        "type": {
          "const": "condition",
          "description": "Block type: `condition` (Condição)."
        },
        "rules": {
          "type": "array",
          "minItems": 1,
          "description": "Regras, checked together as `match` says.",
          "items": {
            "$ref": "#/$defs/FlowConditionRule"
          }
        },
        "match": {
          "type": "string",
          "enum": [
            "all",
            "any"
          ],
          "default": "all",
          "description": "`all`: every rule must hold (SE … E); `any`: one rule is enough (SE … OU)."
        },
        "then": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Então: the block that follows when the condition holds.",
          "x-edge": true
        },
        "else": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Senão: the block that follows when it does not.",
          "x-edge": true
        }
      }
    },
    "FlowConditionRule": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "variable",
        "operator"
      ],
      "description": "One rule of a Condição block: `<variable> <operator> <value>`.",
      "properties": {
        "variable": {
          "type": "string",
          "pattern": "^(contact\\.)?[A-Za-z_][A-Za-z0-9_]{0,63}$",
          "patternErrorMessage": "A variable name (a letter or `_`, then letters, digits or `_`), or `contact.` and a contact field, such as `contact.cpf`.",
          "description": "Variável compared: a variable name, or `contact.<field>` for a contact field.",
          "x-ref-prefixed": {
            "prefix": "contact.",
            "kind": "contact-field"
          }
        },
        "operator": {
          "type": "string",
          "enum": [
            "equals",
            "notEquals",
            "contains",
            "notContains",
            "startsWith",
            "greaterThan",
            "lessThan",
            "isEmpty",
            "isNotEmpty"
          ],
          "description": "Operador: `equals`, `notEquals`, `contains`, `notContains`, `startsWith`, `greaterThan`, `lessThan` (numbers), `isEmpty`, `isNotEmpty` (these two take no value)."
        },
        "value": {
          "type": [
            "string",
            "number"
          ],
          "description": "Valor compared with the variable. Not used by `isEmpty` and `isNotEmpty`."
        }
      },
      "if": {
        "properties": {
          "operator": {
            "not": {
              "enum": [
                "isEmpty",
                "isNotEmpty"
              ]
            }
          }
        },
        "required": [
          "operator"
        ]
      },
      "then": {
        "required": [
          "value"
        ]
      }
    },
    "FlowBlockSchedule": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "scheduleGroup",
        "open",
        "closed"
      ],
      "description": "Horário: checks the current time against a schedule group and branches.",
      "properties": {
        "type": {
          "const": "schedule",
          "description": "Block type: `schedule` (Horário)."
        },
        "scheduleGroup": {
          "type": "string",
          "minLength": 1,
          "description": "Grupo de horários whose opening hours are checked, by name.",
          "x-ref": "schedule-group"
        },
        "open": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Dentro do horário: the block that follows within the opening hours.",
          "x-edge": true
        },
        "closed": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Fora do horário: the block that follows outside them (holidays included).",
          "x-edge": true
        }
      }
    },
    "FlowBlockTransfer": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "team"
      ],
      "description": "Equipe/Transferência: hands the contact to a team's human queue. Terminal: the flow ends here.",
      "properties": {
        "type": {
          "const": "transfer",
          "description": "Block type: `transfer` (Equipe/Transferência)."
        },
        "team": {
          "type": "string",
          "minLength": 1,
          "description": "Equipe that receives the contact, by name.",
          "x-ref": "team"
        },
        "message": {
          "type": "string",
          "minLength": 1,
          "maxLength": 4096,
          "description": "Mensagem sent to the contact before the transfer, such as \"Aguarde, vamos te atender.\"",
          "x-text": true
        }
      }
    },
    "FlowBlockHttp": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "url",
        "success",
        "error"
      ],
      "description": "REST/HTTP: calls an HTTP API (integration) and branches on the outcome.",
      "properties": {
        "type": {
          "const": "http",
          "description": "Block type: `http` (REST/HTTP)."
        },
        "method": {
          "type": "string",
          "enum": [
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE"
          ],
          "default": "GET",
          "description": "Método HTTP."
        },
        "url": {
          "type": "string",
          "minLength": 1,
          "maxLength": 2048,
          "pattern": "^https?://",
          "patternErrorMessage": "An address starting with `https://` (or `http://`).",
          "description": "URL called. Put credentials in `headers`, not in the URL."
        },
        "headers": {
          "type": "object",
          "description": "Cabeçalhos sent with the request. Values are sensitive: never shown in plans or output; write `${env:NAME}` for tokens.",
          "propertyNames": {
            "pattern": "^[A-Za-z0-9-]+$",
            "patternErrorMessage": "Letters, digits and `-` only."
          },
          "additionalProperties": {
            "type": "string",
            "x-sensitive": true
          },
          "default": {}
        },
        "body": {
          "type": "string",
          "maxLength": 20000,
          "description": "Corpo of the request (for POST, PUT and PATCH), usually JSON.",
          "x-text": true
        },
        "saveResponse": {
          "type": "string",
          "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$",
          "patternErrorMessage": "A variable name: a letter or `_`, then letters, digits or `_` (64 at most), such as `cpf`.",
          "description": "The variable that receives the response body, for later blocks."
        },
        "success": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Sucesso: the block that follows a 2xx response.",
          "x-edge": true
        },
        "error": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "Erro: the block that follows any other status, a timeout or a network failure.",
          "x-edge": true
        }
      }
    },
    "FlowBlockSetVariable": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "variable",
        "value",
        "next"
      ],
      "description": "Variável: sets a flow variable or contact field.",
      "properties": {
        "type": {
          "const": "setVariable",
          "description": "Block type: `setVariable` (Variável)."
        },
        "variable": {
          "type": "string",
          "pattern": "^(contact\\.)?[A-Za-z_][A-Za-z0-9_]{0,63}$",
          "patternErrorMessage": "A variable name (a letter or `_`, then letters, digits or `_`), or `contact.` and a contact field, such as `contact.cpf`.",
          "description": "The variable set: a name, or `contact.<field>` for a contact field.",
          "x-ref-prefixed": {
            "prefix": "contact.",
            "kind": "contact-field"
          }
        },
        "value": {
          "type": "string",
          "maxLength": 4096,
          "description": "Valor stored."
        },
        "next": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "The block that follows.",
          "x-edge": true
        }
      }
    },
    "FlowBlockRating": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "question",
        "next"
      ],
      "description": "Avaliação: asks the contact to rate the service (satisfaction survey; the scale is set in the application settings) and waits for the answer.",
      "properties": {
        "type": {
          "const": "rating",
          "description": "Block type: `rating` (Avaliação)."
        },
        "question": {
          "type": "string",
          "minLength": 1,
          "maxLength": 4096,
          "description": "Pergunta sent to the contact, such as \"De 1 a 5, como foi o atendimento?\"",
          "x-text": true
        },
        "next": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          "patternErrorMessage": "A block id: a letter, then letters, digits, `_` or `-` (64 at most), such as `boas-vindas`.",
          "description": "The block that follows the answer.",
          "x-edge": true
        }
      }
    },
    "FlowBlockGotoFlow": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "flow"
      ],
      "description": "Ir para fluxo: continues in another flow, from its start. Terminal within this flow.",
      "properties": {
        "type": {
          "const": "gotoFlow",
          "description": "Block type: `gotoFlow` (Ir para fluxo)."
        },
        "flow": {
          "type": "string",
          "minLength": 1,
          "description": "Fluxo to continue in, by name.",
          "x-ref": "flow",
          "x-deferrable": true
        }
      }
    },
    "FlowBlockEnd": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type"
      ],
      "description": "Finalização: ends the session without an agent. Terminal.",
      "properties": {
        "type": {
          "const": "end",
          "description": "Block type: `end` (Finalização)."
        },
        "message": {
          "type": "string",
          "minLength": 1,
          "maxLength": 4096,
          "description": "Mensagem de finalização sent to the contact.",
          "x-text": true
        },
        "tabulation": {
          "type": "string",
          "minLength": 1,
          "description": "Tabulação recorded on the session, by name.",
          "x-ref": "tabulation"
        }
      }
    },
    "PruneByKind": {
      "$comment": "Written by `npm run schema:write` from the kinds declared in $defs (x-kind); do not edit.",
      "type": "object",
      "additionalProperties": false,
      "description": "Deletion policy per kind.",
      "properties": {
        "userGroups": {
          "type": "boolean",
          "description": "Delete live userGroups missing from the config."
        },
        "administrators": {
          "type": "boolean",
          "description": "Delete live administrators missing from the config."
        },
        "tabulations": {
          "type": "boolean",
          "description": "Delete live tabulations missing from the config."
        },
        "predefinedMessages": {
          "type": "boolean",
          "description": "Delete live predefinedMessages missing from the config."
        },
        "contactGroups": {
          "type": "boolean",
          "description": "Delete live contactGroups missing from the config."
        },
        "contactFields": {
          "type": "boolean",
          "description": "Delete live contactFields missing from the config."
        },
        "blockedNumbers": {
          "type": "boolean",
          "description": "Delete live blockedNumbers missing from the config."
        },
        "teams": {
          "type": "boolean",
          "description": "Delete live teams missing from the config."
        },
        "agents": {
          "type": "boolean",
          "description": "Delete live agents missing from the config."
        },
        "scheduleGroups": {
          "type": "boolean",
          "description": "Delete live scheduleGroups missing from the config."
        },
        "wordFilters": {
          "type": "boolean",
          "description": "Delete live wordFilters missing from the config."
        },
        "pauses": {
          "type": "boolean",
          "description": "Delete live pauses missing from the config."
        },
        "flows": {
          "type": "boolean",
          "description": "Delete live flows missing from the config."
        }
      }
    }
  }
} as const;
