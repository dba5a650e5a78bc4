/**
 * Shell completion scripts for the CLI's commands and flags (`conecta completion bash|zsh`),
 * rendered from the command manifest: command names, each command's flags (with their fixed
 * choices) and file names for arguments. No code runs at completion time but the shell's own.
 */
export interface CompletionFlag {
  name: string;
  char?: string;
  description: string;
  /** Takes a value (else a boolean switch). */
  hasValue: boolean;
  /** The fixed choices of the value, if any. */
  options?: readonly string[];
  /** Has a `--no-` form. */
  allowNo?: boolean;
}

export interface CompletionCommand {
  id: string;
  summary: string;
  flags: CompletionFlag[];
  /** The fixed choices of the first argument, if any (`completion bash|zsh`). */
  argumentOptions?: readonly string[];
}

const SHELL_WORD = /^[A-Za-z0-9._:/@+-]+$/;

/** Only plain words reach the scripts: ids, flag names and choices come from our own manifest, but a script must never carry a quote. */
function word(text: string): string {
  if (!SHELL_WORD.test(text)) throw new Error(`not a plain word for a completion script: ${JSON.stringify(text)}`);
  return text;
}

function flagWords(flag: CompletionFlag): string[] {
  return [`--${word(flag.name)}`, ...(flag.allowNo ? [`--no-${word(flag.name)}`] : []), ...(flag.char ? [`-${word(flag.char)}`] : [])];
}

export function renderBashCompletion(bin: string, commands: readonly CompletionCommand[]): string {
  const name = word(bin);
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, '_')}_complete`;
  const ids = commands.map((command) => word(command.id));
  const cases = commands.map((command) => {
    const choices = command.flags.filter((flag) => flag.options && flag.options.length > 0).map((flag) => `        ${flagWords(flag).filter((item) => !item.startsWith('--no-')).join('|')}) COMPREPLY=($(compgen -W "${flag.options!.map(word).join(' ')}" -- "$cur")); return ;;`);
    const valued = command.flags.filter((flag) => flag.hasValue && !(flag.options && flag.options.length > 0)).flatMap((flag) => flagWords(flag).filter((item) => !item.startsWith('--no-')));
    const flags = [...command.flags.flatMap(flagWords), '--help'].join(' ');
    return [
      `    ${word(command.id)})`,
      ...(choices.length > 0 || valued.length > 0 ? ['      case "$prev" in', ...choices, ...(valued.length > 0 ? [`        ${valued.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`] : []), '      esac'] : []),
      command.id === 'help' || command.argumentOptions
        ? `      words="${command.id === 'help' ? ids.join(' ') : [...command.argumentOptions!.map(word), flags].join(' ')}" isChoice=1 ;;`
        : `      words="${flags}" ;;`,
    ].join('\n');
  });
  return `# ${name} completion for bash. Load it in this shell:  source <(${name} completion bash)
# or for every shell:  ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" words="" isChoice=0
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${ids.join(' ')} --help --version -h" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
    *) return ;;
  esac
  if [[ "$cur" == -* || "$isChoice" == 1 ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -o bashdefault -F ${fn} ${name}
`;
}

/** A description inside a zsh `_arguments` spec: single-quoted, without the brackets and colons the spec uses. */
function zshDescription(text: string): string {
  const first = text.split('\n')[0]!.replace(/[[\]:\\]/g, ' ').replace(/'/g, "'\\''").replace(/`/g, '').trim();
  return first.length > 100 ? `${first.slice(0, 97)}...` : first;
}

export function renderZshCompletion(bin: string, commands: readonly CompletionCommand[]): string {
  const name = word(bin);
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const described = commands.map((command) => `    '${word(command.id)}:${zshDescription(command.summary)}'`);
  const cases = commands.map((command) => {
    const specs = command.flags.flatMap((flag) => {
      const description = zshDescription(flag.description);
      const value = flag.hasValue ? `=[${description}]:${word(flag.name)}:${flag.options && flag.options.length > 0 ? `(${flag.options.map(word).join(' ')})` : '_files'}` : `[${description}]`;
      return [`'--${word(flag.name)}${value}'`, ...(flag.allowNo ? [`'--no-${word(flag.name)}[${description}]'`] : []), ...(flag.char ? [`'-${word(flag.char)}${flag.hasValue ? `+[${description}]:${word(flag.name)}:_files` : `[${description}]`}'`] : [])];
    });
    const rest = command.id === 'help'
      ? `'*:command:(${commands.map((item) => word(item.id)).join(' ')})'`
      : command.argumentOptions ? `'1:${word(command.id)}:(${command.argumentOptions.map(word).join(' ')})'` : "'*:file:_files'";
    return `    ${word(command.id)}) _arguments -s ${[...specs, "'--help[Show help]'", rest].join(' ')} ;;`;
  });
  return `#compdef ${name}
# ${name} completion for zsh. Load it in this shell:  source <(${name} completion zsh)
# or put it on $fpath as _${name}:  ${name} completion zsh > "\${fpath[1]}/_${name}"
${fn}() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands '${name} command' commands
    return
  fi
  local command="$words[2]"
  shift words
  (( CURRENT-- ))
  case "$command" in
${cases.join('\n')}
  esac
}
if [ "$funcstack[1]" = "${fn}" ]; then
  ${fn} "$@"
else
  compdef ${fn} ${name}
fi
`;
}
