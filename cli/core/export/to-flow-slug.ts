/** A file-name-safe slug of a flow's name: `Atendimento Início 😀` → `atendimento-inicio`. */
export function toFlowSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'flow' : slug;
}
