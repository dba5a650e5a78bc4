import { toResourceKey } from '../../../cli/core/kinds/registry.js';
import type { Kind, LiveResource, LiveSnapshot, Spec } from '../../../cli/core/model/resource.js';

export function live(kind: Kind, name: string, spec: Spec, id = `id-${kind}-${name}`): LiveResource {
  return { kind, name, key: toResourceKey(kind, name), id, spec };
}

/** A small tenant with one object of most kinds, references between them and values that need care in YAML. */
export function createAcmeSnapshot(): LiveSnapshot {
  return {
    unsupported: [],
    resources: [
      live('tabulation', 'Resolvido', { name: 'Resolvido' }),
      live('tabulation', 'Não resolvido', { name: 'Não resolvido' }),
      live('predefined-message', 'Saudação', { name: 'Saudação', text: 'Olá, {{nome}}!  \r\nComo posso ajudar? 😀\r\n' }),
      live('schedule-group', 'Comercial', {
        name: 'Comercial',
        intervals: [{ days: ['wed', 'mon'], from: '08:00', to: '18:00' }, { days: ['sat'], from: '09:00', to: '12:00' }],
        holidays: [{ date: '12-25', name: 'Natal' }, { date: '01-01', name: 'Ano Novo' }],
        exceptions: [],
      }),
      live('pause', 'Almoço', { name: 'Almoço', description: '', maxDuration: '60m', productive: false, cumulative: false, supervised: false, continueAttendances: false, active: true, message: '' }),
      live('word-filter', 'noFlowStart/obrigado', { list: 'noFlowStart', word: 'obrigado' }),
      live('word-filter', 'agentBlocked/Palavrão', { list: 'agentBlocked', word: 'Palavrão' }),
      live('word-filter', 'noFlowStart/Valeu', { list: 'noFlowStart', word: 'Valeu' }),
      live('user-group', 'Administrador', { name: 'Administrador', fullPermission: true, viewByTeams: false, visibleTeams: [], permissions: [] }),
      live('user-group', 'Supervisores', { name: 'Supervisores', fullPermission: false, viewByTeams: true, visibleTeams: ['Vendas', 'SAC'], permissions: ['reports.agents', 'registration.agents'] }),
      live('administrator', 'Ana@Acme.com.br', { email: 'Ana@Acme.com.br', name: 'Ana', userGroup: 'Supervisores', disabled: false, remoteAuth: false, language: 'pt-BR' }),
      live('team', 'SAC', {
        name: 'SAC', sessionTimeout: '90m', distributionRule: 'sequential', agentOrder: ['joao@acme.com.br', 'maria@acme.com.br'],
        closingMessage: 'Obrigado pelo contato!\nAté logo.', noAgentMessage: '', conversationHistory: 'none', overflowTeam: 'Vendas',
        transferTeams: ['Vendas'], tabulations: ['Resolvido', 'Não resolvido'], predefinedMessages: ['Saudação'],
        permissions: { editContact: true, finishAttendance: true, showNumber: false, offlineAttendance: false, agentChat: true, teamChat: true, sendEmojis: true, showMessagePreview: true, autoAttendance: false, hideContactOnHold: false, hideContactOnAgentScreen: false, voiceRecording: true },
      }),
      live('team', 'Vendas', { name: 'Vendas', sessionTimeout: '0s', distributionRule: 'all', agentOrder: [], closingMessage: '', noAgentMessage: '', conversationHistory: 'none', transferTeams: [], tabulations: [], predefinedMessages: [], permissions: {} }),
      live('agent', 'maria@acme.com.br', { email: 'maria@acme.com.br', name: 'Maria Conceição', codename: '1042', extension: '', teams: ['Vendas', 'SAC'], loginHours: { from: '08:00', to: '18:00' }, conversationHistory: 'inherit', maxSimultaneousChats: 0, hideRatingStars: false, remoteAuth: false }),
      live('agent', 'joao@acme.com.br', { email: 'joao@acme.com.br', name: 'João', codename: 'on', teams: ['SAC'] }),
      live('flow', 'Atendimento Início', {
        name: 'Atendimento Início', description: '', start: 'inicio',
        blocks: {
          menu: { type: 'menu', text: 'Escolha uma opção:\n1 - Vendas\n2 - Pedidos', options: [{ key: '2', label: 'Pedidos', next: 'pedidos' }, { key: '1', label: 'Vendas', next: 'vendas' }], invalid: 'fim' },
          inicio: { type: 'message', text: 'Bem-vindo à Acme! 😀', next: 'menu' },
          pedidos: { type: 'http', method: 'GET', url: 'https://api.acme.com.br/pedidos', headers: { Authorization: 'Bearer s3cr3t' }, success: 'fim', error: 'fim' },
          vendas: { type: 'transfer', team: 'Vendas' },
          fim: { type: 'end', tabulation: 'Resolvido' },
        },
      }),
    ],
  };
}
